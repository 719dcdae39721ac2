package vn.gov.bca.platform.document.register;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.TemplateEngine;

import vn.gov.bca.platform.web.time.VietnamTime;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The page a phone shows after scanning a document's QR code: the verdict in large type, then the
 * document's number, unit, date, masked holder and facts, in Vietnamese or English. Thymeleaf
 * escapes every value; the page has no script and loads nothing.
 */
final class VerificationPage {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
		.withZone(VietnamTime.ZONE);

	private static final Map<String, String> VI = Map.ofEntries(Map.entry("lang", "vi"),
			Map.entry("heading", "Kiểm tra văn bản điện tử"), Map.entry("VALID", "Văn bản hợp lệ, đang có hiệu lực"),
			Map.entry("REVOKED", "Văn bản đã bị thu hồi"), Map.entry("SUPERSEDED", "Văn bản đã được thay thế"),
			Map.entry("NOT_GENUINE", "Không xác thực: văn bản này không do cơ quan phát hành"),
			Map.entry("NOT_FOUND", "Không tìm thấy văn bản: kiểm tra lại mã QR hoặc đường dẫn"),
			Map.entry("title", "Loại văn bản"), Map.entry("number", "Số"), Map.entry("unit", "Cơ quan ban hành"),
			Map.entry("issuedAt", "Thời điểm ban hành"), Map.entry("holder", "Người được cấp"),
			Map.entry("holderId", "Số định danh"), Map.entry("signature", "Chữ ký số"),
			Map.entry("signatureOk", "Toàn vẹn, của cơ quan được tin cậy"),
			Map.entry("signatureBad", "Không hợp lệ"), Map.entry("reason", "Lý do thu hồi"),
			Map.entry("revokedAt", "Thời điểm thu hồi"), Map.entry("sha256", "Mã băm SHA-256"));

	private static final Map<String, String> EN = Map.ofEntries(Map.entry("lang", "en"),
			Map.entry("heading", "Electronic document check"), Map.entry("VALID", "Genuine and in force"),
			Map.entry("REVOKED", "Revoked"), Map.entry("SUPERSEDED", "Superseded by a newer document"),
			Map.entry("NOT_GENUINE", "Not genuine: this document was not issued by the agency"),
			Map.entry("NOT_FOUND", "No such document: check the QR code or the address"),
			Map.entry("title", "Document"), Map.entry("number", "Number"), Map.entry("unit", "Issued by"),
			Map.entry("issuedAt", "Issued at"), Map.entry("holder", "Holder"), Map.entry("holderId", "Personal id"),
			Map.entry("signature", "Digital signature"), Map.entry("signatureOk", "Intact, by a trusted agency"),
			Map.entry("signatureBad", "Not valid"), Map.entry("reason", "Reason"), Map.entry("revokedAt", "Revoked at"),
			Map.entry("sha256", "SHA-256"));

	private final TemplateEngine templates;

	VerificationPage() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(VerificationPage.class.getClassLoader());
		resolver.setPrefix("vn/gov/bca/platform/document/pages/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		this.templates = new TemplateEngine();
		this.templates.setTemplateResolver(resolver);
	}

	/** @param verification null for a document that was not found */
	String render(Verification verification, Locale locale) {
		Context context = new Context(locale);
		Map<String, String> labels = "en".equals(locale.getLanguage()) ? EN : VI;
		context.setVariable("t", labels);
		context.setVariable("v", verification);
		context.setVariable("verdict", labels.get((verification == null) ? "NOT_FOUND" : verification.result().name()));
		context.setVariable("ok", verification != null && verification.result() == Verification.Result.VALID);
		context.setVariable("issuedAt", (verification != null && verification.issuedAt() != null)
				? TIME.format(verification.issuedAt()) : null);
		context.setVariable("revokedAt", (verification != null && verification.revocation() != null)
				? TIME.format(verification.revocation().revokedAt()) : null);
		return this.templates.process("verification", context);
	}

}
