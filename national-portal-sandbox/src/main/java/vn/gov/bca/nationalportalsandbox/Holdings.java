package vn.gov.bca.nationalportalsandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the portal holds: each dossier as last synchronised, the history of its status (a change
 * each time the status differs from the one held, with when it arrived and whether the sync or the
 * sandbox's own control made it), its progress entries (the same entry sent twice is kept once), and
 * the procedures published. One lock: the sandbox is a test double, not a database.
 */
final class Holdings {

	/** A status the portal came to hold for a dossier. */
	record StatusChange(String status, Instant at, String source) {
	}

	/** A dossier as the portal holds it. */
	record Held(ObjectNode latest, List<StatusChange> history, List<ObjectNode> progress) {
	}

	private final Map<String, Held> dossiers = new LinkedHashMap<>();

	private final Map<String, ObjectNode> procedures = new LinkedHashMap<>();

	synchronized void syncDossier(ObjectNode dossier, Instant at) {
		String code = dossier.path("MaHoSo").asString();
		Held held = this.dossiers.get(code);
		List<StatusChange> history = (held == null) ? new ArrayList<>() : new ArrayList<>(held.history());
		List<ObjectNode> progress = (held == null) ? new ArrayList<>() : new ArrayList<>(held.progress());
		String status = dossier.path("TrangThaiHoSo").asString();
		if (history.isEmpty() || !history.get(history.size() - 1).status().equals(status)) {
			history.add(new StatusChange(status, at, "sync"));
		}
		this.dossiers.put(code, new Held(dossier.deepCopy(), List.copyOf(history), List.copyOf(progress)));
	}

	/** @return false when the dossier was never synchronised */
	synchronized boolean addProgress(ObjectNode entry) {
		String code = entry.path("MaHoSo").asString();
		Held held = this.dossiers.get(code);
		if (held == null) {
			return false;
		}
		if (held.progress().stream().noneMatch((kept) -> kept.equals(entry))) {
			List<ObjectNode> progress = new ArrayList<>(held.progress());
			progress.add(entry.deepCopy());
			this.dossiers.put(code, new Held(held.latest(), held.history(), List.copyOf(progress)));
		}
		return true;
	}

	/** The sandbox's own change of a dossier's status: a difference the reconciliation must find. */
	synchronized boolean overrideStatus(String code, String status, Instant at) {
		Held held = this.dossiers.get(code);
		if (held == null) {
			return false;
		}
		ObjectNode latest = held.latest().deepCopy();
		latest.put("TrangThaiHoSo", status);
		List<StatusChange> history = new ArrayList<>(held.history());
		history.add(new StatusChange(status, at, "sandbox"));
		this.dossiers.put(code, new Held(latest, List.copyOf(history), held.progress()));
		return true;
	}

	synchronized void publishProcedure(ObjectNode procedure) {
		this.procedures.put(procedure.path("MaTTHC").asString(), procedure.deepCopy());
	}

	synchronized Optional<Held> dossier(String code) {
		return Optional.ofNullable(this.dossiers.get(code));
	}

	synchronized List<Map.Entry<String, Held>> dossiers() {
		return List.copyOf(this.dossiers.entrySet());
	}

	synchronized Optional<JsonNode> procedure(String code) {
		return Optional.ofNullable(this.procedures.get(code));
	}

	synchronized List<JsonNode> procedures() {
		return List.copyOf(this.procedures.values());
	}

}
