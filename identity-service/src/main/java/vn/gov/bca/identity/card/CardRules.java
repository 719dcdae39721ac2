package vn.gov.bca.identity.card;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.gov.bca.identity.registry.Citizen;
import vn.gov.bca.identity.registry.CitizenRegistry;
import vn.gov.bca.identity.registry.IdentityCard;
import vn.gov.bca.identity.registry.Kin;
import vn.gov.bca.platform.data.outbox.Transition;
import vn.gov.bca.platform.document.AdministrativeDocument;
import vn.gov.bca.platform.document.VietnameseDates;
import vn.gov.bca.platform.dossier.Channel;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.calendar.DateOutsideCalendarException;
import vn.gov.bca.platform.dossier.calendar.HolidayCalendars;
import vn.gov.bca.platform.dossier.catalogue.FeeDue;
import vn.gov.bca.platform.dossier.catalogue.Procedure;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;
import vn.gov.bca.platform.dossier.workflow.Intake;
import vn.gov.bca.platform.dossier.workflow.ProcedureRules;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The identity-card procedures' rules in the dossier workflow (Law on Identification 26/2023/QH15;
 * Decree 70/2024/NĐ-CP), read from the population registry this service owns. At submission, which
 * writes nothing: the ground is one of the procedure's; the holder is in the registry, alive and
 * Vietnamese, and lives in the province of the receiving unit; from 14 the holder files for
 * themselves, under 14 a parent the registry records (anyone else is told only that the holder is not
 * confirmed, as for a number the registry does not know); the ground fits the holder's cards; from
 * age 6 an online filer books the working day they come to the counter for the biometrics, under 6
 * there are none (Art. 23(1)). At approval: the same again, the biometrics taken (from 6), the fee
 * paid where the ground owes one; the data the card prints are taken from the registry then.
 */
@Component
class CardRules implements ProcedureRules<CardDossier, CardForm> {

	/** Art. 19(1): the card is mandatory from 14; under 14 a parent or guardian files. */
	static final int OWN_FILING_AGE = 14;

	/** Art. 23(1): no biometrics are taken under 6. */
	static final int BIOMETRICS_AGE = 6;

	/** How far ahead the counter day may be booked (catalogue parameter). */
	static final String CAPTURE_WINDOW = "captureBookingWindowDays";

	private final CitizenRegistry registry;

	private final ProcedureCatalogue catalogue;

	private final HolidayCalendars calendars;

	private final CardResults results;

	private final Clock clock;

	CardRules(CitizenRegistry registry, ProcedureCatalogue catalogue, HolidayCalendars calendars, CardResults results,
			Clock clock) {
		this.registry = registry;
		this.catalogue = catalogue;
		this.calendars = calendars;
		this.results = results;
		this.clock = clock;
	}

	@Override
	public String holderOf(CardForm form) {
		return form.holderPersonalId();
	}

	/** One open identity-card dossier per holder. */
	@Override
	public String openDossierKey(CardDossier dossier) {
		return dossier.holderPersonalId();
	}

	/** The age in whole years on that day, counted from the first day a year- or month-only birth date may be. */
	static int age(Citizen citizen, LocalDate day) {
		return Period.between(citizen.birthDate().earliestDay(), day).getYears();
	}

	@Override
	public Mono<String> admit(Intake<CardForm> intake) {
		CardForm form = intake.form();
		CardProcedure kind = CardProcedure.of(intake.procedure().code());
		ApiException invalid = new ApiException(ProblemType.VALIDATION, "validation");
		if (form.ground().procedure() != kind) {
			invalid.withError("form.ground", "identity-card.ground-of-other-procedure", kind);
		}
		if ((form.delivery() == CardForm.Delivery.POST) != (form.postalAddress() != null)) {
			invalid.withError("form.postalAddress", (form.delivery() == CardForm.Delivery.POST)
					? "identity-card.postal-address-required" : "identity-card.postal-address-not-used");
		}
		if (!invalid.errors().isEmpty()) {
			return Mono.error(invalid);
		}
		LocalDate today = intake.today();
		return this.registry.find(form.holderPersonalId())
			.filter((holder) -> mayFile(holder, intake.applicantPersonalId(), today))
			.switchIfEmpty(Mono.error(() -> refused("form.holderPersonalId", "identity-card.holder-not-confirmed")))
			.flatMap((holder) -> {
				if (!java.util.Objects.equals(holder.responsibleProvince(), intake.handlingProvince())) {
					return Mono.error(refused("handlingProvince", "identity-card.other-province"));
				}
				checkCaptureDay(form, intake.procedure(), intake.channel(), age(holder, today), today);
				checkHolder(holder, form.ground(), today);
				if (age(holder, today) >= OWN_FILING_AGE) {
					return Mono.just(holder.fullName());
				}
				// The parent's name as their own record has it, else as the child's record names them.
				String named = isParent(holder.father(), intake.applicantPersonalId()) ? holder.father().fullName()
						: holder.mother().fullName();
				return this.registry.find(intake.applicantPersonalId()).map(Citizen::fullName).defaultIfEmpty(named);
			});
	}

	/**
	 * From 14 only the holder; under 14 only a parent the registry records. Someone else learns nothing
	 * of the holder (the same answer as for a number the registry does not know).
	 */
	private static boolean mayFile(Citizen holder, String applicant, LocalDate today) {
		if (age(holder, today) >= OWN_FILING_AGE) {
			return holder.personalId().equals(applicant);
		}
		return isParent(holder.father(), applicant) || isParent(holder.mother(), applicant);
	}

	private static boolean isParent(Kin parent, String applicant) {
		return parent != null && parent.personalId() != null && parent.personalId().equals(applicant);
	}

	/**
	 * Online, from age 6, the day the holder comes to the counter: a working day from the day after
	 * receipt up to the catalogue's window. At the counter the biometrics are taken there and then;
	 * under 6 none are taken, so no day is booked.
	 */
	private void checkCaptureDay(CardForm form, Procedure procedure, Channel channel, int age, LocalDate today) {
		LocalDate day = form.captureDay();
		if (age < BIOMETRICS_AGE || channel != Channel.ONLINE) {
			if (day != null) {
				throw refused("form.captureDay", (age < BIOMETRICS_AGE) ? "identity-card.no-biometrics-under-6"
						: "identity-card.capture-day-online-only");
			}
			return;
		}
		int window = procedure.intParameter(CAPTURE_WINDOW);
		if (day == null) {
			throw refused("form.captureDay", "identity-card.capture-day-required");
		}
		if (!day.isAfter(today) || day.isAfter(today.plusDays(window)) || !isWorkingDay(day)) {
			throw refused("form.captureDay", "identity-card.capture-day-invalid", window);
		}
	}

	private boolean isWorkingDay(LocalDate day) {
		try {
			return this.calendars.workingDays().isWorkingDay(day);
		}
		catch (DateOutsideCalendarException ex) {
			return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
		}
	}

	/**
	 * The holder as the registry stands: alive, Vietnamese, and their cards fitting the ground (checked
	 * at submission and again at approval).
	 */
	static void checkHolder(Citizen holder, CardGround ground, LocalDate today) {
		if (holder.lifeStatus() == Citizen.LifeStatus.DECEASED) {
			throw ApiException.conflict("citizen.deceased");
		}
		if (!"VN".equals(holder.nationality())) {
			throw refused("form.holderPersonalId", "identity-card.not-vietnamese");
		}
		IdentityCard current = holder.currentIdentityCard();
		switch (ground) {
			case FIRST_ISSUE -> {
				if (current != null) {
					throw ApiException.conflict("identity-card.already-issued");
				}
			}
			case EXCHANGE_AGE -> {
				// A card is exchanged at the age it is valid until, from two years before it (Art. 21(2)):
				// the new one is then valid to the following age, as IdentityCard computes.
				if (current == null || current.reportedLostOn() != null || current.expiresOn() == null) {
					throw ApiException.conflict("identity-card.no-card-to-exchange");
				}
				if (today.isBefore(current.expiresOn().minusYears(2))) {
					throw ApiException.conflict("identity-card.exchange-age-not-reached",
							current.expiresOn().minusYears(2));
				}
			}
			case LOST -> {
				if (current == null) {
					throw ApiException.conflict("identity-card.no-card-to-exchange");
				}
			}
			case NATIONALITY_RESTORED -> {
				if (current != null && current.isValidOn(today)) {
					throw ApiException.conflict("identity-card.valid-card-held");
				}
			}
			default -> {
				if (current == null || current.reportedLostOn() != null) {
					throw ApiException.conflict("identity-card.no-card-to-exchange");
				}
			}
		}
	}

	private static ApiException refused(String field, String code, Object... args) {
		return new ApiException(ProblemType.UNPROCESSABLE, code, args).withError(field, code, args);
	}

	@Override
	public CardDossier create(Dossier.Header header, Intake<CardForm> intake) {
		return new CardDossier(header, CardProcedure.of(header.procedureCode()), intake.form());
	}

	/** No fee on a ground the circular exempts; otherwise the procedure's fee for the day and channel. */
	@Override
	public List<FeeDue> feesDue(CardDossier dossier, Procedure procedure) {
		return dossier.form().ground().free() ? List.of() : ProcedureRules.super.feesDue(dossier, procedure);
	}

	/**
	 * Approval: the holder still as the ground needs and still in the unit's province, the biometrics
	 * taken (from 6, counted on the day of receipt), the fee paid where owed; the data to print read from
	 * the registry now.
	 */
	@Override
	public Mono<Transition<CardDossier>> approval(CardDossier dossier, Caller officer) {
		LocalDate today = VietnamTime.today(this.clock);
		long due = feesDue(dossier, this.catalogue.require(dossier.procedureCode())).stream()
			.mapToLong(FeeDue::amount)
			.sum();
		return this.registry.find(dossier.holderPersonalId())
			.switchIfEmpty(Mono.error(() -> ApiException.conflict("identity-card.holder-not-in-registry")))
			.map((holder) -> {
				checkHolder(holder, dossier.form().ground(), today);
				if (!java.util.Objects.equals(holder.responsibleProvince(), dossier.handlingUnit().province())) {
					throw ApiException.conflict("identity-card.holder-moved");
				}
				if (age(holder, VietnamTime.dayOf(dossier.receivedAt())) >= BIOMETRICS_AGE
						&& dossier.biometrics() == null) {
					throw ApiException.conflict("identity-card.biometrics-missing");
				}
				if (due > 0 && (dossier.fee() == null || dossier.fee().paidAt() == null)) {
					throw ApiException.conflict("identity-card.fee-unpaid", due);
				}
				CardDossier.PrintedData printed = this.results.printed(holder);
				String summary = dossier.procedure().nameVi() + ": " + dossier.form().ground().nameVi();
				return (Transition<CardDossier>) (fresh) -> fresh.approve(officer, printed, summary, this.clock.instant());
			});
	}

	@Override
	public Mono<?> followUp(String eventType, CardDossier dossier) {
		return this.results.followUp(eventType, dossier);
	}

	@Override
	public boolean followsUp(String eventType, String procedureCode) {
		return this.results.followsUp(eventType);
	}

	/** On the receipt and appointment slip: the day booked at the counter for the biometrics, and the delivery. */
	@Override
	public List<AdministrativeDocument.Row> receiptRows(CardDossier dossier) {
		CardForm form = dossier.form();
		List<AdministrativeDocument.Row> rows = new java.util.ArrayList<>();
		if (form.captureDay() != null) {
			rows.add(new AdministrativeDocument.Row("Ngày đến thu nhận ảnh khuôn mặt, vân tay, mống mắt",
					VietnameseDates.numeric(form.captureDay()) + ", tại " + dossier.handlingUnit().name()));
		}
		rows.add(new AdministrativeDocument.Row("Hình thức nhận thẻ", (form.delivery() == CardForm.Delivery.POST)
				? "Chuyển phát đến " + form.postalAddress() : "Nhận tại cơ quan tiếp nhận hồ sơ"));
		return List.copyOf(rows);
	}

	@Override
	public RefusalNotice refusalNotice() {
		return new RefusalNotice(CardResults.REFUSAL, "THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ CĂN CƯỚC");
	}

	@Override
	public Details details(CardDossier dossier) {
		BiometricCapture capture = dossier.biometrics();
		Biometrics biometrics = (capture == null) ? null
				: new Biometrics(capture.capturedAt(), capture.face().quality(), capture.fingersCaptured(),
						capture.irisesCaptured());
		return new Details(dossier.procedure(), dossier.form(), dossier.form().ground().free(), biometrics,
				dossier.printed(), dossier.card());
	}

	/** What the view shows of the capture: when, and how many samples; no reference. */
	record Biometrics(java.time.Instant capturedAt, BiometricCapture.Quality faceQuality, long fingersCaptured,
			long irisesCaptured) {
	}

	record Details(CardProcedure procedure, CardForm form, boolean feeExempt, Biometrics biometrics,
			CardDossier.PrintedData printed, CardDossier.ProducedCard card) {
	}

}
