package vn.gov.bca.paymentsandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
/**
 * The sandbox's memory across restarts: one JSON line per state a transaction reached, appended and
 * forced to disk before the platform answers, so that what it confirmed to a merchant or a citizen
 * is still there after {@code ./run} is restarted. Replaying keeps each order's last line.
 */
final class Journal implements AutoCloseable {

	private static final System.Logger LOG = System.getLogger(Journal.class.getName());

	private final Path file;
	private final FileChannel channel;

	private Journal(Path file, FileChannel channel) {
		this.file = file;
		this.channel = channel;
	}

	/** Opens {@code file} for appending, creating it and its folder when missing. */
	static Journal open(Path file) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND);
			Journal journal = new Journal(file, channel);
			journal.endLastLine();
			return journal;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the sandbox's data file " + file, ex);
		}
	}

	/**
	 * Every transaction written so far, in the order written. A line that cannot be read (the end of
	 * a write cut short by a crash) is skipped with a warning rather than refusing to start.
	 */
	List<Transaction> replay() {
		List<Transaction> transactions = new ArrayList<>();
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the sandbox's data file " + file, ex);
		}
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).trim();
			if (line.isEmpty()) {
				continue;
			}
			try {
				transactions.add(Json.fromJournal(line));
			}
			catch (RuntimeException ex) {
			// JacksonException, a missing field or a value out of place
				LOG.log(Level.WARNING, "Skipping unreadable line {0} of {1}: {2}", String.valueOf(i + 1), file, ex.getMessage());
			}
		}
		return transactions;
	}

	void append(Transaction transaction) {
		byte[] line = (Json.write(Json.journal(transaction)) + "\n").getBytes(StandardCharsets.UTF_8);
		try {
			write(line);
			channel.force(false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write to the sandbox's data file " + file, ex);
		}
	}

	/** After a cut-short write the next line must not be glued to the broken one. */
	private void endLastLine() throws IOException {
		long size = channel.size();
		if (size == 0) {
			return;
		}
		try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
			ByteBuffer last = ByteBuffer.allocate(1);
			reader.read(last, size - 1);
			if (last.get(0) != '\n') {
				write(new byte[] { '\n' });
			}
		}
	}

	private void write(byte[] bytes) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		while (buffer.hasRemaining()) {
			channel.write(buffer);
		}
	}

	@Override
	public void close() {
		try {
			channel.close();
		}
		catch (IOException ex) {
			LOG.log(Level.WARNING, "Cannot close " + file, ex);
		}
	}
}
