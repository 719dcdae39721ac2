package vn.gov.bca.seal.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.gov.bca.seal.registry.SealKind;

/**
 * What the organisation's request (Form 03 of Decree 58/2026) says, typed: the organisation, and per
 * procedure the seal asked for or concerned. A part the procedure does not use is refused, not
 * ignored (see {@link SealRules#checkParts}).
 *
 * @param sealKind the special seal asked for: EMBOSSED, MINIATURE or WAX (special-seal procedure only)
 * @param inscription the seal's content as the specimen shows it (procedures that register a seal)
 * @param sealNumber the registered seal concerned: the one re-registered, or whose certificate is exchanged
 * @param reRegistrationGround why the seal is registered again
 * @param certificateGround why the certificate is exchanged (damaged) or re-issued (lost)
 * @param reason why an additional seal is needed (required there), or a note
 */
public record SealForm(@NotBlank @Pattern(regexp = "TC-[0-9A-Z]{1,20}") String organisationId, SealKind sealKind,
		@Size(max = 300) String inscription, @Pattern(regexp = "[A-Z0-9][A-Z0-9.\\-]{0,59}") String sealNumber,
		ReRegistrationGround reRegistrationGround, CertificateGround certificateGround,
		@Size(max = 500) String reason) {

	public SealForm {
		inscription = (inscription == null || inscription.isBlank()) ? null : inscription.strip();
		reason = (reason == null || reason.isBlank()) ? null : reason.strip();
	}

	/** Art. 15 as amended: the grounds of a re-registration. */
	public enum ReRegistrationGround {

		/** The seal is deformed, worn or damaged, or its material changes. */
		DAMAGED("Con dấu bị biến dạng, mòn, hỏng hoặc thay đổi chất liệu"),
		/** The organisation was reorganised or renamed. */
		REORGANISED_OR_RENAMED("Cơ quan, tổ chức được tổ chức lại hoặc đổi tên"),
		/** The seal was lost. */
		LOST("Con dấu bị mất");

		private final String nameVi;

		ReRegistrationGround(String nameVi) {
			this.nameVi = nameVi;
		}

		public String nameVi() {
			return this.nameVi;
		}

	}

	/** Art. 17: a damaged certificate is exchanged, a lost one re-issued. */
	public enum CertificateGround {

		DAMAGED("Đổi giấy chứng nhận bị hư hỏng"), LOST("Cấp lại giấy chứng nhận bị mất");

		private final String nameVi;

		CertificateGround(String nameVi) {
			this.nameVi = nameVi;
		}

		public String nameVi() {
			return this.nameVi;
		}

	}

}
