package vn.gov.bca.identity.registry;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.web.error.ApiException;

/** Enters citizens in the registry and reads them by personal id (a keyed read). */
@Service
public class CitizenRegistry {

	public static final String COLLECTION = "citizens";

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final int MAX_HOUSEHOLD_SIZE = 200;

	private static final Logger log = LoggerFactory.getLogger(CitizenRegistry.class);

	private final AggregateStore<Citizen> citizens;

	private final ReactiveMongoTemplate mongo;

	private final ProvinceCodes birthProvinces = ProvinceCodes.birthRegistration();

	private final ProvinceCodes provinces = ProvinceCodes.current();

	CitizenRegistry(AggregateStores stores, ReactiveMongoTemplate mongo) {
		this.citizens = stores.forCollection(Citizen.class, COLLECTION);
		this.mongo = mongo;
	}

	public Mono<Citizen> register(Citizen.NewCitizen data) {
		return Mono.fromCallable(() -> Citizen.register(data, this.birthProvinces, this.provinces))
			.flatMap((registration) -> this.citizens.insert(registration.citizen(), List.of(registration.event())))
			.onErrorMap(DuplicateKeyException.class, (duplicate) -> ApiException.conflict("citizen.already-registered"));
	}

	/**
	 * Officers' search: the folded name contains the folded text, optionally with year of birth and
	 * current province of permanent residence, ordered by name, one page (and whether more follow).
	 * A scan on mongo-java-server; on MongoDB the index declared below serves it.
	 */
	public Mono<SearchPage> search(String name, Integer birthYear, String provinceCode, int page, int size) {
		Criteria criteria = Criteria.where("fullNameFolded").regex(Pattern.quote(VietnameseText.fold(name)));
		if (birthYear != null) {
			criteria = criteria.and("birthDate.year").is(birthYear);
		}
		if (provinceCode != null) {
			criteria = criteria.and("permanentAddress.provinceCode").is(provinceCode);
		}
		Query query = Query.query(criteria)
			.with(Sort.by("fullNameFolded", "_id"))
			.skip((long) page * size)
			.limit(size + 1);
		return this.mongo.find(query, Citizen.class, COLLECTION)
			.collectList()
			.map((found) -> new SearchPage(found.subList(0, Math.min(size, found.size())), page, size,
					found.size() > size));
	}

	/** One page of search results; {@code hasMore} instead of a total, which would cost a count. */
	public record SearchPage(List<Citizen> items, int page, int size, boolean hasMore) {
	}

	/** The officers' search and household indexes, for a real MongoDB (mongo-java-server accepts and ignores them). */
	@EventListener(ApplicationReadyEvent.class)
	void declareIndexes() {
		this.mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("fullNameFolded", Sort.Direction.ASC)
				.on("birthDate.year", Sort.Direction.ASC)
				.on("permanentAddress.provinceCode", Sort.Direction.ASC)
				.named("officer_search"))
			.then(this.mongo.indexOps(COLLECTION)
				.createIndex(new Index().on("household.householdId", Sort.Direction.ASC).named("household")))
			.subscribe(null, (ex) -> log.warn("Could not declare the citizens indexes: {}", ex.toString()));
	}

	/** Corrects a record; 404 when there is none, 409 when another change came first. */
	public Mono<Citizen> correct(String personalId, Citizen.Correction correction) {
		return change(personalId, (citizen) -> citizen.correct(correction, this.provinces));
	}

	public Mono<Citizen> recordDeath(String personalId, LocalDate date) {
		return change(personalId, (citizen) -> citizen.recordDeath(date, LocalDate.now(VIETNAM)));
	}

	public Mono<Citizen> issueIdentityCard(String personalId, LocalDate issuedOn, String issuingAuthority) {
		return change(personalId,
				(citizen) -> citizen.issueIdentityCard(issuedOn, issuingAuthority, LocalDate.now(VIETNAM)));
	}

	private Mono<Citizen> change(String personalId, Function<Citizen, Citizen.Change> action) {
		return find(personalId).switchIfEmpty(Mono.error(() -> ApiException.notFound("citizen")))
			.flatMap((citizen) -> {
				Citizen.Change change = action.apply(citizen);
				if (change.event() == null) {
					return Mono.just(citizen);
				}
				return this.citizens.update(change.citizen(), citizen.version(), change.events());
			});
	}

	/** The members of a household, head first, then by year of birth. */
	public Flux<Citizen> householdMembers(String householdId) {
		Query query = Query.query(Criteria.where("household.householdId").is(householdId))
			.with(Sort.by("birthDate.year", "_id"))
			.limit(MAX_HOUSEHOLD_SIZE);
		return this.mongo.find(query, Citizen.class, COLLECTION)
			.sort(Comparator.comparing((Citizen member) -> member.household().relationToHead() != Household.Relation.HEAD));
	}

	public Mono<Citizen> find(String personalId) {
		if (!PersonalIdNumber.isWellFormed(personalId)) {
			return Mono.empty();
		}
		return this.citizens.findById(personalId);
	}

}
