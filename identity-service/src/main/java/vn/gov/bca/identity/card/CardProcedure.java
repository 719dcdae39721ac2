package vn.gov.bca.identity.card;

import java.util.Arrays;

import vn.gov.bca.platform.web.error.ApiException;

/**
 * The three identity-card procedures (Law on Identification 26/2023/QH15, Arts. 23-25; Decree
 * 70/2024/NĐ-CP), received by the police of the province where the holder lives, each with its code
 * in the catalogue ({@code procedures.json}) and the grounds the law gives it ({@link CardGround}).
 */
public enum CardProcedure {

	/** Cấp thẻ căn cước (Art. 23): from 14 mandatory, under 14 on request. */
	ISSUE("2.998001"),
	/** Đổi thẻ căn cước (Art. 24(1)). */
	EXCHANGE("2.998002"),
	/** Cấp lại thẻ căn cước (Art. 24(2)). */
	REISSUE("2.998003");

	private final String code;

	CardProcedure(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	public static CardProcedure of(String catalogueCode) {
		return Arrays.stream(values())
			.filter((procedure) -> procedure.code.equals(catalogueCode))
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("procedure"));
	}

	String nameVi() {
		return switch (this) {
			case ISSUE -> "Cấp thẻ căn cước";
			case EXCHANGE -> "Đổi thẻ căn cước";
			case REISSUE -> "Cấp lại thẻ căn cước";
		};
	}

}
