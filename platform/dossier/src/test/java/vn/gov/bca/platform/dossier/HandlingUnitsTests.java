package vn.gov.bca.platform.dossier;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.dossier.catalogue.AgencyLevel;
import vn.gov.bca.platform.web.error.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The receiving units as master data: the unit code comes from the file, an unlisted province is a 422. */
class HandlingUnitsTests {

	private static final String FILE = """
			{"service": "passport-service", "units": [
			  {"province": "01", "code": "PA08-HN", "name": "Phòng QLXNC Hà Nội", "level": "PROVINCIAL", "source": "placeholder"},
			  {"province": "79", "code": "G07.48.HCM", "name": "Phòng QLXNC TP HCM", "level": "PROVINCIAL", "source": "QCVN 102:2016"}]}""";

	private static HandlingUnits load(String json) {
		return HandlingUnits.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void theUnitCodeOfAProvinceIsTheOneOfTheFile() {
		HandlingUnits units = load(FILE);
		assertThat(units.of("79")).isEqualTo(new Dossier.HandlingUnit("G07.48.HCM", "Phòng QLXNC TP HCM", "79"));
		assertThat(units.all()).extracting(Dossier.HandlingUnit::province).containsExactly("01", "79");
	}

	@Test
	void aProvinceTheFileDoesNotListIsAProblemNamingTheField() {
		assertThatThrownBy(() -> load(FILE).of("99")).isInstanceOfSatisfying(ApiException.class, (refused) -> {
			assertThat(refused.type().status().value()).isEqualTo(422);
			assertThat(refused.errors()).extracting(ApiException.FieldProblem::field).containsExactly("handlingProvince");
		});
		assertThatThrownBy(() -> load(FILE).of(null)).isInstanceOf(ApiException.class);
	}

	@Test
	void aFileWithTwiceTheSameProvinceOrCodeOrABadCodeIsRefusedWhole() {
		assertThatIllegalArgumentException().isThrownBy(() -> load(FILE.replace("\"79\"", "\"01\"")))
			.withMessageContaining("province 01 is listed twice");
		assertThatIllegalArgumentException().isThrownBy(() -> load(FILE.replace("G07.48.HCM", "PA08-HN")))
			.withMessageContaining("listed twice");
		assertThatIllegalArgumentException().isThrownBy(() -> load(FILE.replace("G07.48.HCM", "pa08 hcm")))
			.withMessageContaining("not a unit code");
		assertThatIllegalArgumentException().isThrownBy(() -> load(FILE.replace("\"79\"", "\"7\"")));
		assertThatIllegalArgumentException().isThrownBy(() -> load(FILE.replace("\"source\"", "\"sourse\"")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> load(FILE.replace(", \"level\": \"PROVINCIAL\", \"source\": \"placeholder\"", ", \"source\": \"placeholder\"")))
			.withMessageContaining("province 01: the unit has no level");
	}

	@Test
	void aProcedureIsReceivedOnlyByAUnitOfItsLevel() {
		HandlingUnits units = load(FILE);
		assertThat(units.of("01", AgencyLevel.PROVINCIAL).code()).isEqualTo("PA08-HN");
		assertThatThrownBy(() -> units.of("01", AgencyLevel.COMMUNE)).isInstanceOfSatisfying(ApiException.class,
				(refused) -> assertThat(refused.errors()).extracting(ApiException.FieldProblem::field)
					.containsExactly("handlingProvince"));
	}

	@Test
	void aCentralDepartmentIsListedUnderTheNationwideProvinceBesideTheProvincialUnits() {
		HandlingUnits units = load("""
				{"service": "seal-service", "units": [
				  {"province": "01", "code": "PC06-HN", "name": "Phòng PC06 Hà Nội", "level": "PROVINCIAL", "source": "placeholder"},
				  {"province": "00", "code": "C06", "name": "Cục C06", "level": "CENTRAL", "source": "placeholder"}]}""");
		assertThat(units.of("00", AgencyLevel.CENTRAL)).isEqualTo(new Dossier.HandlingUnit("C06", "Cục C06", "00"));
		assertThat(units.of("01", AgencyLevel.PROVINCIAL).code()).isEqualTo("PC06-HN");
		// A provincial officer's province never reaches the central department's dossiers, nor the reverse.
		assertThatThrownBy(() -> units.of("01", AgencyLevel.CENTRAL)).isInstanceOf(ApiException.class);
		assertThatThrownBy(() -> units.of("00", AgencyLevel.PROVINCIAL)).isInstanceOf(ApiException.class);
		assertThat(units.all()).extracting(Dossier.HandlingUnit::code).containsExactly("C06", "PC06-HN");
	}

	@Test
	void aCentralUnitOutsideTheNationwideProvinceOrAProvincialOneInsideItIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> load(FILE.replace("\"level\": \"PROVINCIAL\", \"source\": \"placeholder\"",
					"\"level\": \"CENTRAL\", \"source\": \"placeholder\"")))
			.withMessageContaining("a central unit is listed under province 00");
		assertThatIllegalArgumentException().isThrownBy(() -> load(FILE.replace("\"01\"", "\"00\"")))
			.withMessageContaining("a central unit is listed under province 00");
	}

}
