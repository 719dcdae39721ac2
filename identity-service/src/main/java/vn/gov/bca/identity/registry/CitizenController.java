package vn.gov.bca.identity.registry;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.identity.access.AccessLog;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.security.PersonalIds;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The population registry's own API: registry officers enter and read citizens of their province
 * ({@link RegistryAccess}); a citizen reads their own record, whole at level 2 and as a summary at
 * level 1.
 */
@RestController
@RequestMapping("/api/identity")
class CitizenController {

	private static final String DEFAULT_CARD_AUTHORITY = IdentityCard.ISSUING_AUTHORITY;

	/**
	 * The identity level from which a citizen sees their whole record, household and access log
	 * (Decree 69/2024, Art. 12-13: a level-1 account is created from data the citizen declares and
	 * checked only against the registry, a level-2 one after an in-person check with face and
	 * fingerprints; a level-1 account is the one that could have been opened by someone else).
	 */
	static final int FULL_RECORD_LEVEL = 2;

	private final CitizenRegistry registry;

	private final AccessLog accessLog;

	private final Clock clock;

	CitizenController(CitizenRegistry registry, AccessLog accessLog, Clock clock) {
		this.registry = registry;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	@PostMapping("/citizens")
	Mono<ResponseEntity<CitizenView>> register(@Valid @RequestBody CitizenRequest request, Caller caller) {
		caller.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR, Caller.ADMIN);
		LocalDate today = VietnamTime.today(this.clock);
		return Mono.fromCallable(() -> request.toNewCitizen(today))
			.flatMap((data) -> this.registry.register(data, caller))
			.map((citizen) -> ResponseEntity.created(URI.create("/api/identity/citizens/" + citizen.personalId()))
				.body(CitizenView.of(citizen)));
	}

	/** An officer's read of someone's full record, recorded in that citizen's access log. */
	@GetMapping("/citizens/{personalId}")
	Mono<CitizenView> citizen(@PathVariable String personalId, Caller caller) {
		caller.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR, Caller.ADMIN);
		return this.registry.findFor(personalId, caller)
			.flatMap((citizen) -> this.accessLog.record(personalId, caller, "OFFICER_READ", "officer record view")
				.thenReturn(CitizenView.of(citizen)))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("citizen")));
	}

	/**
	 * Officers find citizens by name (with or without diacritics) and year of birth in their own
	 * province; administrators in any province or the whole country.
	 */
	@GetMapping("/citizens")
	Mono<SearchResult> search(@RequestParam @Size(min = 2, max = 100) String name,
			@RequestParam(required = false) @Min(1900) @Max(2399) Integer birthYear,
			@RequestParam(required = false) @Pattern(regexp = "[0-9]{2}") String province,
			@RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
		caller.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR, Caller.ADMIN);
		String within = RegistryAccess.searchProvince(caller, province);
		return this.registry.search(name, birthYear, within, page, size)
			.flatMap((found) -> Flux.fromIterable(found.items())
				.concatMap((citizen) -> this.accessLog
					.record(citizen.personalId(), caller, "OFFICER_SEARCH", "search: " + VietnameseText.fold(name))
					.thenReturn(CitizenView.of(citizen)))
				.collectList()
				.map((items) -> new SearchResult(items, found.page(), found.size(), found.hasMore())));
	}

	record SearchResult(List<CitizenView> items, int page, int size, boolean hasMore) {
	}

	/**
	 * The signed-in citizen's own record, found by the personal id in their VNeID token: whole at
	 * level 2; at level 1 only a summary (name, date of birth, masked number, province), since a
	 * level-1 account proves less about who holds it.
	 */
	@GetMapping("/me")
	Mono<Object> me(Caller caller) {
		return Mono.justOrEmpty(caller.personalId())
			.flatMap(this.registry::find)
			.map((citizen) -> (caller.identityLevel() >= FULL_RECORD_LEVEL) ? (Object) CitizenView.of(citizen)
					: LevelOneView.of(citizen))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("citizen")));
	}

	/**
	 * What a level-1 account sees of its own record.
	 *
	 * @param personalId the number masked as in logs ({@code 001*****2345})
	 * @param provinceCode the province of the permanent address (or temporary, if none)
	 * @param fullRecordFromLevel the level from which the whole record is shown
	 */
	record LevelOneView(String personalId, String fullName, String birthDate, String provinceCode,
			int fullRecordFromLevel) {

		static LevelOneView of(Citizen citizen) {
			return new LevelOneView(PersonalIds.mask(citizen.personalId()), citizen.fullName(),
					citizen.birthDate().toString(), citizen.responsibleProvince(), FULL_RECORD_LEVEL);
		}

	}

	/** An officer corrects a record (from a civil-status or residence decision); the event names the fields. */
	@PatchMapping("/citizens/{personalId}")
	Mono<CitizenView> correct(@PathVariable String personalId, @Valid @RequestBody CorrectionRequest request,
			Caller caller) {
		caller.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR, Caller.ADMIN);
		return this.registry.correct(personalId, request.toCorrection(), caller).map(CitizenView::of);
	}

	/** An officer records a death from its registration. */
	@PostMapping("/citizens/{personalId}/death")
	Mono<CitizenView> recordDeath(@PathVariable String personalId, @Valid @RequestBody DeathRequest request,
			Caller caller) {
		caller.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR, Caller.ADMIN);
		return this.registry.recordDeath(personalId, request.dateOfDeath(), caller).map(CitizenView::of);
	}

	/** An officer records an identity card issued (first issue, exchange, re-issue); the expiry follows from the law. */
	@PostMapping("/citizens/{personalId}/identity-cards")
	Mono<ResponseEntity<IdentityCard>> issueIdentityCard(@PathVariable String personalId,
			@Valid @RequestBody IdentityCardRequest request, Caller caller) {
		caller.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR, Caller.ADMIN);
		String authority = (request.issuingAuthority() != null) ? VietnameseText.normalize(request.issuingAuthority())
				: DEFAULT_CARD_AUTHORITY;
		return this.registry.issueIdentityCard(personalId, request.issuedOn(), authority, caller)
			.map((citizen) -> ResponseEntity.status(201).body(citizen.currentIdentityCard()));
	}

	/**
	 * The signed-in citizen reports their identity card lost (VNeID): it is invalid at once, for every
	 * service's verification of it; 409 when they hold no valid card.
	 */
	@PostMapping("/me/identity-card/loss-report")
	Mono<IdentityCard> reportCardLost(Caller caller) {
		caller.requireAnyRole(Caller.CITIZEN);
		if (caller.personalId() == null) {
			throw ApiException.notFound("citizen");
		}
		return this.registry.reportCardLost(caller.personalId()).map(Citizen::currentIdentityCard);
	}

	/**
	 * The signed-in citizen's household: each member's name, relation to the head and year of birth,
	 * nothing more (the members' own records are theirs).
	 */
	@GetMapping("/me/household")
	Mono<HouseholdView> myHousehold(Caller caller) {
		caller.requireIdentityLevel(FULL_RECORD_LEVEL);
		return Mono.justOrEmpty(caller.personalId())
			.flatMap(this.registry::find)
			.filter((citizen) -> citizen.household() != null)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("household")))
			.flatMap((citizen) -> this.registry.householdMembers(citizen.household().householdId())
				.map(HouseholdView.Member::of)
				.collectList()
				.map((members) -> new HouseholdView(citizen.household().householdId(), members)));
	}

	record HouseholdView(String householdId, List<Member> members) {

		record Member(String fullName, Household.Relation relationToHead, int birthYear) {

			static Member of(Citizen citizen) {
				return new Member(citizen.fullName(), citizen.household().relationToHead(), citizen.birthDate().year());
			}

		}

	}

	record DeathRequest(@NotNull LocalDate dateOfDeath) {
	}

	record IdentityCardRequest(@NotNull LocalDate issuedOn, @Size(max = 200) String issuingAuthority) {
	}

	record HouseholdRequest(@NotBlank @Pattern(regexp = "[0-9A-Za-z-]{1,30}") String householdId,
			@NotBlank @Pattern(regexp = "[0-9]{12}") String headPersonalId, @NotNull Household.Relation relationToHead) {

		Household toHousehold() {
			return new Household(this.householdId, this.headPersonalId, this.relationToHead);
		}

	}

	record KinRequest(@Pattern(regexp = "[0-9]{12}") String personalId, @NotBlank @Size(max = 100) String fullName) {

		Kin toKin() {
			return new Kin(this.personalId, this.fullName);
		}

	}

	record CorrectionRequest(@Size(max = 100) @Pattern(regexp = ".*\\S.*") String fullName,
			List<@NotBlank @Size(max = 100) String> otherNames, @Size(max = 300) String placeOfBirth,
			@Size(max = 300) String hometown, @Size(max = 50) String ethnicity, @Size(max = 50) String religion,
			@Valid AddressRequest permanentAddress, @Valid AddressRequest temporaryAddress,
			@Valid HouseholdRequest household, @Valid KinRequest father, @Valid KinRequest mother,
			@Valid KinRequest spouse, @Valid ContactRequest contact) {

		Citizen.Correction toCorrection() {
			return new Citizen.Correction(this.fullName, this.otherNames, text(this.placeOfBirth), text(this.hometown),
					text(this.ethnicity), text(this.religion), address(this.permanentAddress),
					address(this.temporaryAddress), (this.household != null) ? this.household.toHousehold() : null,
					kin(this.father), kin(this.mother), kin(this.spouse),
					(this.contact != null) ? this.contact.toContact() : null);
		}

	}

	/** The phone number and e-mail address on record, as the citizen declared them to the registry. */
	record ContactRequest(@Pattern(regexp = "(0|\\+84)[0-9]{9}") String phone, @Email @Size(max = 254) String email) {

		Contact toContact() {
			return new Contact(this.phone, this.email);
		}

	}

	private static Address address(AddressRequest request) {
		return (request != null) ? request.toAddress() : null;
	}

	private static Kin kin(KinRequest request) {
		return (request != null) ? request.toKin() : null;
	}

	record AddressRequest(@Size(max = 300) String asRecorded, @Pattern(regexp = "[0-9]{2}") String provinceCode,
			@Size(max = 100) String commune, @Size(max = 200) String detail) {

		Address toAddress() {
			return new Address(text(this.asRecorded), this.provinceCode, text(this.commune), text(this.detail));
		}

	}

	record CitizenRequest(@NotBlank @Pattern(regexp = "[0-9]{12}") String personalId,
			@Pattern(regexp = "[0-9]{9}") String legacyIdNumber, @NotBlank @Size(max = 100) String fullName,
			List<@NotBlank @Size(max = 100) String> otherNames,
			@NotBlank @Pattern(regexp = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?") String birthDate, @NotNull Sex sex,
			@Size(max = 300) String placeOfBirth, @Size(max = 300) String hometown, @Size(max = 50) String ethnicity,
			@Size(max = 50) String religion, @Size(max = 50) String nationality, @Valid AddressRequest permanentAddress,
			@Valid AddressRequest temporaryAddress, @Valid HouseholdRequest household, @Valid KinRequest father,
			@Valid KinRequest mother, @Valid KinRequest spouse, @Valid ContactRequest contact) {

		/** @param today the day in Vietnam, from the service's clock */
		Citizen.NewCitizen toNewCitizen(LocalDate today) {
			BirthDate birth;
			try {
				birth = BirthDate.parse(this.birthDate);
			}
			catch (IllegalArgumentException ex) {
				throw new ApiException(ProblemType.VALIDATION, "validation").withError("birthDate",
						"birth-date.impossible");
			}
			if (birth.earliestDay().isAfter(today)) {
				throw new ApiException(ProblemType.VALIDATION, "validation").withError("birthDate", "birth-date.future");
			}
			return new Citizen.NewCitizen(this.personalId, this.legacyIdNumber, this.fullName, this.otherNames, birth,
					this.sex, text(this.placeOfBirth), text(this.hometown), text(this.ethnicity), text(this.religion),
					(this.nationality != null) ? this.nationality : "VN",
					address(this.permanentAddress), address(this.temporaryAddress),
					(this.household != null) ? this.household.toHousehold() : null, kin(this.father), kin(this.mother),
					kin(this.spouse), (this.contact != null) ? this.contact.toContact() : null);
		}

	}

	record CitizenView(String personalId, String legacyIdNumber, String fullName, List<String> otherNames,
			String birthDate, Sex sex, String birthRegistrationProvince, String placeOfBirth, String hometown,
			String ethnicity, String religion, String nationality, Address permanentAddress, Address temporaryAddress,
			Household household, Kin father, Kin mother, Kin spouse, List<IdentityCard> identityCards,
			Citizen.LifeStatus lifeStatus, LocalDate dateOfDeath, Contact contact) {

		static CitizenView of(Citizen citizen) {
			return new CitizenView(citizen.personalId(), citizen.legacyIdNumber(), citizen.fullName(),
					citizen.otherNames(), citizen.birthDate().toString(), citizen.sex(),
					citizen.birthRegistrationProvince(), citizen.placeOfBirth(), citizen.hometown(), citizen.ethnicity(),
					citizen.religion(), citizen.nationality(), citizen.permanentAddress(), citizen.temporaryAddress(),
					citizen.household(), citizen.father(), citizen.mother(), citizen.spouse(), citizen.identityCards(),
					citizen.lifeStatus(), citizen.dateOfDeath(), citizen.contact());
		}

	}

	private static String text(String value) {
		return (value != null) ? VietnameseText.normalize(value) : null;
	}

}
