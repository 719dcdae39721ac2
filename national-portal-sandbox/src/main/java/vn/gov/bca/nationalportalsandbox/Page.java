package vn.gov.bca.nationalportalsandbox;

import java.util.Map;

import vn.gov.bca.platform.sandbox.Html;

/**
 * {@code GET /}: the dossiers the sandbox holds, newest synchronised last, each with its procedure,
 * handling unit, current national status and the history of statuses as they arrived. Every value is
 * HTML-escaped: the page shows what any caller sent.
 */
final class Page {

	/** The national portal's ten statuses (Circular 01/2018/TT-VPCP as the portal codes them). */
	private static final Map<String, String> STATUS_NAMES = Map.of("1", "Mới đăng ký", "2", "Đã tiếp nhận", "3",
			"Không được tiếp nhận", "4", "Đang xử lý", "5", "Yêu cầu bổ sung", "6", "Yêu cầu thực hiện nghĩa vụ tài chính",
			"7", "Công dân yêu cầu rút hồ sơ", "8", "Dừng xử lý", "9", "Đã xử lý xong", "10", "Đã trả kết quả");

	private Page() {
	}

	static String render(Holdings holdings, Mode mode) {
		StringBuilder html = new StringBuilder("""
				<!DOCTYPE html>
				<html lang="vi"><head><meta charset="utf-8"><title>Cổng dịch vụ công quốc gia (sandbox)</title>
				<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;vertical-align:top}</style>
				</head><body>
				<h1>Cổng dịch vụ công quốc gia — sandbox</h1>
				""");
		html.append("<p>Chế độ: <strong>").append(Html.escape(mode.name())).append("</strong>. Số hồ sơ: ")
			.append(holdings.dossiers().size()).append(".</p>\n");
		html.append("<table><thead><tr><th>Mã hồ sơ</th><th>Thủ tục</th><th>Đơn vị xử lý</th><th>Trạng thái</th>"
				+ "<th>Lịch sử trạng thái</th></tr></thead><tbody>\n");
		for (Map.Entry<String, Holdings.Held> entry : holdings.dossiers()) {
			Holdings.Held held = entry.getValue();
			String status = held.latest().path("TrangThaiHoSo").asString("");
			html.append("<tr><td>").append(Html.escape(entry.getKey())).append("</td><td>")
				.append(Html.escape(held.latest().path("MaTTHC").asString(""))).append(" ")
				.append(Html.escape(held.latest().path("TenTTHC").asString(""))).append("</td><td>")
				.append(Html.escape(held.latest().path("DonViXuLy").asString(""))).append("</td><td>")
				.append(Html.escape(status)).append(" ").append(Html.escape(STATUS_NAMES.getOrDefault(status, ""))).append("</td><td><ol>");
			for (Holdings.StatusChange change : held.history()) {
				html.append("<li>").append(Html.escape(change.status())).append(" ")
					.append(Html.escape(STATUS_NAMES.getOrDefault(change.status(), ""))).append(" — ")
					.append(Html.escape(change.at().toString()))
					.append("sandbox".equals(change.source()) ? " (đổi tại sandbox)" : "").append("</li>");
			}
			html.append("</ol></td></tr>\n");
		}
		return html.append("</tbody></table>\n</body></html>\n").toString();
	}

}
