package vn.gov.bca.platform.dossier.catalogue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.dossier.Channel;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class ProcedureCatalogueTests {

	private final ProcedureCatalogue catalogue = load("sample-procedures.json");

	@Test
	void loadsEveryProcedureOfTheFile() {
		assertThat(this.catalogue.service()).isEqualTo("sample-service");
		assertThat(this.catalogue.procedures()).extracting(Procedure::code).containsExactly("SAMPLE-01", "SAMPLE-02");
		Procedure procedure = this.catalogue.require("SAMPLE-01");
		assertThat(procedure.nameVi()).isEqualTo("Thủ tục mẫu có lệ phí");
		assertThat(procedure.serviceLevel()).isEqualTo(ServiceLevel.FULL);
		assertThat(procedure.serviceLevel().nameVi()).isEqualTo("Toàn trình");
		assertThat(procedure.workingDays()).isEqualTo(7);
		assertThat(procedure.identityLevel()).isEqualTo(2);
		assertThat(procedure.agencyLevel()).isEqualTo(AgencyLevel.COMMUNE);
		assertThat(procedure.appointmentRule()).isEqualTo(AppointmentRule.FROM_RECEIPT);
		assertThat(procedure.documents()).extracting(RequiredDocument::code, RequiredDocument::required)
			.containsExactly(tuple("FORM", true), tuple("PROOF", false));
		assertThat(procedure.fees()).hasSize(3);
		assertThat(procedure.fees().get(1).validTo()).isNull();
	}

	@Test
	void aProcedureWithoutDocumentsOrFeesHasEmptyLists() {
		Procedure free = this.catalogue.require("SAMPLE-02");
		assertThat(free.documents()).isEmpty();
		assertThat(free.fees()).isEmpty();
		assertThat(free.feesOn(LocalDate.of(2026, 5, 4), Channel.COUNTER)).isEmpty();
		assertThat(free.totalFeeOn(LocalDate.of(2026, 5, 4), Channel.COUNTER)).isZero();
		assertThat(free.note()).isEqualTo("No fee, no document.");
	}

	@Test
	void aDocumentTellsWhichFormatsItAccepts() {
		RequiredDocument proof = this.catalogue.require("SAMPLE-01").document("PROOF").orElseThrow();
		assertThat(proof.accepts("image/jpeg")).isTrue();
		assertThat(proof.accepts("IMAGE/PNG")).isTrue();
		assertThat(proof.accepts("application/zip")).isFalse();
		assertThat(this.catalogue.require("SAMPLE-01").document("NONE")).isEmpty();
	}

	@Test
	void findAnswersEmptyForAnUnknownCode() {
		assertThat(this.catalogue.find("SAMPLE-99")).isEmpty();
		assertThat(this.catalogue.find(null)).isEmpty();
		assertThat(this.catalogue.find("SAMPLE-01")).isPresent();
	}

	@Test
	void requiringAnUnknownProcedureIsANotFoundProblem() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.catalogue.require("SAMPLE-99"))
			.satisfies((ex) -> {
				assertThat(ex.type()).isEqualTo(ProblemType.NOT_FOUND);
				assertThat(ex.detailCode()).isEqualTo("not-found.procedure");
			});
	}

	@Test
	void theAmountOnlineAndAtTheCounterDiffer() {
		Procedure procedure = this.catalogue.require("SAMPLE-01");
		LocalDate day = LocalDate.of(2025, 3, 10);
		assertThat(procedure.feesOn(day, Channel.ONLINE))
			.containsExactly(new FeeDue("FEE-A", "Lệ phí A", "Fee A", 15_000));
		assertThat(procedure.feesOn(day, Channel.COUNTER))
			.containsExactly(new FeeDue("FEE-A", "Lệ phí A", "Fee A", 20_000));
	}

	@Test
	void thePostPaysTheCounterAmount() {
		Procedure procedure = this.catalogue.require("SAMPLE-01");
		assertThat(procedure.totalFeeOn(LocalDate.of(2025, 3, 10), Channel.POST)).isEqualTo(20_000);
	}

	@Test
	void theAmountChangesOnTheFirstDayOfTheNewPeriodAndTheLastDayOfTheOldIsIncluded() {
		Procedure procedure = this.catalogue.require("SAMPLE-01");
		assertThat(procedure.feesOn(LocalDate.of(2025, 12, 31), Channel.ONLINE)).extracting(FeeDue::code, FeeDue::amount)
			.containsExactly(tuple("FEE-A", 15_000L), tuple("FEE-B", 0L));
		assertThat(procedure.feesOn(LocalDate.of(2026, 1, 1), Channel.ONLINE)).extracting(FeeDue::code, FeeDue::amount)
			.containsExactly(tuple("FEE-A", 25_000L), tuple("FEE-B", 0L));
	}

	@Test
	void anOpenPeriodAppliesWithoutEnd() {
		Procedure procedure = this.catalogue.require("SAMPLE-01");
		assertThat(procedure.totalFeeOn(LocalDate.of(2040, 1, 1), Channel.COUNTER)).isEqualTo(35_000);
	}

	@Test
	void beforeAFeeStartsItIsNotOwed() {
		Procedure procedure = this.catalogue.require("SAMPLE-01");
		assertThat(procedure.feesOn(LocalDate.of(2025, 6, 30), Channel.COUNTER)).extracting(FeeDue::code)
			.containsExactly("FEE-A");
		assertThat(procedure.feesOn(LocalDate.of(2025, 7, 1), Channel.COUNTER)).extracting(FeeDue::code)
			.containsExactly("FEE-A", "FEE-B");
		assertThat(procedure.feesOn(LocalDate.of(2024, 12, 31), Channel.COUNTER)).isEmpty();
	}

	private static ProcedureCatalogue load(String resource) {
		try (InputStream in = ProcedureCatalogueTests.class.getResourceAsStream(resource)) {
			return ProcedureCatalogue.load(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ProcedureCatalogue parse(String json) {
		return ProcedureCatalogue.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
	}

}
