package vn.gov.bca.identity.lookup;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.identity.access.AccessLog;
import vn.gov.bca.identity.registry.Address;
import vn.gov.bca.identity.registry.BirthDate;
import vn.gov.bca.identity.registry.Citizen;
import vn.gov.bca.identity.registry.CitizenRegistry;
import vn.gov.bca.identity.registry.Household;
import vn.gov.bca.identity.registry.Sex;
import vn.gov.bca.identity.registry.VietnameseText;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * What other services may ask the registry (Project 06: no paper proof of residence), with a
 * service-account token and a declared purpose: the minimal data of one citizen, or whether a
 * personal id, name and date of birth belong together. Nothing more leaves than the purpose needs,
 * and every answer is recorded in the citizen's access log first.
 */
@RestController
@RequestMapping("/api/identity/registry")
class LookupController {

	static final String PURPOSE_HEADER = "X-Purpose";

	private final CitizenRegistry registry;

	private final AccessLog accessLog;

	private final java.time.Clock clock;

	LookupController(CitizenRegistry registry, AccessLog accessLog, java.time.Clock clock) {
		this.registry = registry;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	@GetMapping("/citizens/{personalId}")
	Mono<MinimalCitizen> lookup(@PathVariable String personalId, @RequestHeader(value = PURPOSE_HEADER, required = false) String purpose,
			Caller caller) {
		String declared = requireServiceWithPurpose(caller, purpose);
		return this.registry.find(personalId)
			.flatMap((citizen) -> this.accessLog.record(personalId, caller, "SERVICE_LOOKUP", declared)
				.thenReturn(MinimalCitizen.of(citizen)))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("citizen")));
	}

	@PostMapping("/verifications")
	Mono<Verification> verify(@Valid @RequestBody VerificationRequest request,
			@RequestHeader(value = PURPOSE_HEADER, required = false) String purpose, Caller caller) {
		String declared = requireServiceWithPurpose(caller, purpose);
		BirthDate birthDate = request.parsedBirthDate();
		return this.registry.find(request.personalId())
			.flatMap((citizen) -> this.accessLog.record(citizen.personalId(), caller, "SERVICE_VERIFY", declared)
				.thenReturn(new Verification(matches(citizen, request.fullName(), birthDate)
						&& (request.cardIssuedOn() == null
								|| citizen.presentsValidCard(request.cardIssuedOn(), VietnamTime.today(this.clock))))))
			.defaultIfEmpty(new Verification(false));
	}

	/**
	 * Whether the registry records one person as the parent (a parent filing for a child under 14, a
	 * child joining a parent's household) or the spouse of another: match or no match, nothing else;
	 * logged in the first person's access log.
	 */
	@PostMapping("/relations")
	Mono<Verification> verifyParent(@Valid @RequestBody RelationRequest request,
			@RequestHeader(value = PURPOSE_HEADER, required = false) String purpose, Caller caller) {
		String declared = requireServiceWithPurpose(caller, purpose);
		return this.registry.find(request.personalId())
			.flatMap((child) -> this.accessLog.record(child.personalId(), caller, "SERVICE_VERIFY_RELATION", declared)
				.thenReturn(new Verification(request.relation().equals("SPOUSE")
						? isSpouse(child, request.relativePersonalId()) : isParent(child, request.relativePersonalId()))))
			.defaultIfEmpty(new Verification(false));
	}

	private static boolean isSpouse(Citizen citizen, String spouseId) {
		return citizen.spouse() != null && spouseId.equals(citizen.spouse().personalId());
	}

	private static boolean isParent(Citizen child, String parentId) {
		return (child.father() != null && parentId.equals(child.father().personalId()))
				|| (child.mother() != null && parentId.equals(child.mother().personalId()));
	}

	record RelationRequest(@NotBlank @Pattern(regexp = "[0-9]{12}") String personalId,
			@NotBlank @Pattern(regexp = "[0-9]{12}") String relativePersonalId, @NotBlank @Pattern(regexp = "PARENT|SPOUSE") String relation) {
	}

	/**
	 * Names compare with their diacritics (after NFC and white-space normalisation, regardless of
	 * case): "Lê Thị Hạ" does not match "Lê Thị Hà", nor does "Le Thi Ha". The date of birth is
	 * compared as precise as the registry holds it: a record of {@code 1950} matches {@code 1950},
	 * one of {@code 1950-03} matches {@code 1950-03}; a different precision is no match.
	 */
	static boolean matches(Citizen citizen, String fullName, BirthDate birthDate) {
		return VietnameseText.sameName(citizen.fullName(), fullName) && citizen.birthDate().equals(birthDate);
	}

	/** Only services may ask, and each must say why; the purpose goes into the citizen's access log. */
	private static String requireServiceWithPurpose(Caller caller, String purpose) {
		caller.requireAnyRole(Caller.SERVICE);
		if (purpose == null || purpose.isBlank() || purpose.length() > 100) {
			throw new ApiException(ProblemType.VALIDATION, "validation").withError(PURPOSE_HEADER, "purpose.required");
		}
		return purpose.strip();
	}

	/**
	 * @param birthDate the date of birth as the registry writes it: {@code 1950-03-12}, {@code 1950-03}
	 * or {@code 1950} (400 for an impossible one such as {@code 1950-02-30})
	 * @param cardIssuedOn the issue date printed on the identity card presented, when a card is
	 * checked: then the match also needs it to be the citizen's card in use today (the last issued,
	 * not expired, not reported lost)
	 */
	record VerificationRequest(@NotBlank @Pattern(regexp = "[0-9]{12}") String personalId,
			@NotBlank @Size(max = 100) String fullName,
			@NotBlank @Pattern(regexp = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?") String birthDate,
			LocalDate cardIssuedOn) {

		BirthDate parsedBirthDate() {
			try {
				return BirthDate.parse(this.birthDate);
			}
			catch (IllegalArgumentException ex) {
				throw new ApiException(ProblemType.VALIDATION, "validation").withError("birthDate",
						"birth-date.impossible");
			}
		}

	}

	/** @param match whether the three belong to one citizen in the registry; nothing else is said */
	record Verification(boolean match) {
	}

	/** @param household the household's number, head and relation (residence-service checks the household joined) */
	record MinimalCitizen(String personalId, String fullName, String birthDate, Sex sex, Address permanentAddress,
			Address temporaryAddress, Citizen.LifeStatus lifeStatus, LocalDate dateOfDeath, Household household) {

		static MinimalCitizen of(Citizen citizen) {
			BirthDate birth = citizen.birthDate();
			return new MinimalCitizen(citizen.personalId(), citizen.fullName(), birth.toString(), citizen.sex(),
					citizen.permanentAddress(), citizen.temporaryAddress(), citizen.lifeStatus(), citizen.dateOfDeath(),
					citizen.household());
		}

	}

}
