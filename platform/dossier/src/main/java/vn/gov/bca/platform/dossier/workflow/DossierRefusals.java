package vn.gov.bca.platform.dossier.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import vn.gov.bca.platform.document.AdministrativeDocument.Row;
import vn.gov.bca.platform.document.VietnameseDates;
import vn.gov.bca.platform.document.register.DocumentRegister;
import vn.gov.bca.platform.document.register.DocumentRequest;
import vn.gov.bca.platform.document.register.IssuedDocument;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.ProgressEntry;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The written refusal with its reasons a dossier gets when it is not accepted or its processing is
 * stopped (the one-stop-shop rule of Decree 61/2018/NĐ-CP: a dossier refused is answered in writing,
 * saying why; procedure laws repeat it, e.g. Law on Residence Art. 22(3)): the dossier code, the
 * procedure, the applicant, the officer's reason as recorded and the day, signed by the handling
 * unit. Issued once per dossier by the follow-up of the event, for the procedures whose rules name
 * the notice ({@link ProcedureRules#refusalNotice}).
 */
final class DossierRefusals {

	private final DocumentRegister register;

	private final ProcedureCatalogue catalogue;

	DossierRefusals(DocumentRegister register, ProcedureCatalogue catalogue) {
		this.register = register;
		this.catalogue = catalogue;
	}

	/** The events a refusal notice follows from. */
	static final Set<String> EVENTS = Set.of("DossierStopped", "DossierNotAccepted");

	Mono<IssuedDocument> followUp(String eventType, Dossier dossier, ProcedureRules.RefusalNotice notice) {
		if (notice == null || !EVENTS.contains(eventType)) {
			return Mono.empty();
		}
		return this.register.issue(request(dossier, notice));
	}

	DocumentRequest request(Dossier dossier, ProcedureRules.RefusalNotice notice) {
		ProgressEntry refused = dossier.progress()
			.stream()
			.filter((entry) -> entry.action().equals("stop") || entry.action().equals("not-accept"))
			.reduce((first, second) -> second)
			.orElseThrow();
		LocalDate day = VietnamTime.dayOf(refused.at());
		String procedure = this.catalogue.find(dossier.procedureCode())
			.map((found) -> found.nameVi())
			.orElse(dossier.procedureCode());
		Dossier.Applicant applicant = dossier.applicant();
		Dossier.HandlingUnit unit = dossier.handlingUnit();
		List<Row> rows = List.of(new Row("Mã hồ sơ", dossier.code()), new Row("Thủ tục", procedure),
				new Row("Họ và tên", applicant.fullName()), new Row("Số định danh cá nhân", applicant.personalId()),
				new Row("Kết quả", "Từ chối giải quyết"), new Row("Lý do", refused.content()),
				new Row("Ngày", VietnameseDates.numeric(day)));
		return DocumentRequest.administrative(notice.type(), dossier.code(), dossier.code(),
				IssuedDocument.Holder.person(applicant.personalId(), applicant.fullName()),
				new IssuedDocument.Issuer(unit.code(), unit.name(), unit.province()), dossier.code(), day,
				notice.title(), rows, List.of(new Row("Thủ tục", procedure), new Row("Kết quả", "Từ chối giải quyết"),
						new Row("Ngày", VietnameseDates.numeric(day))));
	}

}
