package vn.gov.bca.residence.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.outbox.Transition;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.attachment.Attachments;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;
import vn.gov.bca.platform.dossier.registry.PopulationRegistry;
import vn.gov.bca.platform.dossier.workflow.Intake;
import vn.gov.bca.platform.dossier.workflow.ProcedureRules;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;
import vn.gov.bca.platform.dossier.Address;
import vn.gov.bca.residence.register.Relation;
import vn.gov.bca.residence.register.ResidenceRegister;
import vn.gov.bca.residence.register.ResidentFile;
import vn.gov.bca.residence.registration.ResidenceForm.Grounds;

/**
 * The residence procedures' rules in the dossier workflow (Law on Residence 68/2020/QH14, Decree
 * 154/2024, forms of Circular 66/2023). At submission, which write nothing: the parts of CT01 the
 * procedure uses and no other, the registry's confirmation of every person named, the household's
 * head living at the address, the province's floor area, the periods. At approval: every consent
 * given, the lawful home proven, kinship confirmed by the registry or by a paper the applicant uploaded,
 * the household number.
 * What follows the approval (the register, the result document) is {@link ResidenceResults}.
 */
@Component
class ResidenceRules implements ProcedureRules<ResidenceDossier, ResidenceForm> {

	private static final String PURPOSE = "residence registration";

	static final String KINSHIP_PROOF = "KINSHIP-PROOF";

	static final String HOME_PROOF = "HOME-PROOF";

	static final String AUTHORITY_DECISION = "DECISION";

	/** Relations of Art. 20(2): spouse, child, parent (a), grandparents, siblings, grandchildren (b, c). */
	static final Set<Relation> RELATIVES = EnumSet.of(Relation.SPOUSE, Relation.CHILD, Relation.FATHER,
			Relation.MOTHER, Relation.GRANDCHILD, Relation.GRANDPARENT, Relation.SIBLING);

	private final PopulationRegistry registry;

	private final ResidenceRegister register;

	private final FloorAreas floorAreas;

	private final ProcedureCatalogue catalogue;

	private final Attachments attachments;

	private final ResidenceResults results;

	private final Clock clock;

	ResidenceRules(PopulationRegistry registry, ResidenceRegister register, FloorAreas floorAreas,
			ProcedureCatalogue catalogue, Attachments attachments, ResidenceResults results, Clock clock) {
		this.registry = registry;
		this.register = register;
		this.floorAreas = floorAreas;
		this.catalogue = catalogue;
		this.attachments = attachments;
		this.results = results;
		this.clock = clock;
	}

	@Override
	public String holderOf(ResidenceForm form) {
		return null;
	}

	/** One open dossier of a procedure per applicant (two permanent registrations at once cannot both be right). */
	@Override
	public String openDossierKey(ResidenceDossier dossier) {
		return dossier.procedureCode() + ":" + dossier.applicant().personalId();
	}

	@Override
	public Mono<String> admit(Intake<ResidenceForm> intake) {
		ResidenceProcedure kind = ResidenceProcedure.of(intake.procedure().code());
		ResidenceForm form = intake.form();
		String applicant = intake.applicantPersonalId();
		LocalDate today = intake.today();
		ApiException invalid = new ApiException(ProblemType.VALIDATION, "validation");
		checkParts(kind, form, applicant, today, invalid);
		if (!invalid.errors().isEmpty()) {
			return Mono.error(invalid);
		}
		return this.registry.citizen(applicant, PURPOSE)
			.switchIfEmpty(Mono.error(() -> ApiException.unprocessable("residence.applicant-unknown")))
			.flatMap((citizen) -> {
				checkGuardian(form, citizen, today);
				Mono<Void> checks = switch (kind) {
					case PERMANENT_REGISTRATION -> checkPermanent(form, applicant).then(checkOthers(form));
					case TEMPORARY_REGISTRATION -> checkTemporary(form, citizen).then(checkOthers(form));
					case TEMPORARY_RENEWAL -> checkRenewal(form, applicant, today);
					case ABSENCE_DECLARATION -> checkAbsence(form, citizen);
					case PERMANENT_DELETION -> checkCurrent(applicant, ResidentFile.Kind.PERMANENT);
					case TEMPORARY_DELETION -> checkCurrent(applicant, ResidentFile.Kind.TEMPORARY);
				};
				return checks.then(checkHandlingProvince(kind, form, applicant, intake)).thenReturn(citizen.fullName());
			});
	}

	/**
	 * The parts of CT01 each procedure uses: a part another procedure uses is refused rather than
	 * ignored, so that a citizen never believes something was declared that nobody read.
	 */
	static void checkParts(ResidenceProcedure kind, ResidenceForm form, String applicant, LocalDate today,
			ApiException invalid) {
		Map<String, Boolean> uses = new LinkedHashMap<>();
		boolean registers = kind.registers();
		uses.put("address", registers || kind == ResidenceProcedure.ABSENCE_DECLARATION);
		uses.put("grounds", registers);
		uses.put("floorArea", kind == ResidenceProcedure.PERMANENT_REGISTRATION);
		uses.put("occupants", kind == ResidenceProcedure.PERMANENT_REGISTRATION);
		uses.put("household", kind == ResidenceProcedure.PERMANENT_REGISTRATION);
		uses.put("others", registers);
		uses.put("ownerPersonalId", registers || kind == ResidenceProcedure.TEMPORARY_RENEWAL);
		uses.put("from", kind == ResidenceProcedure.TEMPORARY_REGISTRATION || kind == ResidenceProcedure.ABSENCE_DECLARATION);
		uses.put("until", kind != ResidenceProcedure.PERMANENT_REGISTRATION && kind != ResidenceProcedure.PERMANENT_DELETION
				&& kind != ResidenceProcedure.TEMPORARY_DELETION);
		uses.put("absenceCase", kind == ResidenceProcedure.ABSENCE_DECLARATION);
		uses.put("destination", kind == ResidenceProcedure.ABSENCE_DECLARATION);
		uses.put("deletionGround", kind == ResidenceProcedure.PERMANENT_DELETION || kind == ResidenceProcedure.TEMPORARY_DELETION);
		Map<String, Object> given = new LinkedHashMap<>();
		given.put("address", form.address());
		given.put("grounds", form.grounds());
		given.put("floorArea", form.floorArea());
		given.put("occupants", form.occupants());
		given.put("household", form.household());
		given.put("others", form.others().isEmpty() ? null : form.others());
		given.put("ownerPersonalId", form.ownerPersonalId());
		given.put("from", form.from());
		given.put("until", form.until());
		given.put("absenceCase", form.absenceCase());
		given.put("destination", form.destination());
		given.put("deletionGround", form.deletionGround());
		uses.forEach((part, used) -> {
			if (!used && given.get(part) != null) {
				invalid.withError("form." + part, "residence.part-not-used");
			}
		});
		require(invalid, uses.get("address") && kind != ResidenceProcedure.TEMPORARY_RENEWAL, "address", form.address());
		require(invalid, registers, "grounds", form.grounds());
		require(invalid, uses.get("until"), "until", form.until());
		require(invalid, kind == ResidenceProcedure.ABSENCE_DECLARATION, "absenceCase", form.absenceCase());
		require(invalid, kind == ResidenceProcedure.ABSENCE_DECLARATION, "from", form.from());
		require(invalid, kind == ResidenceProcedure.ABSENCE_DECLARATION, "destination",
				(form.destination() == null || form.destination().isBlank()) ? null : form.destination());
		require(invalid, uses.get("deletionGround"), "deletionGround", form.deletionGround());
		if (!invalid.errors().isEmpty()) {
			return;
		}
		if (registers) {
			checkGrounds(kind, form, applicant, invalid);
		}
		if (kind == ResidenceProcedure.TEMPORARY_REGISTRATION) {
			checkTemporaryPeriod(form.from() != null ? form.from() : today, form.until(), today, invalid);
		}
		if (kind == ResidenceProcedure.ABSENCE_DECLARATION) {
			if (!form.until().isAfter(form.from())) {
				invalid.withError("form.until", "residence.period-invalid");
			}
			if (form.from().isBefore(today.minusMonths(12)) || form.from().isAfter(today.plusMonths(3))) {
				invalid.withError("form.from", "residence.absence-start-invalid");
			}
		}
		if (kind == ResidenceProcedure.PERMANENT_DELETION && form.deletionGround() == ResidenceForm.DeletionGround.LEFT_TEMPORARY_ADDRESS
				|| kind == ResidenceProcedure.TEMPORARY_DELETION && form.deletionGround() == ResidenceForm.DeletionGround.SETTLED_ABROAD) {
			invalid.withError("form.deletionGround", "residence.deletion-ground-other-kind");
		}
		List<String> seen = new ArrayList<>(List.of(applicant));
		for (int i = 0; i < form.others().size(); i++) {
			if (seen.contains(form.others().get(i).personalId())) {
				invalid.withError("form.others[" + i + "].personalId", "residence.person-twice");
			}
			seen.add(form.others().get(i).personalId());
		}
	}

	private static void require(ApiException invalid, boolean needed, String part, Object value) {
		if (needed && value == null) {
			invalid.withError("form." + part, "residence.part-required");
		}
	}

	/**
	 * Who owns the home and which household is joined, by ground: one's own home (Art. 20(1)); joining
	 * a relative, whose household it is, with the head's and the owner's consent (Art. 20(2)); a rented
	 * or borrowed home with the owner's consent and the floor area (Art. 20(3)). A temporary residence
	 * is in one's own home or a rented, borrowed one (Art. 27, 28(1)).
	 */
	private static void checkGrounds(ResidenceProcedure kind, ResidenceForm form, String applicant,
			ApiException invalid) {
		boolean permanent = kind == ResidenceProcedure.PERMANENT_REGISTRATION;
		Grounds grounds = form.grounds();
		String owner = form.ownerPersonalId();
		if (!permanent && grounds == Grounds.JOIN_RELATIVE) {
			invalid.withError("form.grounds", "residence.grounds-permanent-only");
			return;
		}
		if (grounds == Grounds.OWN_HOME && owner != null && !owner.equals(applicant)) {
			invalid.withError("form.ownerPersonalId", "residence.owner-not-applicant");
		}
		if (grounds != Grounds.OWN_HOME && (owner == null || owner.equals(applicant))) {
			invalid.withError("form.ownerPersonalId", "residence.owner-required");
		}
		if (grounds == Grounds.JOIN_RELATIVE) {
			if (form.household() == null) {
				invalid.withError("form.household", "residence.household-required");
			}
			else if (!RELATIVES.contains(form.household().relationToHead())) {
				invalid.withError("form.household.relationToHead", "residence.relation-not-a-ground");
			}
		}
		if (form.household() != null && form.household().headPersonalId().equals(applicant)) {
			invalid.withError("form.household.headPersonalId", "residence.head-is-applicant");
		}
		if (permanent && grounds == Grounds.RENT_OR_BORROW) {
			require(invalid, true, "floorArea", form.floorArea());
			require(invalid, true, "occupants", form.occupants());
		}
		else if (permanent && (form.floorArea() != null || form.occupants() != null)) {
			invalid.withError("form.floorArea", "residence.part-not-used");
		}
	}

	/**
	 * Art. 27(1): one lives there 30 days or more, counted as a stay's nights are (a stay of under 30
	 * days is notified, not registered): the last day at least 30 days after the first. Art. 27(3): at
	 * most 2 years, the last day no later than the same day two years on. The first day may be up to 30
	 * days either side of the day of submission.
	 */
	static void checkTemporaryPeriod(LocalDate from, LocalDate until, LocalDate today, ApiException invalid) {
		if (from.isBefore(today.minusDays(30)) || from.isAfter(today.plusDays(30))) {
			invalid.withError("form.from", "residence.temporary-start-invalid");
		}
		if (until.isBefore(from.plusDays(30))) {
			invalid.withError("form.until", "residence.temporary-too-short");
		}
		if (until.isAfter(from.plusYears(2))) {
			invalid.withError("form.until", "residence.temporary-too-long");
		}
	}

	/** A minor (under 18, Civil Code Art. 21) registers with a parent's or guardian's consent; an adult names none. */
	private static void checkGuardian(ResidenceForm form, PopulationRegistry.MinimalCitizen citizen, LocalDate today) {
		boolean adult = citizen.birthDate().isSurelyAtLeast(18, today);
		if (!adult && form.guardianPersonalId() == null) {
			throw new ApiException(ProblemType.VALIDATION, "validation").withError("form.guardianPersonalId",
					"residence.guardian-required");
		}
		if (adult && form.guardianPersonalId() != null) {
			throw new ApiException(ProblemType.VALIDATION, "validation").withError("form.guardianPersonalId",
					"residence.part-not-used");
		}
	}

	/**
	 * The household joined is the head's, and the head lives at the address (their permanent address
	 * is in its commune); a rented or borrowed home has room enough for everyone registered there.
	 * An unknown person, someone who is not a head, and a head elsewhere get the same answer, so that
	 * the form is no way to learn who heads which household.
	 */
	private Mono<Void> checkPermanent(ResidenceForm form, String applicant) {
		Address address = form.address();
		Mono<Void> head = (form.household() == null) ? Mono.empty()
				: this.registry.citizen(form.household().headPersonalId(), PURPOSE + ": household head")
					.switchIfEmpty(Mono.error(() -> refused("form.household.headPersonalId", "residence.head-not-confirmed")))
					.flatMap((found) -> {
						PopulationRegistry.Address home = found.permanentAddress();
						if (home == null || !address.sameCommuneAs(home.provinceCode(), home.commune())) {
							return Mono.error(refused("form.household.headPersonalId", "residence.head-not-confirmed"));
						}
						if (found.household() == null || !applicantOrHead(found)) {
							return Mono.error(refused("form.household.headPersonalId", "residence.head-not-confirmed"));
						}
						return Mono.empty();
					});
		Mono<Void> owner = requireKnown(form.ownerPersonalId(), "form.ownerPersonalId", "owner");
		if (form.grounds() == Grounds.RENT_OR_BORROW) {
			int people = form.occupants() + 1 + form.others().size();
			if (!this.floorAreas.suffices(address.provinceCode(), form.floorArea(), people)) {
				return Mono.error(new ApiException(ProblemType.UNPROCESSABLE, "residence.floor-area-too-small",
						FloorAreas.perPerson(form.floorArea(), people), this.floorAreas.minimumIn(address.provinceCode()))
					.withError("form.floorArea", "residence.floor-area-too-small",
							FloorAreas.perPerson(form.floorArea(), people),
							this.floorAreas.minimumIn(address.provinceCode())));
			}
		}
		return head.then(owner);
	}

	private static boolean applicantOrHead(PopulationRegistry.MinimalCitizen head) {
		return head.personalId().equals(head.household().headPersonalId());
	}

	/** Art. 27(1): temporary residence is outside the commune of one's permanent residence. */
	private Mono<Void> checkTemporary(ResidenceForm form, PopulationRegistry.MinimalCitizen citizen) {
		PopulationRegistry.Address home = citizen.permanentAddress();
		if (home != null && form.address().sameCommuneAs(home.provinceCode(), home.commune())) {
			return Mono.error(refused("form.address.commune", "residence.temporary-in-permanent-commune"));
		}
		return requireKnown(form.ownerPersonalId(), "form.ownerPersonalId", "owner");
	}

	/**
	 * Art. 28(4): "Trong thời hạn 15 ngày trước ngày kết thúc thời hạn tạm trú đã đăng ký, công dân
	 * phải làm thủ tục gia hạn tạm trú": from the 15th day before the last day of the registered period
	 * up to that last day, on which the registration still runs; the new last day at most two years
	 * after the current one (Art. 27(3)).
	 */
	private Mono<Void> checkRenewal(ResidenceForm form, String applicant, LocalDate today) {
		return this.register.find(applicant)
			.flatMap((file) -> Mono.justOrEmpty(file.currentOf(ResidentFile.Kind.TEMPORARY)))
			.switchIfEmpty(Mono.error(() -> ApiException.conflict("residence.no-temporary-residence")))
			.flatMap((current) -> {
				int window = this.catalogue.require(ResidenceProcedure.TEMPORARY_RENEWAL.catalogueCode())
					.intParameter("renewalWindowDays");
				checkRenewalDates(current.until(), form.until(), today, window);
				return requireKnown(form.ownerPersonalId(), "form.ownerPersonalId", "owner");
			});
	}

	/** @see #checkRenewal */
	static void checkRenewalDates(LocalDate currentUntil, LocalDate newUntil, LocalDate today, int windowDays) {
		if (today.isBefore(currentUntil.minusDays(windowDays))) {
			throw ApiException.conflict("residence.renewal-too-early", currentUntil.minusDays(windowDays));
		}
		if (today.isAfter(currentUntil)) {
			throw ApiException.conflict("residence.renewal-too-late", currentUntil);
		}
		if (!newUntil.isAfter(currentUntil) || newUntil.isAfter(currentUntil.plusYears(2))) {
			throw refused("form.until", "residence.renewal-until-invalid");
		}
	}

	/** An absence is declared from the commune of one's permanent residence, as the registry has it. */
	private Mono<Void> checkAbsence(ResidenceForm form, PopulationRegistry.MinimalCitizen citizen) {
		PopulationRegistry.Address home = citizen.permanentAddress();
		if (home == null || !form.address().sameCommuneAs(home.provinceCode(), home.commune())) {
			return Mono.error(refused("form.address", "residence.absence-not-from-permanent"));
		}
		return Mono.empty();
	}

	private Mono<Void> checkCurrent(String applicant, ResidentFile.Kind kind) {
		return this.register.find(applicant)
			.flatMap((file) -> Mono.justOrEmpty(file.currentOf(kind)))
			.switchIfEmpty(Mono.error(() -> ApiException.conflict("residence.nothing-to-delete")))
			.then();
	}

	/** Every person registered with the applicant is the registry's person of that id, name and birth date. */
	private Mono<Void> checkOthers(ResidenceForm form) {
		return Flux.range(0, form.others().size())
			.concatMap((i) -> {
				ResidenceForm.Person person = form.others().get(i);
				return this.registry
					.confirms(new PopulationRegistry.PersonCheck(person.personalId(), person.fullName(),
							person.birthDate()), PURPOSE + ": registered with the applicant")
					.flatMap((confirmed) -> confirmed ? Mono.<Void>empty()
							: Mono.error(refused("form.others[" + i + "].personalId", "residence.person-not-confirmed")));
			})
			.then();
	}

	/**
	 * The unit receiving the dossier is the province's of the place: the address registered or left,
	 * the residence renewed or deleted.
	 */
	private Mono<Void> checkHandlingProvince(ResidenceProcedure kind, ResidenceForm form, String applicant,
			Intake<ResidenceForm> intake) {
		String given = intake.handlingProvince();
		Mono<String> expected = switch (kind) {
			case PERMANENT_REGISTRATION, TEMPORARY_REGISTRATION, ABSENCE_DECLARATION ->
				Mono.just(form.address().provinceCode());
			case TEMPORARY_RENEWAL, TEMPORARY_DELETION -> currentProvince(applicant, ResidentFile.Kind.TEMPORARY);
			case PERMANENT_DELETION -> currentProvince(applicant, ResidentFile.Kind.PERMANENT);
		};
		return expected.flatMap((province) -> province.equals(given) ? Mono.<Void>empty()
				: Mono.error(refused("handlingProvince", "residence.handling-province-of-address", province)));
	}

	private Mono<String> currentProvince(String applicant, ResidentFile.Kind kind) {
		return this.register.find(applicant)
			.flatMap((file) -> Mono.justOrEmpty(file.currentOf(kind)))
			.map((entry) -> entry.address().provinceCode())
			.switchIfEmpty(Mono.error(() -> ApiException.conflict(kind == ResidentFile.Kind.TEMPORARY
					? "residence.no-temporary-residence" : "residence.nothing-to-delete")));
	}

	private Mono<Void> requireKnown(String personalId, String field, String who) {
		if (personalId == null) {
			return Mono.empty();
		}
		return this.registry.citizen(personalId, PURPOSE + ": " + who)
			.switchIfEmpty(Mono.error(() -> refused(field, "residence.person-unknown")))
			.then();
	}

	private static ApiException refused(String field, String code, Object... args) {
		return new ApiException(ProblemType.UNPROCESSABLE, code, args).withError(field, code, args);
	}

	/** The consents the registration waits for: the head, the owner, the guardian; each person once. */
	@Override
	public ResidenceDossier create(Dossier.Header header, Intake<ResidenceForm> intake) {
		ResidenceForm form = intake.form();
		String applicant = intake.applicantPersonalId();
		Map<String, Set<Consent.Role>> asked = new LinkedHashMap<>();
		if (form.household() != null && !form.household().headPersonalId().equals(applicant)) {
			asked.computeIfAbsent(form.household().headPersonalId(), (id) -> EnumSet.noneOf(Consent.Role.class))
				.add(Consent.Role.HOUSEHOLD_HEAD);
		}
		if (form.ownerPersonalId() != null && !form.ownerPersonalId().equals(applicant)) {
			asked.computeIfAbsent(form.ownerPersonalId(), (id) -> EnumSet.noneOf(Consent.Role.class))
				.add(Consent.Role.OWNER);
		}
		if (form.guardianPersonalId() != null) {
			asked.computeIfAbsent(form.guardianPersonalId(), (id) -> EnumSet.noneOf(Consent.Role.class))
				.add(Consent.Role.GUARDIAN);
		}
		List<Consent> consents = asked.entrySet()
			.stream()
			.map((entry) -> Consent.asked(entry.getKey(), null, entry.getValue()))
			.toList();
		return new ResidenceDossier(header, ResidenceProcedure.of(header.procedureCode()), form, consents, false, null);
	}

	/**
	 * Approval: every consent given; the lawful home proven by the applicant's paper (own, rented or
	 * borrowed); kinship the registry does not confirm proven by the applicant's paper; the household
	 * joined still the head's (its number read from the registry now), or a new household's number
	 * taken last; an absence under a measure needs the authority's decision.
	 */
	@Override
	public Mono<Transition<ResidenceDossier>> approval(ResidenceDossier dossier, Caller officer) {
		ResidenceForm form = dossier.form();
		String summary = this.results.summary(dossier);
		// Checked again in the transition; first here, so that a refusal spends no household number.
		dossier.requireConsents();
		return switch (dossier.procedure()) {
			case PERMANENT_REGISTRATION -> homeProof(dossier).then(kinship(dossier))
				.then(permanentHousehold(dossier))
				.map((household) -> (Transition<ResidenceDossier>) (fresh) -> fresh.approve(officer, household, summary,
						this.clock.instant()));
			case TEMPORARY_REGISTRATION -> homeProof(dossier).thenReturn(approve(officer, summary));
			case ABSENCE_DECLARATION -> (form.absenceCase() == ResidenceForm.AbsenceCase.UNDER_MEASURE)
					? requireAttachment(dossier, AUTHORITY_DECISION, "residence.authority-decision-missing")
						.thenReturn(approve(officer, summary))
					: Mono.just(approve(officer, summary));
			default -> Mono.just(approve(officer, summary));
		};
	}

	private Transition<ResidenceDossier> approve(Caller officer, String summary) {
		return (fresh) -> fresh.approve(officer, null, summary, this.clock.instant());
	}

	private Mono<String> permanentHousehold(ResidenceDossier dossier) {
		ResidenceForm form = dossier.form();
		if (form.household() == null) {
			return this.register.newHouseholdId(form.address().provinceCode());
		}
		return this.registry.citizen(form.household().headPersonalId(), PURPOSE + ": household head")
			.filter((head) -> head.household() != null && applicantOrHead(head))
			.map((head) -> head.household().householdId())
			.switchIfEmpty(Mono.error(() -> ApiException.conflict("residence.not-household-head")));
	}

	/**
	 * The lawful home is proven by a paper (Decree 154/2024: the papers proving a lawful home; no
	 * housing database answers it here): one's own home and a rented or borrowed one need the
	 * applicant's {@code HOME-PROOF} file; joining a relative, the household already lives there and
	 * its head and the owner consent.
	 */
	private Mono<Void> homeProof(ResidenceDossier dossier) {
		return (dossier.form().grounds() == Grounds.JOIN_RELATIVE) ? Mono.empty()
				: requireAttachment(dossier, HOME_PROOF, "residence.home-proof-missing");
	}

	/**
	 * Art. 20(2) kinship: the registry confirms a spouse, a child or a parent where it records them;
	 * otherwise (a grandparent, a sibling, or what the registry does not hold) the applicant's paper.
	 */
	private Mono<Void> kinship(ResidenceDossier dossier) {
		ResidenceForm form = dossier.form();
		if (form.grounds() != Grounds.JOIN_RELATIVE) {
			return Mono.empty();
		}
		String applicant = dossier.applicant().personalId();
		String head = form.household().headPersonalId();
		String purpose = PURPOSE + ": kinship with the household head";
		Mono<Boolean> confirmed = switch (form.household().relationToHead()) {
			case SPOUSE -> this.registry.confirmsSpouse(applicant, head, purpose);
			case CHILD -> this.registry.confirmsParent(applicant, head, purpose);
			case FATHER, MOTHER -> this.registry.confirmsParent(head, applicant, purpose);
			default -> Mono.just(false);
		};
		return confirmed.flatMap((yes) -> yes ? Mono.<Void>empty()
				: requireAttachment(dossier, KINSHIP_PROOF, "residence.kinship-not-confirmed"));
	}

	private Mono<Void> requireAttachment(ResidenceDossier dossier, String kind, String missing) {
		return this.attachments.list(dossier.code())
			.any((attachment) -> kind.equals(attachment.kind()))
			.flatMap((present) -> present ? Mono.<Void>empty() : Mono.error(ApiException.conflict(missing)));
	}

	/**
	 * A refusal, before or after acceptance, is answered in writing with its reasons (CT06; Law on
	 * Residence Art. 22(3), 28(3): "trường hợp từ chối ... phải trả lời bằng văn bản và nêu rõ lý do").
	 */
	@Override
	public RefusalNotice refusalNotice() {
		return new RefusalNotice("RESIDENCE_REFUSAL", "THÔNG BÁO VỀ VIỆC TỪ CHỐI GIẢI QUYẾT HỒ SƠ ĐĂNG KÝ CƯ TRÚ");
	}

	@Override
	public Mono<?> followUp(String eventType, ResidenceDossier dossier) {
		return this.results.followUp(eventType, dossier);
	}

	@Override
	public boolean followsUp(String eventType, String procedureCode) {
		return this.results.followsUp(eventType);
	}

	@Override
	public Details details(ResidenceDossier dossier) {
		return new Details(dossier.procedure(), dossier.form(), dossier.consents().stream()
			.map((consent) -> new ConsentView(consent.roles(), consent.status(), consent.way(), consent.decidedAt()))
			.toList(), dossier.householdId());
	}

	/** A consent as the applicant and officers see it: the roles and the answer, not the person's id. */
	record ConsentView(Set<Consent.Role> roles, Consent.Status status, Consent.Way way, java.time.Instant decidedAt) {
	}

	record Details(ResidenceProcedure procedure, ResidenceForm form, List<ConsentView> consents, String householdId) {
	}

}
