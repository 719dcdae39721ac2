package vn.gov.bca.residence.stay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.dossier.registry.BirthDate;
import vn.gov.bca.platform.dossier.registry.PopulationRegistry;
import vn.gov.bca.platform.dossier.registry.PopulationRegistry.PersonCheck;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;
import vn.gov.bca.platform.dossier.Address;
import vn.gov.bca.residence.establishment.Establishment;
import vn.gov.bca.residence.establishment.Establishments;

/**
 * Stay notifications, accepted at once: by an accommodation provider for an establishment it
 * operates, or by a citizen (identity level 2) for guests at the home where the registry has them
 * living. Every guest with a personal id is confirmed in the registry (name and birth date) before
 * anything is written; a guest without one gives a Vietnamese passport number. Seen by the host,
 * by each guest (their own stays) and by officers of the province.
 */
@RestController
@RequestMapping("/api/residence")
class StayNotifications {

	static final String COLLECTION = "residence_stays";

	static final String PURPOSE = "stay notification";

	/**
	 * Guests are notified from 14 on, by their personal id or passport number; a child under 14 (on
	 * the day of arrival, a birth date held as a year or month counting only when surely under) is
	 * notified with the person of 14 or more they stay with, by name and birth date, an id being
	 * optional: a notification of children alone is refused.
	 */
	static final int CHILD_AGE = 14;

	/** Law on Residence 68/2020/QH14, Art. 2: a stay (lưu trú) is under 30 days; longer needs temporary registration. */
	static final int LONGEST_STAY_DAYS = 29;

	/** How far from now an arrival may be: a notification in advance, or a late one. */
	static final Duration ARRIVAL_WINDOW = Duration.ofDays(30);

	private final AggregateStore<StayNotification> store;

	private final ReactiveMongoTemplate mongo;

	private final Establishments establishments;

	private final PopulationRegistry registry;

	private final Clock clock;

	StayNotifications(AggregateStores stores, ReactiveMongoTemplate mongo, Establishments establishments,
			PopulationRegistry registry, Clock clock) {
		this.store = stores.forCollection(StayNotification.class, COLLECTION);
		this.mongo = mongo;
		this.establishments = establishments;
		this.registry = registry;
		this.clock = clock;
		for (String field : List.of("host.personalId", "guests.personalId", "address.provinceCode")) {
			mongo.indexOps(COLLECTION)
				.createIndex(new Index().on(field, Sort.Direction.ASC).named(field.replace('.', '_')))
				.subscribe(null, (ex) -> LoggerFactory.getLogger(StayNotifications.class)
					.warn("No stays index on {}: {}", field, ex.toString()));
		}
	}

	/** Exactly one of {@code personalId} and {@code passportNumber}. */
	record GuestRequest(@Pattern(regexp = "[0-9]{12}") String personalId,
			@Pattern(regexp = "[A-Z][0-9]{7}") String passportNumber, @NotBlank @Size(max = 100) String fullName,
			@NotNull BirthDate birthDate) {
	}

	/**
	 * @param establishmentId the establishment, for an accommodation provider; null for a citizen host,
	 * who gives the {@code address} of their home
	 */
	record StayRequest(@Size(max = 60) String establishmentId, @Valid Address address,
			@NotBlank @Size(max = 200) String reason, @NotNull Instant arrivedAt, @NotNull LocalDate departsOn,
			@NotEmpty @Size(max = 50) List<@NotNull @Valid GuestRequest> guests) {
	}

	@PostMapping("/stays")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<StayNotification> notifyStay(@Valid @RequestBody StayRequest request, Caller caller) {
		Instant now = this.clock.instant();
		List<StayNotification.Guest> guests = checkRequest(request, now);
		return host(request, caller).flatMap((host) -> confirmGuests(guests).then(Mono.defer(() -> {
			StayNotification.Notified notified = StayNotification.notify(UUID.randomUUID().toString(), host.host(),
					host.address(), request.reason().strip(), request.arrivedAt(), request.departsOn(), guests,
					this.clock.instant());
			return this.store.insert(notified.notification(), List.of(notified.event()));
		})));
	}

	/** What the host notified, newest first. */
	@GetMapping("/stays/mine")
	Mono<List<StayNotification>> mine(Caller caller) {
		return find(Criteria.where("host.personalId").is(requirePersonalId(caller)));
	}

	/**
	 * The caller's own stays as a guest: where, when, why and who notified (the establishment, or
	 * the host's name), never the host's personal id nor the other guests.
	 */
	@GetMapping("/me/stays")
	Mono<List<GuestStay>> asGuest(Caller caller) {
		String guest = requirePersonalId(caller);
		return find(Criteria.where("guests.personalId").is(guest))
			.map((stays) -> stays.stream().map((stay) -> GuestStay.of(stay)).toList());
	}

	record GuestStay(String id, String establishmentName, String hostName, Address address, String reason,
			Instant arrivedAt, LocalDate departsOn, Instant notifiedAt, boolean onTime) {

		static GuestStay of(StayNotification stay) {
			return new GuestStay(stay.id(), stay.host().establishmentName(),
					(stay.host().establishmentId() == null) ? stay.host().fullName() : null, stay.address(), stay.reason(),
					stay.arrivedAt(), stay.departsOn(), stay.notifiedAt(), stay.onTime());
		}

	}

	/** For officers of the province: the arrivals of one Vietnam day (today by default), in a commune or all. */
	@GetMapping("/stays")
	Mono<List<StayNotification>> ofArea(@RequestParam @Pattern(regexp = "[0-9]{2}") String province,
			@RequestParam(required = false) @Size(max = 100) String commune,
			@RequestParam(required = false) LocalDate day, Caller caller) {
		caller.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR).requireOfficerOf(province);
		LocalDate arrivals = (day != null) ? day : VietnamTime.today(this.clock);
		Criteria criteria = Criteria.where("address.provinceCode").is(province).and("arrivedAt")
			.gte(arrivals.atStartOfDay(VietnamTime.ZONE).toInstant())
			.lt(arrivals.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant());
		return find(criteria).map((stays) -> (commune == null) ? stays
				: stays.stream().filter((stay) -> stay.address().sameCommuneAs(province, commune)).toList());
	}

	private Mono<List<StayNotification>> find(Criteria criteria) {
		return this.mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "arrivedAt")).limit(500),
				StayNotification.class, COLLECTION).collectList();
	}

	/** The dates and the guests, checked before anything is asked of the registry (422 naming each field). */
	private static List<StayNotification.Guest> checkRequest(StayRequest request, Instant now) {
		ApiException refusal = new ApiException(ProblemType.UNPROCESSABLE, "stay.rules-broken");
		if (request.arrivedAt().isBefore(now.minus(ARRIVAL_WINDOW)) || request.arrivedAt().isAfter(now.plus(ARRIVAL_WINDOW))) {
			refusal.withError("arrivedAt", "stay.arrival-out-of-range", ARRIVAL_WINDOW.toDays());
		}
		LocalDate arrivalDay = VietnamTime.dayOf(request.arrivedAt());
		if (request.departsOn().isBefore(arrivalDay)) {
			refusal.withError("departsOn", "stay.departs-before-arrival");
		}
		else if (request.departsOn().isAfter(arrivalDay.plusDays(LONGEST_STAY_DAYS))) {
			refusal.withError("departsOn", "stay.too-long", LONGEST_STAY_DAYS + 1);
		}
		List<StayNotification.Guest> guests = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		boolean anyoneOf14 = false;
		for (int i = 0; i < request.guests().size(); i++) {
			GuestRequest guest = request.guests().get(i);
			String field = "guests[" + i + "]";
			boolean child = guest.birthDate().isSurelyUnder(CHILD_AGE, arrivalDay);
			anyoneOf14 |= !child;
			boolean bothOrNone = (guest.personalId() == null) == (guest.passportNumber() == null);
			if (bothOrNone && !(child && guest.personalId() == null)) {
				refusal.withError(field, "stay.guest-id");
				continue;
			}
			String id = (guest.personalId() != null) ? guest.personalId()
					: (guest.passportNumber() != null) ? guest.passportNumber()
							: guest.fullName().strip() + "/" + guest.birthDate();
			if (!seen.add(id)) {
				refusal.withError(field, "stay.guest-twice");
				continue;
			}
			guests.add(new StayNotification.Guest(guest.personalId(), guest.passportNumber(), guest.fullName().strip(),
					guest.birthDate()));
		}
		if (!anyoneOf14 && refusal.errors().isEmpty()) {
			refusal.withError("guests", "stay.children-alone", CHILD_AGE);
		}
		if (!refusal.errors().isEmpty()) {
			throw refusal;
		}
		return guests;
	}

	private record HostAt(StayNotification.Host host, Address address) {
	}

	/**
	 * An establishment's operator at its address (another provider: 403; an unknown establishment:
	 * 404); else a citizen at level 2 whose permanent or temporary address in the registry is in the
	 * address's commune (422 otherwise).
	 */
	private Mono<HostAt> host(StayRequest request, Caller caller) {
		if (request.establishmentId() != null) {
			return this.establishments.find(request.establishmentId()).map((establishment) -> {
				if (!establishment.isOperatedBy(caller)) {
					throw ApiException.forbidden("stay.not-operator");
				}
				return new HostAt(new StayNotification.Host(caller.personalId(), null, establishment.id(),
						establishment.name(), caller.subject()), establishment.address());
			});
		}
		caller.requireAnyRole(Caller.CITIZEN).requireIdentityLevel(2);
		if (request.address() == null) {
			return Mono.error(new ApiException(ProblemType.UNPROCESSABLE, "stay.rules-broken").withError("address",
					"stay.address-required"));
		}
		Address given = request.address();
		return this.registry.citizen(requirePersonalId(caller), PURPOSE)
			.flatMap((citizen) -> Mono.justOrEmpty(communeOfHome(citizen, given))
				.map((commune) -> new HostAt(new StayNotification.Host(citizen.personalId(), citizen.fullName(), null,
						null, caller.subject()), new Address(given.provinceCode(), commune, given.detail()))))
			.switchIfEmpty(Mono.error(() -> new ApiException(ProblemType.UNPROCESSABLE, "stay.rules-broken")
				.withError("address", "stay.host-not-resident")));
	}

	/**
	 * The commune, as the registry writes it, of the host's permanent or temporary address when it is
	 * the given address's commune (so that officers find the stay under the registry's spelling).
	 */
	private static Optional<String> communeOfHome(PopulationRegistry.MinimalCitizen citizen, Address given) {
		for (PopulationRegistry.Address recorded : new PopulationRegistry.Address[] { citizen.permanentAddress(),
				citizen.temporaryAddress() }) {
			if (recorded != null && given.sameCommuneAs(recorded.provinceCode(), recorded.commune())) {
				return Optional.of(recorded.commune());
			}
		}
		return Optional.empty();
	}

	/** Every guest with a personal id is the registry's person of that name and birth date (422 naming the row). */
	private Mono<Void> confirmGuests(List<StayNotification.Guest> guests) {
		return Flux.range(0, guests.size())
			.filter((i) -> guests.get(i).personalId() != null)
			.flatMapSequential((i) -> {
				StayNotification.Guest guest = guests.get(i);
				return this.registry
					.confirms(new PersonCheck(guest.personalId(), guest.fullName(), guest.birthDate()), PURPOSE)
					.map((confirmed) -> confirmed ? -1 : i);
			}, 8)
			.filter((i) -> i >= 0)
			.collectList()
			.flatMap((unconfirmed) -> {
				if (unconfirmed.isEmpty()) {
					return Mono.empty();
				}
				ApiException refusal = new ApiException(ProblemType.UNPROCESSABLE, "stay.rules-broken");
				unconfirmed.forEach((i) -> refusal.withError("guests[" + i + "].personalId", "stay.guest-not-confirmed"));
				return Mono.error(refusal);
			});
	}

	private static String requirePersonalId(Caller caller) {
		if (caller.personalId() == null) {
			throw ApiException.forbidden("forbidden");
		}
		return caller.personalId();
	}

}
