package vn.gov.bca.passport.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.gov.bca.passport.passport.PassportBook;
import vn.gov.bca.passport.restriction.ExitBans;
import vn.gov.bca.platform.data.outbox.Transition;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.catalogue.Procedure;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;
import vn.gov.bca.platform.dossier.registry.BirthDate;
import vn.gov.bca.platform.dossier.registry.PopulationRegistry;
import vn.gov.bca.platform.dossier.workflow.Intake;
import vn.gov.bca.platform.dossier.workflow.ProcedureRules;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * A passport's rules in the dossier workflow: the registry confirms the holder (and a child's parent);
 * no exit ban and no usable passport (a renewal: none beyond the catalogue's window), asked at
 * submission and approval; one open dossier per holder. Checks write nothing; the book follows events.
 */
@Component
class PassportRules implements ProcedureRules<PassportApplication, PassportForm> {

	private static final String PURPOSE = "passport application";

	/** The catalogue parameter of the renewal procedure: months before expiry a new passport may be asked for. */
	static final String RENEWAL_WINDOW = "renewalWindowMonths";

	private final PopulationRegistry registry;

	private final PassportBook passports;

	private final ExitBans exitBans;

	private final ProcedureCatalogue catalogue;

	private final PassportNotices notices;

	private final Clock clock;

	PassportRules(PopulationRegistry registry, PassportBook passports, ExitBans exitBans,
			ProcedureCatalogue catalogue, PassportNotices notices, Clock clock) {
		this.notices = notices;
		this.registry = registry;
		this.passports = passports;
		this.exitBans = exitBans;
		this.catalogue = catalogue;
		this.clock = clock;
	}

	@Override
	public String holderOf(PassportForm form) {
		return form.holderPersonalId();
	}

	@Override
	public String openDossierKey(PassportApplication dossier) {
		return dossier.holderPersonalId();
	}

	@Override
	public Mono<String> admit(Intake<PassportForm> intake) {
		PassportForm form = intake.form();
		PassportProcedure kind = procedureOf(intake.procedure().code());
		boolean child = checkAge(kind, form, intake.applicantPersonalId(), intake.today());
		Mono<Boolean> holder = this.registry.confirms(new PopulationRegistry.PersonCheck(form.holderPersonalId(),
				form.holderFullName(), form.holderBirthDate()), PURPOSE);
		Mono<Boolean> parent = !child ? Mono.just(true) : this.registry.confirmsParent(form.holderPersonalId(),
				intake.applicantPersonalId(), PURPOSE + " TK01a: parent of the child");
		return holder.zipWith(parent).flatMap((both) -> {
			if (!both.getT1() || !both.getT2()) {
				return Mono.error(ApiException.unprocessable(
						both.getT1() ? "passport.parent-not-confirmed" : "passport.identity-not-confirmed"));
			}
			return checkEligibility(kind, intake.procedure(), form, intake.today())
				.thenReturn(child ? intake.declaredApplicantName() : form.holderFullName());
		});
	}

	@Override
	public PassportApplication create(Dossier.Header header, Intake<PassportForm> intake) {
		return new PassportApplication(header, procedureOf(header.procedureCode()), intake.form());
	}

	@Override
	public Mono<Transition<PassportApplication>> approval(PassportApplication dossier, Caller officer) {
		Procedure procedure = this.catalogue.require(dossier.procedureCode());
		return checkEligibility(dossier.procedure(), procedure, dossier.form(), VietnamTime.today(this.clock))
			.then(this.passports.nextNumber())
			.map((number) -> (fresh) -> fresh.approve(officer, number, this.clock.instant()));
	}

	/** What {@link #followUp} acts on: a passport issued, and the submission of a re-issue (a passport declared lost). */
	@Override
	public boolean followsUp(String eventType, String procedureCode) {
		return eventType.equals("PassportIssued") || (eventType.equals("DossierSubmitted")
				&& PassportProcedure.REISSUE_LOST_OR_DAMAGED.catalogueCode().equals(procedureCode));
	}

	/** The book follows the dossiers: a passport issued is entered, one a re-issue declares lost struck. */
	@Override
	public Mono<?> followUp(String eventType, PassportApplication dossier) {
		PassportForm form = dossier.form();
		PassportApplication.IssuedPassport passport = dossier.passport();
		if (eventType.equals("PassportIssued") && passport != null) {
			return this.passports.record(dossier.holderPersonalId(), new PassportBook.Entry(passport.number(),
					passport.issuedOn(), passport.expiresOn(), passport.chip(), dossier.code(), false))
				.then(this.notices.issue(dossier));
		}
		boolean lost = dossier.procedure() == PassportProcedure.REISSUE_LOST_OR_DAMAGED
				&& form.lostOrDamaged() == PassportForm.LostOrDamaged.LOST && form.previousPassportNumber() != null;
		return (eventType.equals("DossierSubmitted") && lost)
				? this.passports.reportLost(dossier.holderPersonalId(), form.previousPassportNumber()) : Mono.empty();
	}

	@Override
	public Details details(PassportApplication dossier) {
		return new Details(dossier.procedure(), dossier.form(), dossier.passport());
	}

	record Details(PassportProcedure procedure, PassportForm form, PassportApplication.IssuedPassport passport) {
	}

	private static PassportProcedure procedureOf(String catalogueCode) {
		return Arrays.stream(PassportProcedure.values())
			.filter((procedure) -> procedure.catalogueCode().equals(catalogueCode))
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("procedure"));
	}

	/**
	 * Who files, by the holder's age on the day of submission: TK01 by the holder from 14, TK01a by a
	 * parent under 14 (Law 49/2019 Art. 15(2)(d): the at-law representative of an under-14 person).
	 * A first issue is for 14 and over, the child procedure for under 14; a re-issue and a renewal
	 * for either. A birth date held as a year or month must leave no doubt about the side of 14.
	 *
	 * @return whether the holder is a child (the applicant is a parent)
	 */
	private static boolean checkAge(PassportProcedure procedure, PassportForm form, String applicantId,
			LocalDate today) {
		BirthDate born = form.holderBirthDate();
		if (born.isAfter(today)) {
			throw new ApiException(ProblemType.VALIDATION, "validation").withError("form.holderBirthDate",
					"birth-date.invalid");
		}
		boolean adult = born.isSurelyAtLeast(14, today);
		boolean child = born.isSurelyUnder(14, today);
		if (procedure == PassportProcedure.CHILD_UNDER_14 && !child) {
			throw ApiException.unprocessable(adult ? "passport.child-is-14-or-more" : "passport.age-undetermined");
		}
		if (procedure == PassportProcedure.FIRST_ISSUE && !adult) {
			throw ApiException.unprocessable(child ? "passport.under-14-needs-tk01a" : "passport.age-undetermined");
		}
		if (!adult && !child) {
			throw ApiException.unprocessable("passport.age-undetermined");
		}
		if (child == applicantId.equals(form.holderPersonalId())) {
			throw ApiException.unprocessable(child ? "passport.child-filed-by-parent" : "passport.holder-files-own");
		}
		return child;
	}

	/** No exit ban that day, no usable passport but the one a re-issue replaces or a renewal renews. */
	private Mono<Void> checkEligibility(PassportProcedure kind, Procedure procedure, PassportForm form,
			LocalDate today) {
		Mono<Void> banned = this.exitBans.isBanned(form.holderPersonalId(), today)
			.flatMap((isBanned) -> isBanned ? Mono.error(ApiException.conflict("passport.exit-ban")) : Mono.empty());
		int window = (kind == PassportProcedure.RENEWAL) ? procedure.intParameter(RENEWAL_WINDOW) : 0;
		LocalDate renewableUntil = (kind == PassportProcedure.RENEWAL) ? today.plusMonths(window) : null;
		Mono<Void> holdsOne = this.passports.usable(form.holderPersonalId(), today)
			.filter((held) -> kind != PassportProcedure.REISSUE_LOST_OR_DAMAGED
					|| !held.number().equals(form.previousPassportNumber()))
			.filter((held) -> renewableUntil == null || held.expiresOn().isAfter(renewableUntil))
			.next()
			.flatMap((held) -> Mono.error((renewableUntil != null)
					? ApiException.conflict("passport.renewal-too-early", held.expiresOn(), window)
					: ApiException.conflict("passport.already-held")));
		return banned.then(holdsOne);
	}

}
