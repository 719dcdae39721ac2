package vn.gov.bca.nationalportalsandbox;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import vn.gov.bca.platform.sandbox.JsonLinesJournal;

/**
 * The sandbox's memory across restarts: one JSON line per message it accepted ({@code kind}: dossier,
 * progress, procedure, override; {@code at}; {@code data}), forced to disk before it answers
 * ({@link JsonLinesJournal}), so that what it told the ministry's system it holds is still held after
 * {@code ./run} restarts. Replaying applies the lines in order; a line cut short by a crash is skipped
 * with a warning.
 */
final class Journal implements AutoCloseable {

	private static final System.Logger LOG = System.getLogger(Journal.class.getName());

	private final JsonLinesJournal lines;

	private Journal(JsonLinesJournal lines) {
		this.lines = lines;
	}

	static Journal open(Path file) {
		return new Journal(JsonLinesJournal.open(file));
	}

	/** Applies every line written so far to the holdings, in order. */
	void replay(Holdings holdings) {
		List<String> all = this.lines.lines();
		for (int i = 0; i < all.size(); i++) {
			try {
				JsonNode entry = Json.MAPPER.readTree(all.get(i));
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
				LOG.log(Level.WARNING, "Skipping unreadable line {0} of {1}: {2}", String.valueOf(i + 1),
						this.lines.file(), ex.getMessage());
			}
		}
	}

	/** One line per message, all of a call's lines in one write. */
	void append(List<ObjectNode> entries) {
		this.lines.append(entries.stream().map(Json.MAPPER::writeValueAsString).toList());
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
		this.lines.close();
	}

}
