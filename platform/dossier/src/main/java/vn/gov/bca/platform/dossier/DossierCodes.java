package vn.gov.bca.platform.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.sequence.Sequences;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * Dossier codes as Circular 01/2018/TT-VPCP Art. 19 writes them: {@code <unit code>-YYMMDD-NNNN},
 * the code of the receiving agency (from master data, {@link HandlingUnits}), the day received in
 * Vietnam (never the server's zone: a dossier received at 00:30 in Hà Nội is 17:30 UTC the day
 * before) and a four-digit sequence per unit and day from 0001. The sequence is one counter
 * document per unit and day, incremented atomically: codes are unique however many instances submit
 * at once; a code taken by a submission that then failed is simply not used (no gaps are needed).
 *
 * <p>After 9,999 dossiers in one day at one unit, the sequence widens to five digits (10000 on)
 * rather than refusing the citizen: a submission is a legal act with a time limit that starts on
 * receipt, and turning it away (422 or 503) because a counter ran out would shift the agency's
 * problem onto the citizen and lose the day received. The code stays unique and readable (the
 * sequence is the last group after the final {@code -}); a receiver that checks four digits exactly
 * (e.g. the national portal's sync) must accept {@code \d{4,}}. No unit of ours comes near it (the
 * busiest immigration office receives a few thousand a day), so this is the rare case, logged.
 *
 * <p>One unit receives dossiers of more than one service (the PC06 of a province: identity cards
 * and seals), so the counters are not in a service's own database but in {@link #DATABASE}, which
 * every service receiving dossiers reaches on its own connection: two services never give one code
 * twice, which the national portal (one dossier per code) and fine-payment-service (one fee order
 * per code) rely on.
 */
public class DossierCodes {

	/** The database of the counters, shared by the services that receive dossiers. */
	public static final String DATABASE = "dossier_codes";

	static final String COLLECTION = "dossier_code_counters";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

	private static final Pattern UNIT = Pattern.compile("[A-Z0-9][A-Z0-9.\\-]{0,29}");

	private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9.\\-]{0,29}-[0-9]{6}-[0-9]{4,}");

	/** The first sequence number with five digits. */
	static final long WIDENED_FROM = 10_000;

	private static final Logger log = LoggerFactory.getLogger(DossierCodes.class);

	private final Sequences sequences;

	/** @param mongo a template on the shared counters' database ({@link #DATABASE}) */
	public DossierCodes(ReactiveMongoTemplate mongo) {
		this.sequences = new Sequences(mongo, COLLECTION);
	}

	/** Whether a unit code of master data can start a dossier code. */
	public static boolean isUnitCode(String unitCode) {
		return unitCode != null && UNIT.matcher(unitCode).matches();
	}

	/** Whether a text has the form of a dossier code (a unit, a day, a sequence), not whether it exists. */
	public static boolean isCode(String text) {
		return text != null && CODE.matcher(text).matches();
	}

	/** The next code of a dossier received at that instant (its day in Vietnam). */
	public Mono<String> next(String unitCode, Instant receivedAt) {
		return next(unitCode, VietnamTime.dayOf(receivedAt));
	}

	public Mono<String> next(String unitCode, LocalDate received) {
		if (!isUnitCode(unitCode)) {
			return Mono.error(new IllegalArgumentException("Not a unit code: " + unitCode));
		}
		String day = DAY.format(received);
		return this.sequences.next(unitCode + ":" + day)
			.doOnNext((sequence) -> {
				if (sequence == WIDENED_FROM) {
					log.warn("Unit {} received its 10,000th dossier on {}: codes of that day now have 5 digits", unitCode,
							day);
				}
			})
			.map((sequence) -> format(unitCode, day, sequence));
	}

	/** The sequence has at least four digits, zero-padded (no {@code String.format}: it parses its pattern per call). */
	static String format(String unitCode, String day, long sequence) {
		String digits = Long.toString(sequence);
		return unitCode + "-" + day + "-" + "0".repeat(Math.max(0, 4 - digits.length())) + digits;
	}

}
