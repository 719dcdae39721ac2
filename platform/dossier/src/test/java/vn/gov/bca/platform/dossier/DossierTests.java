package vn.gov.bca.platform.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.dossier.calendar.Deadline;
import vn.gov.bca.platform.dossier.calendar.WorkingDays;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.IllegalTransitionException;
import vn.gov.bca.platform.web.security.Caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every allowed and forbidden transition of the shared lifecycle, without Spring. */
class DossierTests {

	private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

	private static final Caller OFFICER = new Caller("officer-hn", "001080001111", 2, Set.of(Caller.OFFICER), "PA08-HN",
			"01", "officer-console");

	private static final Caller OTHER_PROVINCE = new Caller("officer-hcm", "079187002222", 2, Set.of(Caller.OFFICER),
			"PA08-HCM", "79", "officer-console");

	private static final Caller APPLICANT = new Caller("citizen-an", "001085012345", 2, Set.of(Caller.CITIZEN), null,
			null, "vneid-mobile");

	private static final Caller SOMEONE_ELSE = new Caller("citizen-bich", "079192004567", 2, Set.of(Caller.CITIZEN),
			null, null, "vneid-mobile");

	/** A procedure's dossier with nothing of its own. */
	static final class SampleDossier extends Dossier {

		SampleDossier() {
			super("PA08-HN-260302-0001", "1.001", Channel.ONLINE,
					new Applicant("001085012345", "Nguyễn Văn An", 1, "0912345678", "an@example.vn"),
					new Submitter("citizen-an", "vneid-mobile", null), new HandlingUnit("PA08-HN", "Phòng QLXNC Hà Nội", "01"),
					T0, Deadline.start(WorkingDays.standard(), LocalDate.of(2026, 3, 2), 8));
		}

		DossierEvent.DossierSubmitted first() {
			return submitted();
		}

	}

	private final SampleDossier dossier = new SampleDossier();

	@Test
	void aSubmittedDossierStartsItsProgressAndItsFirstEventCarriesNoPersonalData() {
		DossierEvent.DossierSubmitted submitted = this.dossier.first();
		assertThat(submitted.status()).isEqualTo(DossierStatus.SUBMITTED);
		assertThat(submitted.channel()).isEqualTo(Channel.ONLINE);
		assertThat(submitted.toString()).doesNotContain("Nguyễn").doesNotContain("001085012345");
		assertThat(this.dossier.progress()).singleElement()
			.satisfies((entry) -> assertThat(entry.status()).isEqualTo(DossierStatus.SUBMITTED));
	}

	@Test
	void theWholeWayFromSubmissionToTheResult() {
		this.dossier.accept(OFFICER, null, T0.plusSeconds(60));
		this.dossier.claim(OFFICER, T0.plusSeconds(61));
		this.dossier.requestPayment(OFFICER, "PO1", 200_000, T0.plusSeconds(120));
		assertThat(this.dossier.status()).isEqualTo(DossierStatus.PAYMENT_REQUESTED);
		assertThat(this.dossier.paymentReceived("PO1", "BL-260302-00000001", T0.plusSeconds(300))).isPresent();
		assertThat(this.dossier.paymentReceived("PO1", "BL-260302-00000001", T0.plusSeconds(301))).isEmpty();
		assertThat(this.dossier.status()).isEqualTo(DossierStatus.IN_PROGRESS);
		DossierEvent.DossierProcessed processed = this.dossier.process(OFFICER, "Cấp hộ chiếu số C1234567",
				T0.plusSeconds(3_600));
		assertThat(processed.onTime()).isTrue();
		this.dossier.returnResult(OFFICER, Dossier.ReturnMethod.PICKED_UP, T0.plusSeconds(7_200));

		assertThat(this.dossier.status()).isEqualTo(DossierStatus.RESULT_RETURNED);
		assertThat(this.dossier.assignee()).isEqualTo("officer-hn");
		assertThat(this.dossier.progress()).extracting(ProgressEntry::action)
			.containsExactly("submit", "accept", "claim", "request-payment", "payment-received", "process",
					"return-result");
	}

	@Test
	void aSupplementStopsTheClockAndTheDossierResumesWithTheDaysLeft() {
		assertThat(this.dossier.appointmentDate()).isEqualTo(LocalDate.of(2026, 3, 12));
		this.dossier.accept(OFFICER, null, T0);
		// Received Mon 2 Mar; asked on Thu 5 Mar: 3 of the 8 working days used.
		this.dossier.requestSupplement(OFFICER, List.of("Ảnh 4x6 nền trắng"), WorkingDays.standard(),
				Instant.parse("2026-03-05T03:00:00Z"));
		assertThat(this.dossier.supplementRequest().usedWorkingDays()).isEqualTo(3);
		assertThat(this.dossier.isOverdue(LocalDate.of(2026, 4, 1))).isFalse();

		// Supplemented on Mon 9 Mar: 5 working days left, so Mon 16 Mar.
		this.dossier.supplemented(APPLICANT, WorkingDays.standard(), Instant.parse("2026-03-09T03:00:00Z"));
		assertThat(this.dossier.status()).isEqualTo(DossierStatus.ACCEPTED);
		assertThat(this.dossier.appointmentDate()).isEqualTo(LocalDate.of(2026, 3, 16));
		assertThat(this.dossier.isOverdue(LocalDate.of(2026, 3, 17))).isTrue();
	}

	@Test
	void theApplicantWithdrawsBeforeProcessingButNotAfter() {
		this.dossier.withdraw(APPLICANT, null, T0);
		assertThat(this.dossier.status()).isEqualTo(DossierStatus.WITHDRAWN);
		assertThatThrownBy(() -> this.dossier.accept(OFFICER, null, T0)).isInstanceOf(IllegalTransitionException.class);

		SampleDossier processed = new SampleDossier();
		processed.accept(OFFICER, null, T0);
		processed.process(OFFICER, "ok", T0);
		assertThatThrownBy(() -> processed.withdraw(APPLICANT, null, T0))
			.isInstanceOfSatisfying(IllegalTransitionException.class,
					(refused) -> assertThat(refused.getMessage()).contains("withdraw").contains("PROCESSED"));
	}

	@Test
	void forbiddenTransitionsNameTheStatusAndTheAction() {
		assertThatThrownBy(() -> this.dossier.process(OFFICER, "x", T0)).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> this.dossier.returnResult(OFFICER, Dossier.ReturnMethod.POSTED, T0))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> this.dossier.stop(OFFICER, "x", T0)).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> this.dossier.requestPayment(OFFICER, "PO", 1, T0))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> this.dossier.supplemented(APPLICANT, WorkingDays.standard(), T0))
			.isInstanceOf(IllegalTransitionException.class);
		this.dossier.notAccept(OFFICER, "Hồ sơ không thuộc thẩm quyền", T0);
		assertThatThrownBy(() -> this.dossier.accept(OFFICER, null, T0)).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> this.dossier.claim(OFFICER, T0)).isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void anOfficerOfAnotherProvinceCannotActAndSomeoneElseSeesNoDossier() {
		assertThatThrownBy(() -> this.dossier.accept(OTHER_PROVINCE, null, T0))
			.isInstanceOfSatisfying(ApiException.class, (refused) -> assertThat(refused.type().status().value()).isEqualTo(403));
		assertThatThrownBy(() -> this.dossier.accept(APPLICANT, null, T0))
			.isInstanceOfSatisfying(ApiException.class, (refused) -> assertThat(refused.type().status().value()).isEqualTo(403));
		assertThatThrownBy(() -> this.dossier.withdraw(SOMEONE_ELSE, null, T0))
			.isInstanceOfSatisfying(ApiException.class, (refused) -> assertThat(refused.type().status().value()).isEqualTo(404));
		assertThat(this.dossier.status()).isEqualTo(DossierStatus.SUBMITTED);
	}

	@Test
	void aStoppedDossierIsFinalAndAPaymentArrivingAfterwardsIsRecordedWithoutReopeningIt() {
		this.dossier.accept(OFFICER, null, T0);
		this.dossier.requestPayment(OFFICER, "PO1", 200_000, T0);
		this.dossier.stop(OFFICER, "Người đề nghị thuộc diện chưa được xuất cảnh", T0);
		assertThat(this.dossier.paymentReceived("PO1", "BL-1", T0)).isEmpty();
		assertThat(this.dossier.status()).isEqualTo(DossierStatus.STOPPED);
		assertThat(this.dossier.fee().receiptNumber()).isEqualTo("BL-1");
		assertThat(DossierStatus.STOPPED.isFinal()).isTrue();
	}

	@Test
	void processingAfterTheAppointmentDateIsLate() {
		this.dossier.accept(OFFICER, null, T0);
		assertThat(this.dossier.process(OFFICER, "ok", Instant.parse("2026-03-13T02:00:00Z")).onTime()).isFalse();
	}

	@Test
	void statusesAndChannelsKeepTheNationalPortalsCodes() {
		assertThat(DossierStatus.SUBMITTED.code()).isEqualTo(1);
		assertThat(DossierStatus.RESULT_RETURNED.code()).isEqualTo(10);
		assertThat(DossierStatus.PAYMENT_REQUESTED.code()).isEqualTo(6);
		assertThat(Channel.POST.code()).isEqualTo(3);
		assertThat(DossierCodes.format("PA08-HN", "260302", 7)).isEqualTo("PA08-HN-260302-0007");
		assertThat(DossierCodes.format("PA08-HN", "260302", 12_345)).isEqualTo("PA08-HN-260302-12345");
		assertThat(DossierCodes.format("PA08-HN", "260302", 10_000)).isEqualTo("PA08-HN-260302-10000");
		assertThat(DossierCodes.format("PA08-HN", "260302", 999)).isEqualTo("PA08-HN-260302-0999");
	}

	/** The follow-up tells a dossier's event from the topic's other aggregates by the key's form. */
	@Test
	void aDossierCodeIsToldFromTheOtherKeysOfATopic() {
		assertThat(DossierCodes.isCode("PC06-HN-261201-0001")).isTrue();
		assertThat(DossierCodes.isCode("PA08-HN-260302-12345")).isTrue();
		assertThat(DossierCodes.isCode("CAP-HK-HN-261201-0042")).isTrue();
		assertThat(DossierCodes.isCode("R00AA11BB22CC33DD44EE55F")).isFalse();
		assertThat(DossierCodes.isCode("3f2b8c1e-5d6a-4e7f-9a0b-1c2d3e4f5a6b")).isFalse();
		assertThat(DossierCodes.isCode("CSLT-DEMO-HN-0001")).isFalse();
		assertThat(DossierCodes.isCode(null)).isFalse();
	}

	/** A dossier a parent filed for a child: the holder is not the applicant. */
	static final class ChildDossier extends Dossier {

		ChildDossier() {
			super("PA08-HN-260302-0002", "1.002", Channel.ONLINE,
					new Applicant("001085012345", "Nguyễn Văn An", 1, null, null),
					new Submitter("citizen-an", "vneid-mobile", null), new HandlingUnit("PA08-HN", "Phòng QLXNC Hà Nội", "01"),
					T0, Deadline.start(WorkingDays.standard(), LocalDate.of(2026, 3, 2), 8));
		}

		@Override
		public String holderPersonalId() {
			return "001218123407";
		}

	}

	@Test
	void anOfficerNeverHandlesADossierOfWhichHeIsTheApplicantOrTheHolder() {
		Caller officerAn = new Caller("officer-an", "001085012345", 2, Set.of(Caller.OFFICER, Caller.CITIZEN), "PA08-HN",
				"01", "officer-console");
		Caller officerChild = new Caller("officer-khoi", "001218123407", 2, Set.of(Caller.OFFICER), "PA08-HN", "01",
				"officer-console");
		for (Runnable action : List.<Runnable>of(() -> this.dossier.accept(officerAn, null, T0),
				() -> this.dossier.claim(officerAn, T0), () -> this.dossier.notAccept(officerAn, "x", T0),
				() -> this.dossier.requestPayment(officerAn, "PO", 1, T0))) {
			assertThatThrownBy(action::run).isInstanceOfSatisfying(ApiException.class, (refused) -> {
				assertThat(refused.type().status().value()).isEqualTo(403);
				assertThat(refused.detailCode()).isEqualTo("dossier.own-dossier");
			});
		}
		ChildDossier child = new ChildDossier();
		assertThatThrownBy(() -> child.accept(officerChild, null, T0)).isInstanceOfSatisfying(ApiException.class,
				(refused) -> assertThat(refused.detailCode()).isEqualTo("dossier.own-dossier"));
		child.accept(OFFICER, null, T0);
		assertThat(child.status()).isEqualTo(DossierStatus.ACCEPTED);
		assertThat(this.dossier.status()).isEqualTo(DossierStatus.SUBMITTED);
	}

	@Test
	void toACitizenWhoIsNotTheApplicantAnOfficersActionIsNotFound() {
		for (Runnable action : List.<Runnable>of(() -> this.dossier.accept(SOMEONE_ELSE, null, T0),
				() -> this.dossier.claim(SOMEONE_ELSE, T0), () -> this.dossier.process(SOMEONE_ELSE, "x", T0),
				() -> this.dossier.stop(SOMEONE_ELSE, "x", T0))) {
			assertThatThrownBy(action::run).isInstanceOfSatisfying(ApiException.class,
					(refused) -> assertThat(refused.type().status().value()).isEqualTo(404));
		}
		assertThatThrownBy(() -> DossierAccess.requireVisible(this.dossier, SOMEONE_ELSE))
			.isInstanceOfSatisfying(ApiException.class,
					(refused) -> assertThat(refused.type().status().value()).isEqualTo(404));
		DossierAccess.requireVisible(this.dossier, APPLICANT);
		DossierAccess.requireVisible(this.dossier, OFFICER);
	}

	@Test
	void anAppointmentCountedPastTheCalendarIsKeptAsProvisional() {
		Dossier late = new Dossier("PA08-HN-271227-0001", "1.001", Channel.ONLINE,
				new Dossier.Applicant("001085012345", "Nguyễn Văn An", 1, null, null),
				new Dossier.Submitter("citizen-an", "vneid-mobile", null), new Dossier.HandlingUnit("PA08-HN", "Phòng QLXNC Hà Nội", "01"),
				Instant.parse("2027-12-27T03:00:00Z"),
				Deadline.start(WorkingDays.standard(), LocalDate.of(2027, 12, 27), 8)) {
		};
		assertThat(late.appointmentProvisional()).isTrue();
		assertThat(late.appointmentDate().getYear()).isEqualTo(2028);
		assertThat(this.dossier.appointmentProvisional()).isFalse();
	}

	@Test
	void statisticsAreAskedForDaysWithinTheAllowedRange() {
		for (LocalDate[] period : new LocalDate[][] { { LocalDate.MIN, LocalDate.of(2026, 1, 1) },
				{ LocalDate.of(2026, 1, 1), LocalDate.MAX }, { LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1) },
				{ null, LocalDate.of(2026, 1, 1) }, { LocalDate.of(1999, 12, 31), LocalDate.of(2026, 1, 1) } }) {
			assertThatThrownBy(() -> DossierQueries.requirePeriod(period[0], period[1]))
				.isInstanceOfSatisfying(ApiException.class, (refused) -> {
					assertThat(refused.type().status().value()).isEqualTo(400);
					assertThat(refused.errors()).isNotEmpty();
				});
		}
		DossierQueries.requirePeriod(DossierQueries.FIRST_DAY, DossierQueries.LAST_DAY);
		DossierQueries.requirePeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1));
	}

}
