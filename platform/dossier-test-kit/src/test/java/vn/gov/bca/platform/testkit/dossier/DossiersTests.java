package vn.gov.bca.platform.testkit.dossier;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.dossier.Channel;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.calendar.Deadline;
import vn.gov.bca.platform.dossier.calendar.WorkingDays;
import vn.gov.bca.platform.testkit.JwtIssuer;

import static org.assertj.core.api.Assertions.assertThat;

class DossiersTests {

	@Test
	void theDefaultHeaderIsAnOnlineDossierTheApplicantSubmittedToHanoi() {
		Dossier.Header header = Dossiers.header().build();
		assertThat(header).isEqualTo(new Dossier.Header("PA08-HN-260302-0001", "1.999001", Channel.ONLINE,
				new Dossier.Applicant("001085012345", "Nguyễn Văn An", 1, null, null),
				new Dossier.Submitter(JwtIssuer.accountOf("001085012345"), "dev-scripts", null),
				new Dossier.HandlingUnit("PA08-HN", "Phòng QLXNC Hà Nội", "01"), Instant.parse("2026-03-02T02:00:00Z"),
				Deadline.start(WorkingDays.standard(), LocalDate.of(2026, 3, 2), 8)));
		// Monday 2 March 2026 + 8 working days, no holiday in between.
		assertThat(header.deadline().appointment()).isEqualTo(LocalDate.of(2026, 3, 12));
	}

	@Test
	void eachMethodReturnsANewBuilderAndLeavesTheOneItWasCalledOn() {
		Dossiers.HeaderBuilder base = Dossiers.header();
		Dossier.Header changed = base.code("PA08-HCM-260302-0002")
			.procedureCode("1.999002")
			.channel(Channel.COUNTER)
			.applicant("079090123456", "Trần Thị Bình")
			.unit("PA08-HCM", "Phòng QLXNC TP Hồ Chí Minh", "79")
			.workingDays(5)
			.build();
		assertThat(changed.code()).isEqualTo("PA08-HCM-260302-0002");
		assertThat(changed.procedureCode()).isEqualTo("1.999002");
		assertThat(changed.channel()).isEqualTo(Channel.COUNTER);
		assertThat(changed.applicant().fullName()).isEqualTo("Trần Thị Bình");
		assertThat(changed.submitter().subject()).isEqualTo(JwtIssuer.accountOf("079090123456"));
		assertThat(changed.unit().province()).isEqualTo("79");
		assertThat(changed.deadline().allowedDays()).isEqualTo(5);
		assertThat(base.build()).isEqualTo(Dossiers.header().build());
	}

	@Test
	void theDeadlineStartsOnTheDayReceivedInVietnam() {
		// 17:30 UTC on 2 March is 00:30 on Tuesday 3 March in Hà Nội.
		Dossier.Header header = Dossiers.header().receivedAt(Instant.parse("2026-03-02T17:30:00Z")).build();
		assertThat(header.deadline().countingFrom()).isEqualTo(LocalDate.of(2026, 3, 3));
		assertThat(header.deadline().appointment()).isEqualTo(LocalDate.of(2026, 3, 13));
	}

	@Test
	void anOfficerAtTheCounterIsRecordedAsTheSubmitter() {
		Dossier.Header header = Dossiers.header()
			.channel(Channel.COUNTER)
			.submittedBy(Callers.officer("001080001111", "PA08-HN", "01"))
			.build();
		assertThat(header.submitter()).isEqualTo(
				new Dossier.Submitter(JwtIssuer.accountOf("001080001111"), "dev-scripts", "PA08-HN"));
	}

}
