package vn.gov.bca.passport.application;

import java.util.List;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.document.AdministrativeDocument.Row;
import vn.gov.bca.platform.document.VietnameseDates;
import vn.gov.bca.platform.document.register.DocumentRegister;
import vn.gov.bca.platform.document.register.DocumentRequest;
import vn.gov.bca.platform.document.register.IssuedDocument;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The notice of the result (thông báo kết quả giải quyết hồ sơ) of an approved passport dossier,
 * signed by the handling unit: the passport's number, type and validity, and where it is handed
 * over. A checkpoint officer verifies it by its QR code: number, dates and the masked holder.
 * Issued once per dossier, by the follow-up of {@code PassportIssued}, for the holder (and the
 * applicant who asked for a child's passport).
 */
@Component
class PassportNotices {

	static final String TYPE = "PASSPORT_RESULT_NOTICE";

	static final String TITLE = "THÔNG BÁO KẾT QUẢ GIẢI QUYẾT HỒ SƠ CẤP HỘ CHIẾU PHỔ THÔNG";

	private final DocumentRegister register;

	PassportNotices(DocumentRegister register) {
		this.register = register;
	}

	Mono<IssuedDocument> issue(PassportApplication dossier) {
		return this.register.issue(request(dossier));
	}

	static DocumentRequest request(PassportApplication dossier) {
		PassportForm form = dossier.form();
		PassportApplication.IssuedPassport passport = dossier.passport();
		Dossier.HandlingUnit unit = dossier.handlingUnit();
		String type = passport.chip() ? "Hộ chiếu phổ thông có gắn chíp điện tử" : "Hộ chiếu phổ thông không gắn chíp điện tử";
		String issuedOn = VietnameseDates.numeric(passport.issuedOn());
		String expiresOn = VietnameseDates.numeric(passport.expiresOn());
		List<Row> rows = List.of(new Row("Mã hồ sơ", dossier.code()), new Row("Họ và tên", form.holderFullName()),
				new Row("Ngày sinh", form.holderBirthDate().toString()),
				new Row("Số định danh cá nhân", form.holderPersonalId()), new Row("Kết quả", "Đã cấp hộ chiếu"),
				new Row("Loại hộ chiếu", type), new Row("Số hộ chiếu", passport.number()),
				new Row("Ngày cấp", issuedOn), new Row("Có giá trị đến ngày", expiresOn),
				new Row("Nơi trả kết quả", unit.name()));
		return DocumentRequest.administrative(TYPE, dossier.code(), dossier.code(),
				IssuedDocument.Holder.person(form.holderPersonalId(), form.holderFullName(),
						dossier.applicant().personalId()),
				new IssuedDocument.Issuer(unit.code(), unit.name(), unit.province()), dossier.code(),
				passport.issuedOn(), TITLE, rows,
				List.of(new Row("Số hộ chiếu", passport.number()), new Row("Loại hộ chiếu", type),
						new Row("Ngày cấp", issuedOn), new Row("Có giá trị đến ngày", expiresOn)));
	}

}
