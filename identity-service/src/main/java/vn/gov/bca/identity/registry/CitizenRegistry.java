package vn.gov.bca.identity.registry;

import java.time.Clock;
import java.time.LocalDate;
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

import vn.gov.bca.identity.privacy.Pseudonyms;
import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.time.VietnamTime;
import vn.gov.bca.platform.web.security.Caller;

/** Enters citizens in the registry and reads them by personal id (a keyed read). */
@Service
public class CitizenRegistry {

	public static final String COLLECTION = "citizens";

	private static final int MAX_HOUSEHOLD_SIZE = 200;

	private static final Logger log = LoggerFactory.getLogger(CitizenRegistry.class);

	private final AggregateStore<Citizen> citizens;

	private final ReactiveMongoTemplate mongo;

	private final ProvinceCodes birthProvinces = ProvinceCodes.birthRegistration();

	private final ProvinceCodes provinces = ProvinceCodes.current();

	private final Clock clock;

	private final Pseudonyms pseudonyms;

	CitizenRegistry(AggregateStores stores, ReactiveMongoTemplate mongo, Clock clock, Pseudonyms pseudonyms) {
		this.citizens = stores.forCollection(Citizen.class, COLLECTION);
		this.mongo = mongo;
		this.clock = clock;
		this.pseudonyms = pseudonyms;
	}

	/** Enters a citizen (no caller: imports and tests); officers go through {@link #register(Citizen.NewCitizen, Caller)}. */
	public Mono<Citizen> register(Citizen.NewCitizen data) {
		return Mono.fromCallable(() -> Citizen.register(data, this.birthProvinces, this.provinces, this.clock))
			.flatMap((registration) -> this.citizens.insert(registration.citizen(),
					List.of(registration.event().withAggregateId(this.pseudonyms.of(registration.citizen().personalId())))))
			.onErrorMap(DuplicateKeyException.class, (duplicate) -> ApiException.conflict("citizen.already-registered"));
	}

	/** An officer enters a citizen who lives in their province (403 otherwise); an administrator anyone. */
	public Mono<Citizen> register(Citizen.NewCitizen data, Caller caller) {
		return Mono.fromRunnable(() -> RegistryAccess.requireMayEnter(caller, responsibleProvince(data)))
			.then(register(data));
	}

	private static String responsibleProvince(Citizen.NewCitizen data) {
		if (data.permanentAddress() != null && data.permanentAddress().provinceCode() != null) {
			return data.permanentAddress().provinceCode();
		}
		return (data.temporaryAddress() != null) ? data.temporaryAddress().provinceCode() : null;
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

	/**
	 * The officers' search, household and card expiry (the exchange reminders) indexes, for a real
	 * MongoDB (mongo-java-server accepts and ignores them).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void declareIndexes() {
		this.mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("fullNameFolded", Sort.Direction.ASC)
				.on("birthDate.year", Sort.Direction.ASC)
				.on("permanentAddress.provinceCode", Sort.Direction.ASC)
				.named("officer_search"))
			.then(this.mongo.indexOps(COLLECTION)
				.createIndex(new Index().on("household.householdId", Sort.Direction.ASC).named("household")))
			.then(this.mongo.indexOps(COLLECTION)
				.createIndex(new Index().on("identityCards.expiresOn", Sort.Direction.ASC).named("card_expiry")))
			.subscribe(null, (ex) -> log.warn("Could not declare the citizens indexes: {}", ex.toString()));
	}

	/**
	 * The record as an officer or administrator may see it: 404 when there is none and when it is
	 * outside the officer's province alike.
	 */
	public Mono<Citizen> findFor(String personalId, Caller caller) {
		return find(personalId).filter((citizen) -> RegistryAccess.mayActOn(caller, citizen));
	}

	/** Corrects a record; 404 when there is none (or not in the officer's province), 409 when another change came first. */
	public Mono<Citizen> correct(String personalId, Citizen.Correction correction, Caller caller) {
		return change(personalId, caller, (citizen) -> citizen.correct(correction, this.provinces, this.clock));
	}

	public Mono<Citizen> recordDeath(String personalId, LocalDate date, Caller caller) {
		return change(personalId, caller, (citizen) -> citizen.recordDeath(date, this.clock));
	}

	public Mono<Citizen> issueIdentityCard(String personalId, LocalDate issuedOn, String issuingAuthority,
			Caller caller) {
		return change(personalId, caller,
				(citizen) -> citizen.issueIdentityCard(issuedOn, issuingAuthority, this.clock));
	}

	/**
	 * The card an identity-card dossier produced, entered once per dossier (the dossier's follow-up:
	 * no caller, the officer's right was checked on the dossier); its events leave with the pseudonym.
	 */
	public Mono<Citizen> issueCardOfDossier(String personalId, LocalDate issuedOn, String issuingAuthority,
			String dossierCode) {
		return this.citizens.change(personalId, (citizen) -> citizen
			.issueIdentityCard(issuedOn, issuingAuthority, dossierCode, this.clock)
			.stream()
			.map((event) -> event.withAggregateId(this.pseudonyms.of(citizen.personalId())))
			.toList());
	}

	/**
	 * A re-issue filed for a lost card: the card is invalid from today, for every service's
	 * verification, unless its holder reported it already (nothing then).
	 */
	public Mono<Citizen> cardLostAtReissue(String personalId) {
		return this.citizens.change(personalId, (citizen) -> citizen.holdsValidCard(VietnamTime.today(this.clock))
				? citizen.reportCardLost(this.clock)
					.stream()
					.map((event) -> event.withAggregateId(this.pseudonyms.of(citizen.personalId())))
					.toList()
				: List.of());
	}

	/**
	 * Reminds the citizen of their card's exchange when it is due (once per card; nothing otherwise):
	 * the event leaves with the pseudonym.
	 */
	public Mono<Citizen> remindCardExchange(String personalId, LocalDate today, int daysBefore) {
		return this.citizens.change(personalId, (citizen) -> citizen.remindCardExchange(today, daysBefore, this.clock)
			.stream()
			.map((event) -> event.withAggregateId(this.pseudonyms.of(citizen.personalId())))
			.toList());
	}

	/** The citizen's own report that their card is lost: invalid at once. 404 when there is no such record. */
	public Mono<Citizen> reportCardLost(String personalId) {
		if (!PersonalIdNumber.isWellFormed(personalId)) {
			return Mono.error(ApiException.notFound("citizen"));
		}
		return this.citizens.change(personalId, (citizen) -> citizen.reportCardLost(this.clock)
			.stream()
			.map((event) -> event.withAggregateId(this.pseudonyms.of(citizen.personalId())))
			.toList())
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("citizen")));
	}

	/**
	 * A transition on the stored record, re-applied to a fresh read when another change came first
	 * (the platform's {@link AggregateStore#change}); the record outside the officer's reach is 404
	 * as a missing one. Its events leave with the citizen's pseudonym in place of the personal id.
	 */
	private Mono<Citizen> change(String personalId, Caller caller,
			Function<Citizen, List<? extends CitizenEvent>> transition) {
		if (!PersonalIdNumber.isWellFormed(personalId)) {
			return Mono.error(ApiException.notFound("citizen"));
		}
		return this.citizens.change(personalId, (citizen) -> {
			if (!RegistryAccess.mayActOn(caller, citizen)) {
				throw ApiException.notFound("citizen");
			}
			return transition.apply(citizen)
				.stream()
				.map((event) -> event.withAggregateId(this.pseudonyms.of(citizen.personalId())))
				.toList();
		}).switchIfEmpty(Mono.error(() -> ApiException.notFound("citizen")));
	}

	/**
	 * The record follows the residence register (residence-service's events, read by its consumer):
	 * no caller, the events leave with the pseudonym. Empty when the registry has no such citizen.
	 */
	public Mono<Citizen> followResidence(String personalId, Citizen.ResidenceUpdate update) {
		if (!PersonalIdNumber.isWellFormed(personalId)) {
			return Mono.empty();
		}
		return this.citizens.change(personalId, (citizen) -> citizen.followResidence(update, this.clock)
			.stream()
			.map((event) -> event.withAggregateId(this.pseudonyms.of(citizen.personalId())))
			.toList());
	}

	/** The name of a current province (two-digit code), as an address writes it. */
	public java.util.Optional<String> provinceName(String code) {
		return this.provinces.name(code);
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
