package vn.gov.bca.passport.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.dossier.registry.BirthDate;
import vn.gov.bca.platform.dossier.registry.Sex;
import vn.gov.bca.platform.testkit.dossier.Callers;
import vn.gov.bca.platform.testkit.dossier.Dossiers;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The passport issued follows the holder's age on the day of issue, not the procedure (Law 49/2019
 * Art. 7(3): 10 years from 14, 5 years under 14, not extendable; chip by choice from 14, none under
 * 14). Without Spring.
 */
class PassportApplicationTests {

	private static final Caller OFFICER = Callers.officer("001080001111", "PA08-HN", "01");

	/** Nguyễn Văn An's online dossier for his son, received in Hà Nội on 2 March 2026 and accepted at once. */
	private static PassportApplication accepted(PassportProcedure procedure, String born, boolean chip) {
		PassportForm form = new PassportForm("001212123407", "Nguyễn Minh Khôi", BirthDate.parse(born), Sex.MALE, null,
				null, null, null, chip, null, null);
		PassportApplication application = new PassportApplication(
				Dossiers.header().procedureCode(procedure.catalogueCode()).build(), procedure, form);
		application.accept(OFFICER, null, Dossiers.RECEIVED_AT);
		return application;
	}

	private static Instant at(LocalDateTime vietnamTime) {
		return vietnamTime.atZone(VietnamTime.ZONE).toInstant();
	}

	@Test
	void aChildWhoTurns14BeforeApprovalGetsTheAdultPassportWithTheChipAskedFor() {
		PassportApplication dossier = accepted(PassportProcedure.CHILD_UNDER_14, "2012-03-10", true);
		dossier.approve(OFFICER, "C0000001", at(LocalDateTime.of(2026, 3, 10, 0, 30)));
		assertThat(dossier.passport()).isEqualTo(new PassportApplication.IssuedPassport("C0000001", LocalDate.of(2026, 3, 10),
				LocalDate.of(2036, 3, 10), true));
	}

	@Test
	void theDayBeforeThe14thBirthdayInVietnamItIsAChildsPassport() {
		PassportApplication dossier = accepted(PassportProcedure.CHILD_UNDER_14, "2012-03-10", true);
		// 23:30 on 9 Mar in Hà Nội (16:30 UTC): still 13.
		dossier.approve(OFFICER, "C0000002", at(LocalDateTime.of(2026, 3, 9, 23, 30)));
		assertThat(dossier.passport()).isEqualTo(new PassportApplication.IssuedPassport("C0000002", LocalDate.of(2026, 3, 9),
				LocalDate.of(2031, 3, 9), false));
	}

	@Test
	void aReissueForAChildIsAChildsPassportAndForAnAdultItIsTenYears() {
		PassportApplication child = accepted(PassportProcedure.REISSUE_LOST_OR_DAMAGED, "2018-06-01", true);
		child.approve(OFFICER, "C0000003", at(LocalDateTime.of(2026, 3, 12, 9, 0)));
		assertThat(child.passport().expiresOn()).isEqualTo(LocalDate.of(2031, 3, 12));
		assertThat(child.passport().chip()).isFalse();

		PassportApplication adult = accepted(PassportProcedure.REISSUE_LOST_OR_DAMAGED, "1950", false);
		adult.approve(OFFICER, "C0000004", at(LocalDateTime.of(2026, 3, 12, 9, 0)));
		assertThat(adult.passport().expiresOn()).isEqualTo(LocalDate.of(2036, 3, 12));
		assertThat(adult.passport().chip()).isFalse();
	}

	@Test
	void aBirthYearThatLeavesTheAgeInDoubtGivesTheChildsPassport() {
		PassportApplication dossier = accepted(PassportProcedure.RENEWAL, "2012", true);
		dossier.approve(OFFICER, "C0000005", at(LocalDateTime.of(2026, 6, 1, 9, 0)));
		assertThat(dossier.passport().expiresOn()).isEqualTo(LocalDate.of(2031, 6, 1));
		assertThat(dossier.passport().chip()).isFalse();
	}

	@Test
	void theHolderIsTheChildNamedOnTheForm() {
		assertThat(accepted(PassportProcedure.CHILD_UNDER_14, "2018-06-01", false).holderPersonalId())
			.isEqualTo("001212123407");
	}

}
