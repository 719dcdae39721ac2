package vn.gov.bca.seal.registration;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.seal.registry.SealKind;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of the request each procedure uses: another is refused rather than ignored, a missing one named. */
class SealRulesPartsTests {

	private static ApiException check(SealProcedure kind, SealForm form) {
		ApiException invalid = new ApiException(ProblemType.VALIDATION, "validation");
		SealRules.checkParts(kind, form, invalid);
		return invalid;
	}

	private static SealForm form(SealKind kind, String inscription, String sealNumber,
			SealForm.ReRegistrationGround ground, SealForm.CertificateGround certificate, String reason) {
		return new SealForm("TC-1", kind, inscription, sealNumber, ground, certificate, reason);
	}

	@Test
	void eachProcedureTakesItsOwnParts() {
		assertThat(check(SealProcedure.NEW_SEAL, form(null, "CON DẤU", null, null, null, null)).errors()).isEmpty();
		assertThat(check(SealProcedure.SPECIAL_SEAL, form(SealKind.WAX, "CON DẤU", null, null, null, null)).errors())
			.isEmpty();
		assertThat(check(SealProcedure.RE_REGISTRATION,
				form(null, "CON DẤU", "PC06-HN-MD-2026-000001", SealForm.ReRegistrationGround.LOST, null, null)).errors())
			.isEmpty();
		assertThat(check(SealProcedure.ADDITIONAL_SEAL, form(null, "CON DẤU", null, null, null, "Cơ sở 2")).errors())
			.isEmpty();
		assertThat(check(SealProcedure.CERTIFICATE_EXCHANGE,
				form(null, null, "PC06-HN-MD-2026-000001", null, SealForm.CertificateGround.DAMAGED, null)).errors())
			.isEmpty();
	}

	@Test
	void aPartOfAnotherProcedureOrAMissingOneIsNamed() {
		assertThat(check(SealProcedure.NEW_SEAL,
				form(SealKind.EMBOSSED, null, "PC06-HN-MD-2026-000001", null, null, null)).errors())
			.extracting(ApiException.FieldProblem::field, ApiException.FieldProblem::code)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("form.sealKind", "seal.part-not-used"),
					org.assertj.core.groups.Tuple.tuple("form.inscription", "seal.part-required"),
					org.assertj.core.groups.Tuple.tuple("form.sealNumber", "seal.part-not-used"));
		assertThat(check(SealProcedure.CERTIFICATE_EXCHANGE, form(null, "CON DẤU", null, null, null, null)).errors())
			.extracting(ApiException.FieldProblem::field)
			.containsExactlyInAnyOrder("form.inscription", "form.sealNumber", "form.certificateGround");
		assertThat(check(SealProcedure.ADDITIONAL_SEAL, form(null, "CON DẤU", null, null, null, "  ")).errors())
			.extracting(ApiException.FieldProblem::field)
			.containsExactly("form.reason");
		assertThat(check(SealProcedure.SPECIAL_SEAL, form(SealKind.ADDITIONAL, "CON DẤU", null, null, null, null)).errors())
			.extracting(ApiException.FieldProblem::code)
			.containsExactly("seal.kind-not-special");
	}

}
