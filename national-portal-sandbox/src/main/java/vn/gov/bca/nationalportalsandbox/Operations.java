package vn.gov.bca.nationalportalsandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The integration API's operations: sign-in, then one call per {@code service} with the session.
 * A call's data are all checked before any is taken: one item at fault refuses the call, naming it
 * ({@code error_code} 2), and nothing of it is held or journalled.
 */
final class Operations {

	private static final Set<String> STATUSES = Set.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

	private final Settings settings;

	private final Sessions sessions;

	private final Holdings holdings;

	private final Optional<Journal> journal;

	private final Clock clock;

	/** Dossiers whose sync the sandbox refuses as data at fault, as a real portal may for one dossier. */
	private final Set<String> refusing = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	Operations(Settings settings, Sessions sessions, Holdings holdings, Optional<Journal> journal, Clock clock) {
		this.settings = settings;
		this.sessions = sessions;
		this.holdings = holdings;
		this.journal = journal;
		this.clock = clock;
	}

	/** {@code {username, password}} → a session and its lifetime in seconds, or {@code error_code} 1. */
	ObjectNode signIn(ObjectNode request) {
		if (!this.settings.username().equals(request.path("username").asString(""))
				|| !this.settings.password().equals(request.path("password").asString(""))) {
			this.refused.incrementAndGet();
			return Json.answer(Protocol.BAD_CREDENTIALS, "Tên đăng nhập hoặc mật khẩu không đúng", null);
		}
		Map.Entry<String, Instant> session = this.sessions.issue();
		ObjectNode answer = Json.answer(Protocol.OK, "Thành công", null);
		answer.put("session", session.getKey());
		answer.put("expires_in", this.sessions.lifetime().toSeconds());
		return answer;
	}

	/** {@code {session, madonvi, service, data}}. */
	ObjectNode call(ObjectNode request) {
		if (!this.sessions.isValid(request.path("session").asString(null))) {
			this.refused.incrementAndGet();
			return Json.answer(Protocol.SESSION_INVALID, "Phiên làm việc không hợp lệ hoặc đã hết hạn", null);
		}
		String service = request.path("service").asString("");
		JsonNode data = request.path("data");
		ObjectNode answer = switch (service) {
			case Protocol.SYNC_DOSSIERS -> syncDossiers(data);
			case Protocol.UPDATE_PROGRESS -> updateProgress(data);
			case Protocol.PUBLISH_PROCEDURES -> publishProcedures(data);
			case Protocol.LOOK_UP_DOSSIER -> lookUp(data);
			case Protocol.GET_PROCEDURE -> procedure(data);
			default -> Json.answer(Protocol.UNKNOWN_SERVICE, "Dịch vụ không tồn tại: " + service, null);
		};
		(answer.path("error_code").asInt() == Protocol.OK ? this.accepted : this.refused).incrementAndGet();
		return answer;
	}

	private ObjectNode syncDossiers(JsonNode data) {
		List<String> faults = new ArrayList<>();
		List<ObjectNode> items = items(data, faults);
		for (int i = 0; i < items.size(); i++) {
			ObjectNode dossier = items.get(i);
			String at = "data[" + i + "].";
			required(dossier, at, faults, "MaHoSo", "MaTTHC", "TenTTHC", "TrangThaiHoSo", "NgayTiepNhan", "DonViXuLy");
			status(dossier, "TrangThaiHoSo", at, faults);
			times(dossier, at, faults, "NgayTiepNhan", "NgayHenTra", "NgayTra");
			if (this.refusing.contains(dossier.path("MaHoSo").asString(""))) {
				faults.add(at + "MaHoSo: hồ sơ bị từ chối (sandbox)");
			}
		}
		if (!faults.isEmpty()) {
			return invalid(faults);
		}
		Instant now = this.clock.instant();
		write(items.stream().map((dossier) -> Journal.entry("dossier", now, dossier)).toList());
		items.forEach((dossier) -> this.holdings.syncDossier(dossier, now));
		return Json.answer(Protocol.OK, "Đồng bộ thành công " + items.size() + " hồ sơ", null);
	}

	private ObjectNode updateProgress(JsonNode data) {
		List<String> faults = new ArrayList<>();
		List<ObjectNode> items = items(data, faults);
		for (int i = 0; i < items.size(); i++) {
			ObjectNode entry = items.get(i);
			String at = "data[" + i + "].";
			required(entry, at, faults, "MaHoSo", "TrangThai", "ThoiDiemXuLy", "NoiDungXuLy");
			status(entry, "TrangThai", at, faults);
			times(entry, at, faults, "ThoiDiemXuLy", "NgayBatDau", "NgayKetThucTheoQuyDinh");
			if (!entry.path("MaHoSo").asString("").isEmpty()
					&& this.holdings.dossier(entry.path("MaHoSo").asString()).isEmpty()) {
				faults.add(at + "MaHoSo: hồ sơ chưa được đồng bộ");
			}
		}
		if (!faults.isEmpty()) {
			return invalid(faults);
		}
		Instant now = this.clock.instant();
		write(items.stream().map((entry) -> Journal.entry("progress", now, entry)).toList());
		items.forEach(this.holdings::addProgress);
		return Json.answer(Protocol.OK, "Cập nhật tiến độ thành công", null);
	}

	private ObjectNode publishProcedures(JsonNode data) {
		List<String> faults = new ArrayList<>();
		List<ObjectNode> items = items(data, faults);
		for (int i = 0; i < items.size(); i++) {
			required(items.get(i), "data[" + i + "].", faults, "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc");
		}
		if (!faults.isEmpty()) {
			return invalid(faults);
		}
		Instant now = this.clock.instant();
		write(items.stream().map((procedure) -> Journal.entry("procedure", now, procedure)).toList());
		items.forEach(this.holdings::publishProcedure);
		return Json.answer(Protocol.OK, "Đồng bộ thành công " + items.size() + " thủ tục", null);
	}

	/** {@code {MaHoSo}} → the dossier as held, its status history and progress; {@code error_code} 2 if unknown. */
	private ObjectNode lookUp(JsonNode data) {
		String code = data.path("MaHoSo").asString("");
		return this.holdings.dossier(code)
			.map((held) -> Json.answer(Protocol.OK, "Thành công", view(held)))
			.orElseGet(() -> Json.answer(Protocol.INVALID_DATA, "MaHoSo: không tìm thấy hồ sơ " + code, null));
	}

	private ObjectNode procedure(JsonNode data) {
		String code = data.path("MaTTHC").asString("");
		return this.holdings.procedure(code)
			.map((procedure) -> Json.answer(Protocol.OK, "Thành công", procedure))
			.orElseGet(() -> Json.answer(Protocol.INVALID_DATA, "MaTTHC: không tìm thấy thủ tục " + code, null));
	}

	/** The sandbox's own control: the dossier's syncs are refused ({@code error_code} 2) until told otherwise. */
	void refuse(String code, boolean refuse) {
		if (refuse) {
			this.refusing.add(code);
		}
		else {
			this.refusing.remove(code);
		}
	}

	/** The sandbox's own control: the dossier's status changed on this side. */
	boolean overrideStatus(String code, String status) {
		if (!STATUSES.contains(status) || this.holdings.dossier(code).isEmpty()) {
			return false;
		}
		Instant now = this.clock.instant();
		ObjectNode data = Json.MAPPER.createObjectNode().put("MaHoSo", code).put("TrangThaiHoSo", status);
		write(List.of(Journal.entry("override", now, data)));
		return this.holdings.overrideStatus(code, status, now);
	}

	static ObjectNode view(Holdings.Held held) {
		ObjectNode view = held.latest().deepCopy();
		ArrayNode history = view.putArray("LichSuTrangThai");
		held.history()
			.forEach((change) -> history.addObject()
				.put("TrangThaiHoSo", change.status())
				.put("ThoiDiemNhan", change.at().toString())
				.put("Nguon", change.source()));
		ArrayNode progress = view.putArray("TienDoXuLy");
		held.progress().forEach(progress::add);
		return view;
	}

	long accepted() {
		return this.accepted.get();
	}

	long refused() {
		return this.refused.get();
	}

	private void write(List<ObjectNode> entries) {
		this.journal.ifPresent((file) -> file.append(entries));
	}

	private static List<ObjectNode> items(JsonNode data, List<String> faults) {
		List<ObjectNode> items = new ArrayList<>();
		if (!data.isArray() || data.isEmpty()) {
			faults.add("data: cần một danh sách không rỗng");
			return items;
		}
		for (int i = 0; i < data.size(); i++) {
			if (data.get(i).isObject()) {
				items.add((ObjectNode) data.get(i));
			}
			else {
				faults.add("data[" + i + "]: cần một đối tượng");
			}
		}
		return items;
	}

	private static void required(ObjectNode item, String at, List<String> faults, String... fields) {
		for (String field : fields) {
			if (item.path(field).asString("").isBlank()) {
				faults.add(at + field + ": bắt buộc");
			}
		}
	}

	private static void status(ObjectNode item, String field, String at, List<String> faults) {
		String status = item.path(field).asString("");
		if (!status.isEmpty() && !STATUSES.contains(status)) {
			faults.add(at + field + ": mã trạng thái không hợp lệ (1-10)");
		}
	}

	private static void times(ObjectNode item, String at, List<String> faults, String... fields) {
		for (String field : fields) {
			String time = item.path(field).asString("");
			if (!time.isEmpty() && !Protocol.isTime(time)) {
				faults.add(at + field + ": thời gian phải theo định dạng yyyyMMddHHmmss");
			}
		}
	}

	private static ObjectNode invalid(List<String> faults) {
		return Json.answer(Protocol.INVALID_DATA, String.join("; ", faults), null);
	}

}
