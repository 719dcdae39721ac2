package vn.gov.bca.nationalportalsandbox;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The portal's conventions, as public integrations of its dossier sync document them: one
 * {@code POST} per operation, named by {@code service}, answered with HTTP 200 and an
 * {@code error_code} (0 when done, {@link #SESSION_INVALID} for a session to renew,
 * {@link #INVALID_DATA} with the field at fault, {@link #UNKNOWN_SERVICE}, {@link #SYSTEM_ERROR});
 * times as {@code yyyyMMddHHmmss} in Vietnam's time.
 */
final class Protocol {

	static final int OK = 0;

	static final int BAD_CREDENTIALS = 1;

	static final int INVALID_DATA = 2;

	static final int UNKNOWN_SERVICE = 3;

	static final int SESSION_INVALID = -1;

	static final int SYSTEM_ERROR = 99;

	static final String SYNC_DOSSIERS = "DongBoHoSoMC";

	static final String UPDATE_PROGRESS = "CapNhatTienDoHoSoMC";

	static final String LOOK_UP_DOSSIER = "TraCuuHoSo";

	static final String PUBLISH_PROCEDURES = "DongBoThuTuc";

	static final String GET_PROCEDURE = "LayThuTuc";

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
		.withResolverStyle(ResolverStyle.STRICT);

	private Protocol() {
	}

	/** Whether the text is a time as the portal writes it. */
	static boolean isTime(String text) {
		if (text == null || text.length() != 14) {
			return false;
		}
		try {
			LocalDateTime.parse(text, TIME);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
