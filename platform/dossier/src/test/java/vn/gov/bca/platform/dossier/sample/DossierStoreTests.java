package vn.gov.bca.platform.dossier.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.dossier.DossierCodes;
import vn.gov.bca.platform.dossier.DossierStatus;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.web.security.Caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dossier codes under concurrent submissions, and two officers acting on one dossier at once. */
@IntegrationTest
class DossierStoreTests {

	private static final Caller OFFICER_A = new Caller("officer-a", "001080001111", 2, Set.of(Caller.OFFICER),
			"PA08-HN", "01", "officer-console");

	private static final Caller OFFICER_B = new Caller("officer-b", "001080002222", 2, Set.of(Caller.OFFICER),
			"PA08-HN", "01", "officer-console");

	@Autowired
	private DossierCodes codes;

	@Autowired
	private AggregateStores stores;

	@Autowired
	private org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

	@Autowired
	private com.mongodb.reactivestreams.client.MongoClient client;

	@Test
	void concurrentSubmissionsToOneUnitOnOneDayGetDistinctConsecutiveCodes() {
		Set<String> issued = ConcurrentHashMap.newKeySet();
		Flux.range(0, 60)
			.flatMap((i) -> this.codes.next("PA08-HN", LocalDate.of(2026, 3, 2)).subscribeOn(Schedulers.parallel()), 16)
			.doOnNext(issued::add)
			.blockLast();

		assertThat(issued).hasSize(60).allMatch((code) -> code.matches("PA08-HN-260302-00[0-6][0-9]"));
		assertThat(issued).contains("PA08-HN-260302-0001", "PA08-HN-260302-0060");
		assertThat(this.codes.next("PA08-HN", LocalDate.of(2026, 3, 3)).block()).isEqualTo("PA08-HN-260303-0001");
		assertThat(this.codes.next("PA08-HCM", LocalDate.of(2026, 3, 2)).block()).isEqualTo("PA08-HCM-260302-0001");
	}

	/**
	 * Circular 01/2018/TT-VPCP Art. 19: four digits a day per unit from 0001. The 10,000th dossier
	 * of a day widens the sequence to five digits rather than refusing the citizen.
	 */
	@Test
	void afterTheNineThousandNineHundredAndNinetyNinthDossierOfADayTheSequenceWidensToFiveDigits() {
		sharedCounters().save(new org.bson.Document("_id", "PA08-DN:260415").append("sequence", 9_998L),
				"dossier_code_counters").block();
		assertThat(this.codes.next("PA08-DN", LocalDate.of(2026, 4, 15)).block()).isEqualTo("PA08-DN-260415-9999");
		assertThat(this.codes.next("PA08-DN", LocalDate.of(2026, 4, 15)).block()).isEqualTo("PA08-DN-260415-10000");
		assertThat(this.codes.next("PA08-DN", LocalDate.of(2026, 4, 15)).block()).isEqualTo("PA08-DN-260415-10001");
		// The next day starts again at 0001.
		assertThat(this.codes.next("PA08-DN", LocalDate.of(2026, 4, 16)).block()).isEqualTo("PA08-DN-260416-0001");
	}

	@Test
	void aDossierReceivedJustAfterMidnightInVietnamTakesThatDaysCode() {
		// 00:10 on 21 Apr in Hà Nội is 17:10 on 20 Apr in UTC.
		assertThat(this.codes.next("PA08-CT", Instant.parse("2026-04-20T17:10:00Z")).block())
			.isEqualTo("PA08-CT-260421-0001");
		assertThat(this.codes.next("PA08-CT", Instant.parse("2026-04-20T16:50:00Z")).block())
			.isEqualTo("PA08-CT-260420-0001");
	}

	/**
	 * The PC06 of a province receives identity-card dossiers (identity-service) and seal dossiers
	 * (seal-service): a code one of them gave is never given by the other, because the counters are
	 * in the database they share, not in either's own.
	 */
	@Test
	void twoServicesReceivingForOneUnitNeverGiveTheSameCode() {
		DossierCodes otherService = new DossierCodes(sharedCounters());
		LocalDate day = LocalDate.of(2026, 5, 20);
		assertThat(this.codes.next("PC06-DN", day).block()).isEqualTo("PC06-DN-260520-0001");
		assertThat(otherService.next("PC06-DN", day).block()).isEqualTo("PC06-DN-260520-0002");
		assertThat(this.codes.next("PC06-DN", day).block()).isEqualTo("PC06-DN-260520-0003");
		assertThat(this.mongo.collectionExists("dossier_code_counters").block())
			.as("counters in the service's own database").isFalse();
	}

	/** The counters' database as another service reaches it, on its own connection to the server. */
	private org.springframework.data.mongodb.core.ReactiveMongoTemplate sharedCounters() {
		return new org.springframework.data.mongodb.core.ReactiveMongoTemplate(this.client, DossierCodes.DATABASE);
	}

	@Test
	void aUnitCodeThatIsNotMasterDataShapeIsRefused() {
		assertThatThrownBy(() -> this.codes.next("pa08 hn", LocalDate.of(2026, 3, 2)).block())
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void ofTwoOfficersActingOnOneDossierAtOnceOneWinsAndTheOtherIsRefused() {
		AggregateStore<SampleDossier> dossiers = this.stores.forCollection(SampleDossier.class, "sample_dossiers");
		String code = this.codes.next("PA08-HN", LocalDate.of(2026, 3, 9)).block();
		SampleDossier submitted = new SampleDossier(code, "du lịch", Instant.now());
		dossiers.insert(submitted, List.of(submitted.firstEvent())).block();

		SampleDossier seenByA = dossiers.findById(code).block();
		SampleDossier seenByB = dossiers.findById(code).block();
		long version = seenByA.version();
		dossiers.update(seenByA, version, List.of(seenByA.accept(OFFICER_A, null, Instant.now()))).block();
		assertThatThrownBy(() -> dossiers
			.update(seenByB, version, List.of(seenByB.notAccept(OFFICER_B, "thiếu giấy tờ", Instant.now())))
			.block()).isInstanceOf(OptimisticLockingFailureException.class);

		SampleDossier stored = dossiers.findById(code).block();
		assertThat(stored.status()).isEqualTo(DossierStatus.ACCEPTED);
		assertThat(stored.purpose()).isEqualTo("du lịch");
		assertThat(stored.progress()).extracting((entry) -> entry.handler()).containsExactly("citizen-an", "officer-a");
	}

}
