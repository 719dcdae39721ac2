package vn.gov.bca.nationalportalsandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's memory across restarts: one JSON line per message it accepted ({@code kind}: dossier,
 * progress, procedure, override; {@code at}; {@code data}), forced to disk before it answers, so that
 * what it told the ministry's system it holds is still held after {@code ./run} restarts. Replaying
 * applies the lines in order; a line cut short by a crash is skipped with a warning.
 */
final class Journal implements AutoCloseable {

	private static final System.Logger LOG = System.getLogger(Journal.class.getName());

	private final Path file;

	private final FileChannel channel;

	private Journal(Path file, FileChannel channel) {
		this.file = file;
		this.channel = channel;
	}

	static Journal open(Path file) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			return new Journal(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the sandbox's data file " + file, ex);
		}
	}

	/** Applies every line written so far to the holdings, in order. */
	void replay(Holdings holdings) {
		List<String> lines;
		try {
			lines = Files.readAllLines(this.file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the sandbox's data file " + this.file, ex);
		}
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).trim();
			if (line.isEmpty()) {
				continue;
			}
			try {
				JsonNode entry = Json.MAPPER.readTree(line);
				Instant at = Instant.parse(entry.path("at").asString());
				JsonNode data = entry.path("data");
				switch (entry.path("kind").asString()) {
					case "dossier" -> holdings.syncDossier((ObjectNode) data, at);
					case "progress" -> holdings.addProgress((ObjectNode) data);
					case "procedure" -> holdings.publishProcedure((ObjectNode) data);
					case "override" -> holdings.overrideStatus(data.path("MaHoSo").asString(),
							data.path("TrangThaiHoSo").asString(), at);
					default -> throw new IllegalArgumentException("unknown kind " + entry.path("kind"));
				}
			}
			catch (RuntimeException ex) {
				LOG.log(Level.WARNING, "Skipping unreadable line {0} of {1}: {2}", String.valueOf(i + 1), this.file,
						ex.getMessage());
			}
		}
	}

	/** One line per message, all of a call's lines in one write, then forced to disk. */
	synchronized void append(List<ObjectNode> entries) {
		StringBuilder lines = new StringBuilder();
		for (ObjectNode entry : entries) {
			lines.append(Json.MAPPER.writeValueAsString(entry)).append('\n');
		}
		ByteBuffer buffer = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
		try {
			while (buffer.hasRemaining()) {
				this.channel.write(buffer);
			}
			this.channel.force(false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the sandbox's data file " + this.file, ex);
		}
	}

	static ObjectNode entry(String kind, Instant at, JsonNode data) {
		ObjectNode entry = Json.MAPPER.createObjectNode();
		entry.put("kind", kind);
		entry.put("at", at.toString());
		entry.set("data", data);
		return entry;
	}

	@Override
	public void close() {
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			LOG.log(Level.WARNING, "Could not close {0}: {1}", this.file, ex.getMessage());
		}
	}

}
