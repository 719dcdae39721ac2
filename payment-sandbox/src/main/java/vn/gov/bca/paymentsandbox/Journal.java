package vn.gov.bca.paymentsandbox;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vn.gov.bca.platform.sandbox.JsonLinesJournal;

/**
 * The sandbox's memory across restarts: one JSON line per state a transaction reached, appended and
 * forced to disk before the platform answers ({@link JsonLinesJournal}), so that what it confirmed
 * to a merchant or a citizen is still there after {@code ./run} is restarted. Replaying keeps each
 * order's last line.
 */
final class Journal implements AutoCloseable {

	private static final System.Logger LOG = System.getLogger(Journal.class.getName());

	private final JsonLinesJournal lines;

	private Journal(JsonLinesJournal lines) {
		this.lines = lines;
	}

	/** Opens {@code file} for appending, creating it and its folder when missing. */
	static Journal open(Path file) {
		return new Journal(JsonLinesJournal.open(file));
	}

	/**
	 * Every transaction written so far, in the order written. A line that cannot be read (the end of
	 * a write cut short by a crash) is skipped with a warning rather than refusing to start.
	 */
	List<Transaction> replay() {
		List<Transaction> transactions = new ArrayList<>();
		List<String> all = this.lines.lines();
		for (int i = 0; i < all.size(); i++) {
			try {
				transactions.add(Json.fromJournal(all.get(i)));
			}
			catch (RuntimeException ex) {
				// JacksonException, a missing field or a value out of place
				LOG.log(Level.WARNING, "Skipping unreadable line {0} of {1}: {2}", String.valueOf(i + 1),
						this.lines.file(), ex.getMessage());
			}
		}
		return transactions;
	}

	void append(Transaction transaction) {
		this.lines.append(List.of(Json.write(Json.journal(transaction))));
	}

	@Override
	public void close() {
		this.lines.close();
	}

}
