package vn.gov.bca.seal.registration;

import java.io.InputStream;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.dossier.Channel;
import vn.gov.bca.platform.dossier.HandlingUnits;
import vn.gov.bca.platform.dossier.catalogue.AgencyLevel;
import vn.gov.bca.platform.dossier.catalogue.Procedure;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;
import vn.gov.bca.platform.dossier.catalogue.RequiredDocument;
import vn.gov.bca.platform.web.error.ApiException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The master data as the procedures read it: each of the five procedures at both levels, 3 working
 * days (Decree 99/2016 Art. 11(7)), the fee on all but the exchange, the documents the law wants
 * signed online accepted as PDF only; C06 nationwide beside each province's PC06.
 */
class SealCatalogueTests {

	private static ProcedureCatalogue catalogue() throws Exception {
		try (InputStream in = SealCatalogueTests.class.getResourceAsStream("/procedures.json")) {
			return ProcedureCatalogue.load(in);
		}
	}

	@Test
	void everyProcedureIsPublishedAtBothLevelsInThreeWorkingDaysWithItsFee() throws Exception {
		ProcedureCatalogue catalogue = catalogue();
		LocalDate today = LocalDate.of(2026, 12, 1);
		for (SealProcedure kind : SealProcedure.values()) {
			for (AgencyLevel level : new AgencyLevel[] { AgencyLevel.CENTRAL, AgencyLevel.PROVINCIAL }) {
				Procedure procedure = catalogue.require(kind.codeAt(level));
				assertThat(procedure.agencyLevel()).isEqualTo(level);
				assertThat(procedure.workingDays()).isEqualTo(3);
				assertThat(procedure.identityLevel()).isEqualTo(2);
				assertThat(SealProcedure.of(procedure.code())).isEqualTo(kind);
				long fee = procedure.totalFeeOn(today, Channel.ONLINE);
				if (kind == SealProcedure.CERTIFICATE_EXCHANGE) {
					assertThat(fee).as("exchange and re-issue are free").isZero();
				}
				else {
					assertThat(fee).isEqualTo(50_000);
				}
				for (RequiredDocument document : procedure.documents()) {
					if (document.signedOnline()) {
						assertThat(document.mediaTypes()).containsExactly("application/pdf");
					}
				}
				assertThat(procedure.document("APPLICATION")).get()
					.satisfies((application) -> assertThat(application.required() && application.signedOnline()).isTrue());
				assertThat(procedure.document(SealRules.SPECIMEN).isPresent()).isEqualTo(kind.registersSeal());
			}
		}
	}

	@Test
	void theCentralDepartmentIsNationwideAndEachProvinceHasItsPc06() throws Exception {
		HandlingUnits units;
		try (InputStream in = SealCatalogueTests.class.getResourceAsStream("/handling-units.json")) {
			units = HandlingUnits.load(in);
		}
		assertThat(units.of(HandlingUnits.CENTRAL_PROVINCE, AgencyLevel.CENTRAL).code()).isEqualTo("C06");
		assertThat(units.of("01", AgencyLevel.PROVINCIAL).code()).isEqualTo("PC06-HN");
		assertThat(units.all()).hasSize(35);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> units.of("01", AgencyLevel.CENTRAL))
			.isInstanceOf(ApiException.class);
	}

}
