package vn.gov.bca.platform.dossier.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.dossier.Channel;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.DossierQueries;
import vn.gov.bca.platform.dossier.DossierStatus;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An officer's work queue and a supervisor's statistics over a service's dossiers. */
@IntegrationTest
class DossierQueriesTests {

	private static final String COLLECTION = "queue_dossiers";

	private static final Dossier.HandlingUnit HANOI = new Dossier.HandlingUnit("PA08-HN", "Phòng QLXNC Hà Nội", "01");

	private static final Dossier.HandlingUnit HCM = new Dossier.HandlingUnit("PA08-HCM", "Phòng QLXNC TP HCM", "79");

	private static final Caller OFFICER = new Caller("officer-hn", "001080001111", 2, Set.of(Caller.OFFICER), "PA08-HN",
			"01", "officer-console");

	private static final Caller SUPERVISOR = new Caller("lead-hn", "001075003333", 2,
			Set.of(Caller.OFFICER, Caller.SUPERVISOR), "PA08-HN", "01", "officer-console");

	private static final LocalDate TODAY = LocalDate.of(2026, 5, 20);

	private static final Instant MAY_4 = Instant.parse("2026-05-04T03:00:00Z");

	@Autowired
	private AggregateStores stores;

	@Autowired
	private DossierQueries queries;

	@BeforeEach
	void dossiersOfTwoUnits() {
		AggregateStore<SampleDossier> dossiers = this.stores.forCollection(SampleDossier.class, COLLECTION);
		if (dossiers.findById("PA08-HN-260504-0001").block() != null) {
			return;
		}
		save(dossiers, new SampleDossier("PA08-HN-260504-0001", "1.001", Channel.ONLINE, HANOI, MAY_4, TODAY.minusDays(2)));
		save(dossiers, new SampleDossier("PA08-HN-260504-0002", "1.001", Channel.COUNTER, HANOI, MAY_4, TODAY.plusDays(3)));
		SampleDossier processedOnTime = new SampleDossier("PA08-HN-260504-0003", "1.002", Channel.ONLINE, HANOI, MAY_4,
				LocalDate.of(2026, 5, 14));
		processedOnTime.accept(OFFICER, null, MAY_4);
		processedOnTime.process(OFFICER, "ok", Instant.parse("2026-05-12T03:00:00Z"));
		save(dossiers, processedOnTime);
		SampleDossier processedLate = new SampleDossier("PA08-HN-260504-0004", "1.001", Channel.ONLINE, HANOI, MAY_4,
				LocalDate.of(2026, 5, 14));
		processedLate.accept(OFFICER, null, MAY_4);
		processedLate.process(OFFICER, "ok", Instant.parse("2026-05-18T03:00:00Z"));
		save(dossiers, processedLate);
		save(dossiers, new SampleDossier("PA08-HCM-260504-0001", "1.001", Channel.ONLINE, HCM, MAY_4, TODAY.minusDays(5)));
	}

	private static void save(AggregateStore<SampleDossier> dossiers, SampleDossier dossier) {
		dossiers.insert(dossier, List.of()).block();
	}

	@Test
	void theQueueHoldsTheUnitsDossiersEarliestAppointmentFirst() {
		DossierQueries.QueuePage<SampleDossier> queue = this.queries
			.workQueue(SampleDossier.class, COLLECTION, OFFICER, new DossierQueries.QueueFilter(null, null, false, false),
					TODAY, 0, 10)
			.block();
		assertThat(queue.items()).extracting(Dossier::code)
			.containsExactly("PA08-HN-260504-0003", "PA08-HN-260504-0004", "PA08-HN-260504-0001", "PA08-HN-260504-0002");
		assertThat(queue.hasMore()).isFalse();
	}

	@Test
	void theQueueFiltersOverdueAndByStatusAndProcedureAndPages() {
		assertThat(this.queries
			.workQueue(SampleDossier.class, COLLECTION, OFFICER, new DossierQueries.QueueFilter(null, null, true, false),
					TODAY, 0, 10)
			.block()
			.items()).extracting(Dossier::code).containsExactly("PA08-HN-260504-0001");
		assertThat(this.queries
			.workQueue(SampleDossier.class, COLLECTION, OFFICER,
					new DossierQueries.QueueFilter(DossierStatus.PROCESSED, "1.002", false, false), TODAY, 0, 10)
			.block()
			.items()).extracting(Dossier::code).containsExactly("PA08-HN-260504-0003");
		DossierQueries.QueuePage<SampleDossier> first = this.queries
			.workQueue(SampleDossier.class, COLLECTION, OFFICER, new DossierQueries.QueueFilter(null, null, false, false),
					TODAY, 0, 3)
			.block();
		assertThat(first.items()).hasSize(3);
		assertThat(first.hasMore()).isTrue();
	}

	@Test
	void aCitizenHasNoWorkQueue() {
		Caller citizen = new Caller("citizen-an", "001085012345", 2, Set.of(Caller.CITIZEN), null, null, "vneid-mobile");
		assertThatThrownBy(() -> this.queries.workQueue(SampleDossier.class, COLLECTION, citizen,
				new DossierQueries.QueueFilter(null, null, false, false), TODAY, 0, 10)).isInstanceOf(ApiException.class);
	}

	@Test
	void aSupervisorCountsTheProvincesDossiersAndItsOnTimeRate() {
		DossierQueries.Statistics statistics = this.queries
			.statistics(COLLECTION, SUPERVISOR, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31))
			.block();

		assertThat(statistics.counts()).extracting(DossierQueries.Count::unit).containsOnly("PA08-HN");
		assertThat(statistics.counts().stream().mapToLong(DossierQueries.Count::count).sum()).isEqualTo(4);
		assertThat(statistics.counts()).contains(
				new DossierQueries.Count("1.001", Channel.COUNTER, DossierStatus.SUBMITTED, "PA08-HN", 1),
				new DossierQueries.Count("1.001", Channel.ONLINE, DossierStatus.PROCESSED, "PA08-HN", 1));
		assertThat(statistics.processed()).isEqualTo(2);
		assertThat(statistics.processedOnTime()).isEqualTo(1);
		assertThat(statistics.onTimeRate()).isEqualTo(50.0);
		assertThatThrownBy(() -> this.queries.statistics(COLLECTION, OFFICER, LocalDate.of(2026, 5, 1),
				LocalDate.of(2026, 5, 31))).isInstanceOf(ApiException.class);
	}

}
