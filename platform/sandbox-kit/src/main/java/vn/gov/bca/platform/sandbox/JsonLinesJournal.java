package vn.gov.bca.platform.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A sandbox's memory across restarts: an append-only file of one JSON document per line, each
 * write forced to disk before the sandbox answers, so that what it told its caller it holds is still
 * there after a restart. The caller reads the lines back in order at start and applies them.
 */
public final class JsonLinesJournal implements AutoCloseable {

	private static final System.Logger LOG = System.getLogger(JsonLinesJournal.class.getName());

	private final Path file;

	private final FileChannel channel;

	private JsonLinesJournal(Path file, FileChannel channel) {
		this.file = file;
		this.channel = channel;
	}

	/** Opens {@code file} for appending, creating it and its folder when missing. */
	public static JsonLinesJournal open(Path file) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND);
			JsonLinesJournal journal = new JsonLinesJournal(file, channel);
			journal.endLastLine();
			return journal;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the sandbox's data file " + file, ex);
		}
	}

	public Path file() {
		return this.file;
	}

	/** The lines written so far, in order, blank ones left out. */
	public List<String> lines() {
		try {
			return Files.readAllLines(this.file, StandardCharsets.UTF_8)
				.stream()
				.map(String::trim)
				.filter((line) -> !line.isEmpty())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the sandbox's data file " + this.file, ex);
		}
	}

	/** The lines (JSON documents without a line break) in one write, then forced to disk. */
	public synchronized void append(List<String> lines) {
		StringBuilder text = new StringBuilder();
		for (String line : lines) {
			if (line.indexOf('\n') >= 0) {
				throw new IllegalArgumentException("a journal line holds no line break");
			}
			text.append(line).append('\n');
		}
		try {
			write(text.toString().getBytes(StandardCharsets.UTF_8));
			this.channel.force(false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write to the sandbox's data file " + this.file, ex);
		}
	}

	/** After a write cut short by a crash, the next line must not be glued to the broken one. */
	private void endLastLine() throws IOException {
		long size = this.channel.size();
		if (size == 0) {
			return;
		}
		try (FileChannel reader = FileChannel.open(this.file, StandardOpenOption.READ)) {
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
			this.channel.write(buffer);
		}
	}

	@Override
	public void close() {
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			LOG.log(Level.WARNING, "Cannot close " + this.file, ex);
		}
	}

}
