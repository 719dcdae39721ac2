package vn.gov.bca.residence.registration;

import java.util.Arrays;

import vn.gov.bca.platform.web.error.ApiException;

/** The residence procedures this service handles, each with its code in the catalogue ({@code procedures.json}). */
public enum ResidenceProcedure {

	/** Đăng ký thường trú (Law on Residence 68/2020 Art. 20-22). */
	PERMANENT_REGISTRATION("1.998001"),
	/** Đăng ký tạm trú, one person or several at one address by list (Art. 27-28). */
	TEMPORARY_REGISTRATION("1.998002"),
	/** Gia hạn tạm trú (Art. 28(4)). */
	TEMPORARY_RENEWAL("1.998003"),
	/** Khai báo tạm vắng (Art. 31), result slip CT03. */
	ABSENCE_DECLARATION("1.998004"),
	/** Xóa đăng ký thường trú (Art. 24). */
	PERMANENT_DELETION("1.998005"),
	/** Xóa đăng ký tạm trú (Art. 29). */
	TEMPORARY_DELETION("1.998006");

	private final String catalogueCode;

	ResidenceProcedure(String catalogueCode) {
		this.catalogueCode = catalogueCode;
	}

	public String catalogueCode() {
		return this.catalogueCode;
	}

	public boolean registers() {
		return this == PERMANENT_REGISTRATION || this == TEMPORARY_REGISTRATION;
	}

	public static ResidenceProcedure of(String catalogueCode) {
		return Arrays.stream(values())
			.filter((procedure) -> procedure.catalogueCode.equals(catalogueCode))
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("procedure"));
	}

}
