package vn.gov.bca.platform.dossier.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import vn.gov.bca.platform.document.AdministrativeDocument;
import vn.gov.bca.platform.document.AdministrativeDocument.Row;
import vn.gov.bca.platform.document.DocumentRenderer;
import vn.gov.bca.platform.document.PoliceUnits;
import vn.gov.bca.platform.document.VietnameseDates;
import vn.gov.bca.platform.document.register.DocumentRegister;
import vn.gov.bca.platform.document.register.DocumentRequest;
import vn.gov.bca.platform.document.register.IssuedDocument;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.ProgressEntry;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The receipt and appointment slip (giấy tiếp nhận hồ sơ và hẹn trả kết quả) every procedure gives
 * when its dossier is accepted, after form 01 of Circular 01/2018/TT-VPCP: the dossier code, the
 * applicant, the procedure, when the dossier was received and when the result is due, signed by the
 * handling unit. Issued once per dossier by the follow-up of {@code DossierAccepted}; when an
 * accepted dossier is supplemented its appointment moves, so a new slip is issued that supersedes
 * the previous one (whose QR code then says SUPERSEDED).
 */
public final class DossierReceipts {

	public static final String TYPE = "DOSSIER_RECEIPT";

	static final String TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ";

	private final DocumentRegister register;

	private final ProcedureCatalogue catalogue;

	DossierReceipts(DocumentRegister register, ProcedureCatalogue catalogue) {
		this.register = register;
		this.catalogue = catalogue;
	}

	/** The events a receipt follows from. */
	static final Set<String> EVENTS = Set.of("DossierAccepted", "DossierSupplemented");

	static String key(String dossierCode) {
		return TYPE + ":" + dossierCode;
	}

	/** @param procedureRows the procedure's own lines ({@link ProcedureRules#receiptRows}) */
	Mono<IssuedDocument> followUp(String eventType, Dossier dossier, List<Row> procedureRows) {
		if ("DossierAccepted".equals(eventType)) {
			return this.register.issue(request(dossier, key(dossier.code()), null, procedureRows));
		}
		int supplements = supplementsSinceAcceptance(dossier);
		if ("DossierSupplemented".equals(eventType) && supplements > 0) {
			String previous = (supplements == 1) ? key(dossier.code()) : key(dossier.code()) + ":S" + (supplements - 1);
			return this.register.issue(request(dossier, key(dossier.code()) + ":S" + supplements, previous,
					procedureRows)
				.superseding(previous));
		}
		return Mono.empty();
	}

	/** How many times the dossier was supplemented after it was accepted (a slip was issued). */
	private static int supplementsSinceAcceptance(Dossier dossier) {
		boolean accepted = false;
		int supplements = 0;
		for (ProgressEntry entry : dossier.progress()) {
			accepted |= "accept".equals(entry.action());
			if (accepted && "supplement".equals(entry.action())) {
				supplements++;
			}
		}
		return supplements;
	}

	/** @param replaces the key of the slip this one replaces, null for the first */
	DocumentRequest request(Dossier dossier, String key, String replaces, List<Row> procedureRows) {
		Dossier.HandlingUnit unit = dossier.handlingUnit();
		Dossier.Applicant applicant = dossier.applicant();
		String procedure = this.catalogue.find(dossier.procedureCode()).map((found) -> found.nameVi())
			.orElse(dossier.procedureCode());
		Instant acceptedAt = dossier.progress().stream()
			.filter((entry) -> "accept".equals(entry.action()))
			.map(ProgressEntry::at)
			.reduce((first, later) -> later)
			.orElse(dossier.receivedAt());
		String appointment = (dossier.appointmentDate() != null)
				? VietnameseDates.numeric(dossier.appointmentDate()) + (dossier.appointmentProvisional() ? " (dự kiến)" : "")
				: "Theo thông báo của cơ quan giải quyết";
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("Mã hồ sơ", dossier.code()));
		rows.add(new Row("Tiếp nhận hồ sơ của", applicant.fullName()));
		if (applicant.personalId() != null) {
			rows.add(new Row("Số định danh cá nhân", applicant.personalId()));
		}
		if (applicant.phone() != null && !applicant.phone().isBlank()) {
			rows.add(new Row("Số điện thoại", applicant.phone()));
		}
		if (applicant.email() != null && !applicant.email().isBlank()) {
			rows.add(new Row("Thư điện tử", applicant.email()));
		}
		rows.add(new Row("Nội dung yêu cầu giải quyết", procedure));
		rows.add(new Row("Thời gian nhận hồ sơ", PoliceUnits.moment(dossier.receivedAt())));
		rows.add(new Row("Thời gian tiếp nhận hồ sơ", PoliceUnits.moment(acceptedAt)));
		rows.add(new Row("Thời gian hẹn trả kết quả", appointment));
		rows.addAll(procedureRows);
		rows.add(new Row("Cơ quan tiếp nhận", unit.name()));
		if (replaces != null) {
			rows.add(new Row("Ghi chú", "Thay thế giấy tiếp nhận hồ sơ và hẹn trả kết quả đã cấp trước đó,"
					+ " do hồ sơ đã được bổ sung và thời gian hẹn trả kết quả thay đổi"));
		}
		AdministrativeDocument content = new AdministrativeDocument(PoliceUnits.header(unit.name()), dossier.code(),
				PoliceUnits.place(unit.name()), VietnamTime.dayOf(acceptedAt), TITLE, rows,
				java.util.Optional.empty());
		return new DocumentRequest(key, TYPE, dossier.code(),
				IssuedDocument.Holder.person(applicant.personalId(), applicant.fullName()),
				new IssuedDocument.Issuer(unit.code(), unit.name(), unit.province()),
				DocumentRenderer.ADMINISTRATIVE_DOCUMENT, content,
				List.of(new Row("Mã hồ sơ", dossier.code()), new Row("Thủ tục", procedure),
						new Row("Ngày hẹn trả kết quả", appointment)),
				null);
	}

}
