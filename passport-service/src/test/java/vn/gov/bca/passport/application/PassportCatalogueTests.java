package vn.gov.bca.passport.application;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.dossier.Channel;
import vn.gov.bca.platform.dossier.calendar.WorkingDays;
import vn.gov.bca.platform.dossier.catalogue.Procedure;
import vn.gov.bca.platform.dossier.catalogue.AgencyLevel;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;

import static org.assertj.core.api.Assertions.assertThat;

/** The passport service's catalogue: it loads, and its fees are those of the circulars it cites. */
class PassportCatalogueTests {

	private static final String FIRST_ISSUE = "1.999001";

	private static final String CHILD_UNDER_14 = "1.999002";

	private static final String LOST_OR_DAMAGED = "1.999003";

	private static final String RENEWAL = "1.999004";

	private final ProcedureCatalogue catalogue = load();

	@Test
	void everyPassportProcedureTakesEightWorkingDaysAtAProvincialOfficeWithIdentityLevelTwo() {
		assertThat(this.catalogue.service()).isEqualTo("passport-service");
		assertThat(this.catalogue.procedures()).extracting(Procedure::code)
			.containsExactly(FIRST_ISSUE, CHILD_UNDER_14, LOST_OR_DAMAGED, RENEWAL);
		assertThat(this.catalogue.procedures()).allSatisfy((procedure) -> {
			assertThat(procedure.workingDays()).isEqualTo(8);
			assertThat(procedure.identityLevel()).isEqualTo(2);
			assertThat(procedure.agencyLevel()).isEqualTo(AgencyLevel.PROVINCIAL);
			assertThat(procedure.note()).contains("PLACEHOLDER");
			assertThat(procedure.document("PHOTO")).hasValueSatisfying((photo) -> {
				assertThat(photo.required()).isTrue();
				assertThat(photo.nameVi()).contains("4x6").contains("nền trắng").contains("6 tháng");
			});
		});
	}

	@Test
	void aChildUnder14NeedsFormTK01aAndABirthCertificate() {
		Procedure child = this.catalogue.require(CHILD_UNDER_14);
		assertThat(child.document("TK01A").orElseThrow().required()).isTrue();
		assertThat(child.document("BIRTH-CERTIFICATE").orElseThrow().required()).isTrue();
		assertThat(child.document("TK01")).isEmpty();
		assertThat(this.catalogue.require(FIRST_ISSUE).document("BIRTH-CERTIFICATE")).isEmpty();
	}

	@Test
	void aFirstPassportCosts200000AtTheCounterAnd180000OnlineIn2024() {
		Procedure first = this.catalogue.require(FIRST_ISSUE);
		LocalDate day = LocalDate.of(2024, 6, 3);
		assertThat(first.totalFeeOn(day, Channel.COUNTER)).isEqualTo(200_000);
		assertThat(first.totalFeeOn(day, Channel.ONLINE)).isEqualTo(180_000);
		assertThat(this.catalogue.require(CHILD_UNDER_14).totalFeeOn(day, Channel.COUNTER)).isEqualTo(200_000);
	}

	@Test
	void theFeeIsHalvedFromJuly2025ToTheEndOf2026() {
		Procedure first = this.catalogue.require(FIRST_ISSUE);
		assertThat(first.totalFeeOn(LocalDate.of(2025, 6, 30), Channel.COUNTER)).isEqualTo(200_000);
		assertThat(first.totalFeeOn(LocalDate.of(2025, 7, 1), Channel.COUNTER)).isEqualTo(100_000);
		assertThat(first.totalFeeOn(LocalDate.of(2026, 12, 31), Channel.ONLINE)).isEqualTo(100_000);
		assertThat(first.totalFeeOn(LocalDate.of(2027, 1, 1), Channel.ONLINE)).isEqualTo(200_000);
	}

	@Test
	void aLostOrDamagedPassportCostsTwiceAFirstOne() {
		Procedure lost = this.catalogue.require(LOST_OR_DAMAGED);
		assertThat(lost.totalFeeOn(LocalDate.of(2024, 6, 3), Channel.COUNTER)).isEqualTo(400_000);
		assertThat(lost.totalFeeOn(LocalDate.of(2024, 6, 3), Channel.ONLINE)).isEqualTo(360_000);
		assertThat(lost.totalFeeOn(LocalDate.of(2026, 3, 2), Channel.POST)).isEqualTo(200_000);
		assertThat(lost.totalFeeOn(LocalDate.of(2027, 3, 1), Channel.COUNTER)).isEqualTo(400_000);
	}

	@Test
	void theDeadlineOfAPassportDossierIsCountedOnTheHolidayCalendar() {
		Procedure first = this.catalogue.require(FIRST_ISSUE);
		// Received Mon 9 Feb 2026: Tue 10 – Fri 13, the Tết break, Mon 23 – Thu 26.
		assertThat(first.deadlineFrom(WorkingDays.standard(), LocalDate.of(2026, 2, 9)).appointment())
			.isEqualTo(LocalDate.of(2026, 2, 26));
	}

	private static ProcedureCatalogue load() {
		try (InputStream in = PassportCatalogueTests.class.getResourceAsStream("/procedures.json")) {
			return ProcedureCatalogue.load(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Law 49/2019 sets no renewal window (Art. 7(3): not extendable; Art. 15(2)(b): the latest
	 * passport is handed in): the window is a catalogue value with the reason it was chosen.
	 */
	@Test
	void theRenewalWindowIsACatalogueValueWithItsSource() {
		Procedure renewal = this.catalogue.require(RENEWAL);
		assertThat(renewal.intParameter(PassportRules.RENEWAL_WINDOW)).isEqualTo(6);
		assertThat(renewal.parameter(PassportRules.RENEWAL_WINDOW).orElseThrow().source())
			.contains("Law 49/2019")
			.contains("6 months");
		assertThat(renewal.feesOn(java.time.LocalDate.of(2027, 1, 1), vn.gov.bca.platform.dossier.Channel.ONLINE))
			.extracting(vn.gov.bca.platform.dossier.catalogue.FeeDue::amount)
			.containsExactly(200_000L);
	}

}
