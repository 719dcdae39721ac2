package vn.gov.bca.seal.registration;

import java.util.Arrays;

import vn.gov.bca.platform.dossier.catalogue.AgencyLevel;
import vn.gov.bca.platform.web.error.ApiException;

/**
 * The five seal procedures (Decree 99/2016/NĐ-CP as amended by Decrees 56/2023 and 58/2026, Art.
 * 13-17), each published twice: at the central department C06 for central bodies and at the
 * provincial police PC06 for local ones (Art. 12), with their codes in the catalogue
 * ({@code procedures.json}).
 */
public enum SealProcedure {

	/** Đăng ký mẫu con dấu mới (Art. 13). */
	NEW_SEAL("1.997001", "2.997001"),
	/** Đăng ký dấu nổi, dấu thu nhỏ, dấu xi (Art. 14). */
	SPECIAL_SEAL("1.997002", "2.997002"),
	/** Đăng ký lại mẫu con dấu (Art. 15): the old seal is withdrawn. */
	RE_REGISTRATION("1.997003", "2.997003"),
	/** Đăng ký thêm con dấu (Art. 16). */
	ADDITIONAL_SEAL("1.997004", "2.997004"),
	/** Đổi, cấp lại giấy chứng nhận đăng ký mẫu con dấu (Art. 17), free. */
	CERTIFICATE_EXCHANGE("1.997005", "2.997005");

	private final String centralCode;

	private final String provincialCode;

	SealProcedure(String centralCode, String provincialCode) {
		this.centralCode = centralCode;
		this.provincialCode = provincialCode;
	}

	/** The procedure's code at that level of the police. */
	public String codeAt(AgencyLevel level) {
		return (level == AgencyLevel.CENTRAL) ? this.centralCode : this.provincialCode;
	}

	/** Whether its result is a seal newly entered in the registry (all but the certificate's exchange). */
	public boolean registersSeal() {
		return this != CERTIFICATE_EXCHANGE;
	}

	public static SealProcedure of(String catalogueCode) {
		return Arrays.stream(values())
			.filter((procedure) -> procedure.centralCode.equals(catalogueCode)
					|| procedure.provincialCode.equals(catalogueCode))
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("procedure"));
	}

	String nameVi() {
		return switch (this) {
			case NEW_SEAL -> "Đăng ký mẫu con dấu mới";
			case SPECIAL_SEAL -> "Đăng ký dấu nổi, dấu thu nhỏ, dấu xi";
			case RE_REGISTRATION -> "Đăng ký lại mẫu con dấu";
			case ADDITIONAL_SEAL -> "Đăng ký thêm con dấu";
			case CERTIFICATE_EXCHANGE -> "Đổi, cấp lại giấy chứng nhận đăng ký mẫu con dấu";
		};
	}

}
