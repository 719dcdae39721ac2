package vn.gov.bca.platform.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;

import vn.gov.bca.platform.dossier.calendar.Deadline;
import vn.gov.bca.platform.dossier.calendar.WorkingDays;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.IllegalTransitionException;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * A dossier (hồ sơ) of any procedure, as every procedure handles it: the national portal's ten
 * statuses, a code, the applicant and the handling unit, the receipt time and the appointment
 * date, the fee, the result, and the progress history. Each transition checks the status and the
 * actor's right to act (an officer of the handling unit's province; the applicant for their own
 * dossier, anyone else getting 404), records a progress entry and returns its event; an illegal
 * transition is a 409 naming the status and the action. A procedure's service extends it with its
 * typed form and its own steps (see passport-service).
 *
 * <p>The appointment date follows the dossier's {@link Deadline} on the working-day calendar: set at
 * submission (receipt + the procedure's days), stopped while the applicant supplements (the working
 * days already used are kept) and restarted with the days left when the supplement comes.
 */
public abstract class Dossier {

	private static final Set<DossierStatus> BEFORE_PROCESSED = EnumSet.of(DossierStatus.SUBMITTED,
			DossierStatus.ACCEPTED, DossierStatus.IN_PROGRESS, DossierStatus.SUPPLEMENT_REQUESTED,
			DossierStatus.PAYMENT_REQUESTED);

	@Id
	private String code;

	private String procedureCode;

	private Channel channel;

	private Applicant applicant;

	private Submitter submittedBy;

	private HandlingUnit handlingUnit;

	private Instant receivedAt;

	private LocalDate appointmentDate;

	private boolean appointmentProvisional;

	private Deadline deadline;

	private DossierStatus status;

	private String assignee;

	private SupplementRequest supplementRequest;

	private Fee fee;

	private Result result;

	private List<ProgressEntry> progress = new ArrayList<>();

	private long version;

	/** The citizen or organisation the dossier is for; {@code type} 1 citizen, 2 organisation. */
	public record Applicant(String personalId, String fullName, int type, String phone, String email) {
	}

	/**
	 * Who submitted it: the applicant themselves, an officer at the counter, or an integrating
	 * system (the national portal) on the applicant's behalf.
	 */
	public record Submitter(String subject, String clientId, String agency) {
	}

	/** The unit that receives and handles the dossier; its code starts the dossier code. */
	public record HandlingUnit(String code, String name, String province) {
	}

	/**
	 * What is missing, asked when, and how many working days of the procedure's allowance had been
	 * used by then (the clock stops until the supplement comes).
	 */
	public record SupplementRequest(List<String> missing, Instant requestedAt, int usedWorkingDays,
			DossierStatus resumeIn) {
	}

	/** The fee asked for, its payment order in fine-payment-service, and its receipt once paid. */
	public record Fee(String paymentOrderId, long amount, Instant requestedAt, String receiptNumber, Instant paidAt) {
	}

	/** The outcome and how it reached the applicant. */
	public record Result(String summary, Instant processedAt, boolean onTime, Instant returnedAt,
			ReturnMethod returnMethod) {
	}

	/** How the result reached the applicant. */
	public enum ReturnMethod {

		PICKED_UP, POSTED, ELECTRONIC

	}

	/** What every new dossier starts with, whatever its procedure. */
	public record Header(String code, String procedureCode, Channel channel, Applicant applicant, Submitter submitter,
			HandlingUnit unit, Instant receivedAt, Deadline deadline) {
	}

	/** For Spring Data: the fields are set from the document. */
	protected Dossier() {
	}

	/**
	 * A new dossier, submitted now, with its deadline started on the day received;
	 * {@link #submitted()} gives its first event.
	 */
	protected Dossier(String code, String procedureCode, Channel channel, Applicant applicant, Submitter submittedBy,
			HandlingUnit handlingUnit, Instant receivedAt, Deadline deadline) {
		this.code = code;
		this.procedureCode = procedureCode;
		this.channel = channel;
		this.applicant = applicant;
		this.submittedBy = submittedBy;
		this.handlingUnit = handlingUnit;
		this.receivedAt = receivedAt;
		this.deadline = deadline;
		this.appointmentDate = deadline.appointment();
		this.appointmentProvisional = deadline.provisional();
		this.status = DossierStatus.SUBMITTED;
		this.progress.add(new ProgressEntry(receivedAt, submittedBy.subject(), submittedBy.agency(), "submit",
				"Tiếp nhận hồ sơ qua kênh " + channel.code(), DossierStatus.SUBMITTED));
	}

	/** A new dossier of the procedure, submitted at the header's instant. */
	protected Dossier(Header header) {
		this(header.code(), header.procedureCode(), header.channel(), header.applicant(), header.submitter(),
				header.unit(), header.receivedAt(), header.deadline());
	}

	/** The event of the dossier's submission. */
	public final DossierEvent.DossierSubmitted submitted() {
		return new DossierEvent.DossierSubmitted(UUID.randomUUID(), this.receivedAt, this.code, this.procedureCode,
				this.status, this.channel, this.handlingUnit.code(), this.appointmentDate);
	}

	/** The receiving officer accepts the dossier as complete. */
	public DossierEvent.DossierAccepted accept(Caller officer, String note, Instant now) {
		requireOfficer(officer);
		require("accept", DossierStatus.SUBMITTED);
		move(officer, "accept", (note != null) ? note : "Tiếp nhận hồ sơ", DossierStatus.ACCEPTED, now);
		return new DossierEvent.DossierAccepted(UUID.randomUUID(), now, this.code, this.procedureCode, this.status,
				this.appointmentDate);
	}

	/** The receiving officer refuses the dossier, with the reason (final). */
	public DossierEvent.DossierNotAccepted notAccept(Caller officer, String reason, Instant now) {
		requireOfficer(officer);
		require("not-accept", DossierStatus.SUBMITTED);
		move(officer, "not-accept", reason, DossierStatus.NOT_ACCEPTED, now);
		return new DossierEvent.DossierNotAccepted(UUID.randomUUID(), now, this.code, this.procedureCode, this.status);
	}

	/** An officer of the unit takes the dossier into their own work queue. No status change. */
	public void claim(Caller officer, Instant now) {
		requireOfficer(officer);
		require("claim", DossierStatus.SUBMITTED, DossierStatus.ACCEPTED, DossierStatus.IN_PROGRESS,
				DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.PAYMENT_REQUESTED, DossierStatus.PROCESSED);
		this.assignee = officer.subject();
		this.progress.add(new ProgressEntry(now, officer.subject(), officer.agency(), "claim",
				"Cán bộ nhận xử lý hồ sơ", this.status));
	}

	/** Asks the applicant for what is missing; the clock stops with the working days used so far. */
	public DossierEvent.SupplementRequested requestSupplement(Caller officer, List<String> missing,
			WorkingDays workingDays, Instant now) {
		requireOfficer(officer);
		DossierStatus resumeIn = require("request-supplement", DossierStatus.SUBMITTED, DossierStatus.ACCEPTED,
				DossierStatus.IN_PROGRESS);
		this.deadline = this.deadline.stop(workingDays, VietnamTime.dayOf(now));
		this.supplementRequest = new SupplementRequest(List.copyOf(missing), now, this.deadline.usedDays(), resumeIn);
		move(officer, "request-supplement", "Yêu cầu bổ sung: " + String.join("; ", missing),
				DossierStatus.SUPPLEMENT_REQUESTED, now);
		return new DossierEvent.SupplementRequested(UUID.randomUUID(), now, this.code, this.procedureCode, this.status,
				List.copyOf(missing));
	}

	/**
	 * The applicant delivered what was missing: the dossier resumes where it was, its clock restarted
	 * with the working days that were left (at least one).
	 */
	public DossierEvent.DossierSupplemented supplemented(Caller applicant, WorkingDays workingDays, Instant now) {
		requireApplicant(applicant);
		require("supplement", DossierStatus.SUPPLEMENT_REQUESTED);
		this.deadline = this.deadline.resume(workingDays, VietnamTime.dayOf(now));
		this.appointmentDate = this.deadline.appointment();
		this.appointmentProvisional = this.deadline.provisional();
		move(applicant, "supplement", "Công dân đã bổ sung hồ sơ", this.supplementRequest.resumeIn(), now);
		return new DossierEvent.DossierSupplemented(UUID.randomUUID(), now, this.code, this.procedureCode,
				this.status, this.appointmentDate);
	}

	/**
	 * The officer asks for the procedure's fee, through a payment order created by the caller; once
	 * paid, the dossier's fee is not asked for again (409).
	 */
	public DossierEvent.PaymentRequested requestPayment(Caller officer, String paymentOrderId, long amount,
			Instant now) {
		requireOfficer(officer);
		require("request-payment", DossierStatus.ACCEPTED, DossierStatus.IN_PROGRESS);
		if (this.fee != null && this.fee.paidAt() != null) {
			throw ApiException.conflict("fee.already-paid");
		}
		this.fee = new Fee(paymentOrderId, amount, now, null, null);
		move(officer, "request-payment", "Yêu cầu nộp phí, lệ phí " + amount + " đồng", DossierStatus.PAYMENT_REQUESTED,
				now);
		return new DossierEvent.PaymentRequested(UUID.randomUUID(), now, this.code, this.procedureCode, this.status,
				paymentOrderId, amount);
	}

	/**
	 * The fee order succeeded (from fine-payment-service's event): processing goes on. The same
	 * payment again changes nothing; a payment of another order is not this dossier's.
	 */
	public Optional<DossierEvent.PaymentReceived> paymentReceived(String paymentOrderId, String receiptNumber,
			Instant paidAt) {
		if (this.fee == null || !this.fee.paymentOrderId().equals(paymentOrderId) || this.fee.paidAt() != null) {
			return Optional.empty();
		}
		this.fee = new Fee(this.fee.paymentOrderId(), this.fee.amount(), this.fee.requestedAt(), receiptNumber, paidAt);
		if (this.status != DossierStatus.PAYMENT_REQUESTED) {
			// Withdrawn or stopped meanwhile: the payment is recorded for the refund, the status stays.
			this.progress.add(new ProgressEntry(paidAt, "system", null, "payment-received",
					"Đã nhận thanh toán, biên lai " + receiptNumber, this.status));
			return Optional.empty();
		}
		this.status = DossierStatus.IN_PROGRESS;
		this.progress.add(new ProgressEntry(paidAt, "system", null, "payment-received",
				"Đã nhận thanh toán, biên lai " + receiptNumber, this.status));
		return Optional.of(new DossierEvent.PaymentReceived(UUID.randomUUID(), paidAt, this.code, this.procedureCode,
				this.status, paymentOrderId, receiptNumber));
	}

	/** The applicant withdraws their dossier before it is processed (final). */
	public DossierEvent.DossierWithdrawn withdraw(Caller applicant, String reason, Instant now) {
		requireApplicant(applicant);
		require("withdraw", BEFORE_PROCESSED.toArray(DossierStatus[]::new));
		move(applicant, "withdraw", (reason != null) ? reason : "Công dân rút hồ sơ", DossierStatus.WITHDRAWN, now);
		return new DossierEvent.DossierWithdrawn(UUID.randomUUID(), now, this.code, this.procedureCode, this.status);
	}

	/** An officer stops processing, with the legal reason (final). */
	public DossierEvent.DossierStopped stop(Caller officer, String reason, Instant now) {
		requireOfficer(officer);
		require("stop", DossierStatus.ACCEPTED, DossierStatus.IN_PROGRESS, DossierStatus.SUPPLEMENT_REQUESTED,
				DossierStatus.PAYMENT_REQUESTED);
		move(officer, "stop", reason, DossierStatus.STOPPED, now);
		return new DossierEvent.DossierStopped(UUID.randomUUID(), now, this.code, this.procedureCode, this.status);
	}

	/** The officer completes the processing; on time if done by the appointment date. */
	public DossierEvent.DossierProcessed process(Caller officer, String summary, Instant now) {
		requireOfficer(officer);
		require("process", DossierStatus.ACCEPTED, DossierStatus.IN_PROGRESS);
		boolean onTime = !VietnamTime.dayOf(now).isAfter(this.appointmentDate);
		this.result = new Result(summary, now, onTime, null, null);
		move(officer, "process", summary, DossierStatus.PROCESSED, now);
		return new DossierEvent.DossierProcessed(UUID.randomUUID(), now, this.code, this.procedureCode, this.status,
				onTime);
	}

	/** The result reached the applicant (final). */
	public DossierEvent.ResultReturned returnResult(Caller officer, ReturnMethod method, Instant now) {
		requireOfficer(officer);
		require("return-result", DossierStatus.PROCESSED);
		this.result = new Result(this.result.summary(), this.result.processedAt(), this.result.onTime(), now, method);
		move(officer, "return-result", "Trả kết quả: " + method, DossierStatus.RESULT_RETURNED, now);
		return new DossierEvent.ResultReturned(UUID.randomUUID(), now, this.code, this.procedureCode, this.status,
				method);
	}

	/** Not processed and past its appointment date on that day. */
	public boolean isOverdue(LocalDate today) {
		return BEFORE_PROCESSED.contains(this.status) && this.status != DossierStatus.SUPPLEMENT_REQUESTED
				&& today.isAfter(this.appointmentDate);
	}

	/**
	 * Only an officer of the handling unit's province who is neither the applicant nor the holder acts
	 * on a dossier; to whoever may not see it, it does not exist ({@link DossierAccess}).
	 */
	protected final void requireOfficer(Caller officer) {
		DossierAccess.requireHandler(this, officer);
	}

	/** Only the applicant acts on their own dossier; to anyone else it does not exist (404). */
	protected final void requireApplicant(Caller applicant) {
		DossierAccess.requireApplicant(this, applicant);
	}

	/**
	 * The person the dossier's result is for: the applicant unless the procedure says otherwise
	 * (a parent files for a child). An officer never handles a dossier they are the holder of.
	 */
	public String holderPersonalId() {
		return this.applicant.personalId();
	}

	/** @return the current status, if it is one of the allowed */
	protected final DossierStatus require(String action, DossierStatus... allowed) {
		for (DossierStatus status : allowed) {
			if (this.status == status) {
				return status;
			}
		}
		throw new IllegalTransitionException(this.status, action);
	}

	/**
	 * A step of the procedure's own that does not change the national status (biometrics captured, a
	 * card produced): recorded in the progress with the actor, as every transition is.
	 */
	protected final void note(Caller actor, String action, String content, Instant now) {
		this.progress.add(new ProgressEntry(now, actor.subject(), actor.agency(), action, content, this.status));
	}

	private void move(Caller actor, String action, String content, DossierStatus to, Instant now) {
		this.status = to;
		this.progress.add(new ProgressEntry(now, actor.subject(), actor.agency(), action, content, to));
	}

	public String code() {
		return this.code;
	}

	public String procedureCode() {
		return this.procedureCode;
	}

	public Channel channel() {
		return this.channel;
	}

	public Applicant applicant() {
		return this.applicant;
	}

	public Submitter submittedBy() {
		return this.submittedBy;
	}

	public HandlingUnit handlingUnit() {
		return this.handlingUnit;
	}

	public Instant receivedAt() {
		return this.receivedAt;
	}

	public LocalDate appointmentDate() {
		return this.appointmentDate;
	}

	/**
	 * Whether the appointment date was counted past the last year of the holiday calendar (weekends
	 * only there): it is given, but may move forward when that year's holidays are decided.
	 */
	public boolean appointmentProvisional() {
		return this.appointmentProvisional;
	}

	public Deadline deadline() {
		return this.deadline;
	}

	public DossierStatus status() {
		return this.status;
	}

	public String assignee() {
		return this.assignee;
	}

	public SupplementRequest supplementRequest() {
		return this.supplementRequest;
	}

	public Fee fee() {
		return this.fee;
	}

	public Result result() {
		return this.result;
	}

	public List<ProgressEntry> progress() {
		return List.copyOf(this.progress);
	}

	public long version() {
		return this.version;
	}

}
