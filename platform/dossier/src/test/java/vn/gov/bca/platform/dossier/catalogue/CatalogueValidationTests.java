package vn.gov.bca.platform.dossier.catalogue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogueTests.parse;

/** A catalogue file with mistakes is refused, each mistake named with its procedure. */
class CatalogueValidationTests {

	@Test
	void aCodeListedTwiceIsRefused() {
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> parse(catalogue(procedure("P-1", 5, 2, ""), procedure("P-1", 6, 2, ""))))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly("procedure P-1 is listed twice"));
	}

	@Test
	void workingDaysMustBePositive() {
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> parse(catalogue(procedure("P-1", 0, 2, ""))))
			.withMessageContaining("procedure P-1: workingDays must be positive, not 0");
	}

	@Test
	void theIdentityLevelIsOneOrTwo() {
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> parse(catalogue(procedure("P-1", 5, 3, ""))))
			.withMessageContaining("procedure P-1: identityLevel must be 1 or 2, not 3");
	}

	@Test
	void periodsOfTheSameFeeMustNotOverlap() {
		String fees = fee("F", 100, 100, "2025-01-01", "2025-12-31") + "," + fee("F", 200, 200, "2025-12-31", null);
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> parse(catalogue(procedure("P-1", 5, 2, fees))))
			.withMessageContaining("procedure P-1, fee F: periods 2025-01-01–2025-12-31 and 2025-12-31–open overlap");
	}

	@Test
	void twoOpenPeriodsOfTheSameFeeOverlap() {
		String fees = fee("F", 100, 100, "2025-01-01", null) + "," + fee("F", 200, 200, "2030-01-01", null);
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> parse(catalogue(procedure("P-1", 5, 2, fees))))
			.withMessageContaining("periods 2025-01-01–open and 2030-01-01–open overlap");
	}

	@Test
	void differentFeesMayApplyOnTheSameDaysAndAdjacentPeriodsAreFine() {
		String fees = fee("F", 100, 100, "2025-01-01", "2025-12-31") + "," + fee("F", 200, 200, "2026-01-01", null)
				+ "," + fee("G", 50, 50, "2025-01-01", null);
		assertThat(parse(catalogue(procedure("P-1", 5, 2, fees))).require("P-1").fees()).hasSize(3);
	}

	@Test
	void amountsCannotBeNegative() {
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> parse(catalogue(procedure("P-1", 5, 2, fee("F", -1, 100, "2025-01-01", null)))))
			.withMessageContaining("procedure P-1, fee F: amounts cannot be negative (online -1, counter 100)");
	}

	@Test
	void aPeriodCannotEndBeforeItStarts() {
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> parse(catalogue(procedure("P-1", 5, 2, fee("F", 1, 1, "2025-02-01", "2025-01-31")))))
			.withMessageContaining("procedure P-1, fee F: validTo 2025-01-31 is before validFrom 2025-02-01");
	}

	@Test
	void aFeeWithoutAStartIsRefused() {
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> parse(catalogue(procedure("P-1", 5, 2, fee("F", 1, 1, null, null)))))
			.withMessageContaining("procedure P-1, fee F: validFrom is missing");
	}

	@Test
	void missingNamesAndLevelsAreNamed() {
		String json = catalogue("""
				{ "code": "P-1", "nameVi": " ", "workingDays": 5, "identityLevel": 2 }""");
		assertThatExceptionOfType(InvalidCatalogueException.class).isThrownBy(() -> parse(json))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly("procedure P-1: nameVi is missing",
					"procedure P-1: nameEn is missing", "procedure P-1: field is missing",
					"procedure P-1: serviceLevel is missing", "procedure P-1: agencyLevel is missing",
					"procedure P-1: appointmentRule is missing"));
	}

	@Test
	void aDocumentNeedsAnAcceptedMediaType() {
		String documents = """
				"documents": [
				  { "code": "D", "nameVi": "Giấy", "nameEn": "Paper", "required": true, "signedOnline": false, "mediaTypes": [] },
				  { "code": "E", "nameVi": "Giấy", "nameEn": "Paper", "required": true, "signedOnline": false, "mediaTypes": [ "pdf" ] },
				  { "code": "E", "nameVi": "Giấy", "nameEn": "Paper", "required": true, "signedOnline": false, "mediaTypes": [ "image/png" ] },
				  { "code": "F", "nameVi": "Giấy", "nameEn": "Paper", "required": true, "signedOnline": true, "mediaTypes": [ "image/png" ] } ],""";
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> parse(catalogue(procedure("P-1", 5, 2, "").replace("\"fees\"", documents + "\"fees\""))))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"procedure P-1, document D: mediaTypes must list at least one accepted format",
					"procedure P-1, document E: 'pdf' is not a media type such as application/pdf",
					"procedure P-1: document E is listed twice",
					"procedure P-1, document F: a document signed online is a PDF, its only media type application/pdf"));
	}

	@Test
	void everyMistakeOfEveryProcedureIsReportedAtOnce() {
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> parse(catalogue(procedure("P-1", 0, 2, ""), procedure("P-2", 5, 0, ""))))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"procedure P-1: workingDays must be positive, not 0",
					"procedure P-2: identityLevel must be 1 or 2, not 0"));
	}

	@Test
	void anUnknownPropertyIsRefusedRatherThanIgnored() {
		String json = catalogue(procedure("P-1", 5, 2, "").replace("\"workingDays\"", "\"nameVI\": \"x\", \"workingDays\""));
		assertThatExceptionOfType(InvalidCatalogueException.class).isThrownBy(() -> parse(json))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly("procedure P-1: unknown property 'nameVI'"));
	}

	@Test
	void aMisspeltNumberIsReportedMissingRatherThanReadAsZero() {
		String json = catalogue(procedure("P-1", 5, 2, "").replace("\"workingDays\"", "\"workingDay\""));
		assertThatExceptionOfType(InvalidCatalogueException.class).isThrownBy(() -> parse(json))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly("procedure P-1: workingDays is missing"));
	}

	@Test
	void anUnknownServiceLevelOrAMalformedDateIsNamedWithItsPlace() {
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> parse(catalogue(procedure("P-1", 5, 2, "").replace("\"FULL\"", "\"TOTAL\""))))
			.satisfies((ex) -> assertThat(ex.problems())
				.containsExactly("procedure P-1: serviceLevel: 'TOTAL' is not a valid ServiceLevel"));
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> parse(catalogue(procedure("P-1", 5, 2, fee("F", 1, 1, "2025-13-01", null)))))
			.satisfies((ex) -> assertThat(ex.problems())
				.containsExactly("procedure P-1: fees[0].validFrom: '2025-13-01' is not a valid LocalDate"));
	}

	@Test
	void unreadableEntriesAndBrokenRulesOfOtherEntriesAreReportedTogether() {
		String unreadable = procedure("P-1", 5, 2, "").replace("\"FULL\"", "\"TOTAL\"");
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> parse(catalogue(unreadable, procedure("P-2", 0, 2, ""))))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"procedure P-1: serviceLevel: 'TOTAL' is not a valid ServiceLevel",
					"procedure P-2: workingDays must be positive, not 0"));
	}

	@Test
	void aFileThatIsNotJsonOrListsNothingIsRefused() {
		assertThatExceptionOfType(InvalidCatalogueException.class).isThrownBy(() -> parse("{ not json"))
			.withMessageContaining("the file is not JSON");
		assertThatExceptionOfType(InvalidCatalogueException.class).isThrownBy(() -> parse(""));
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> parse("{ \"service\": \"s\", \"procs\": [] }"))
			.withMessageContaining("unknown property 'procs'");
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> parse("{ \"service\": \"s\", \"procedures\": [] }"))
			.withMessageContaining("no procedure is listed");
		assertThatExceptionOfType(InvalidCatalogueException.class)
			.isThrownBy(() -> parse("{ \"procedures\": [" + procedure("P-1", 5, 2, "") + "] }"))
			.withMessageContaining("service is missing");
	}

	private static String catalogue(String... procedures) {
		return "{ \"service\": \"test\", \"procedures\": [" + String.join(",", procedures) + "] }";
	}

	private static String procedure(String code, int days, int level, String fees) {
		return """
				{ "code": "%s", "nameVi": "Thủ tục", "nameEn": "Procedure", "field": "Mẫu", "serviceLevel": "FULL",
				  "workingDays": %d, "identityLevel": %d, "agencyLevel": "PROVINCIAL", "appointmentRule": "FROM_RECEIPT",
				  "fees": [ %s ] }""".formatted(code, days, level, fees);
	}

	private static String fee(String code, long online, long counter, String from, String to) {
		return """
				{ "code": "%s", "nameVi": "Lệ phí", "nameEn": "Fee", "amountOnline": %d, "amountCounter": %d,
				  "validFrom": %s, "validTo": %s }""".formatted(code, online, counter, quoted(from), quoted(to));
	}

	private static String quoted(String date) {
		return (date != null) ? "\"" + date + "\"" : "null";
	}

}
