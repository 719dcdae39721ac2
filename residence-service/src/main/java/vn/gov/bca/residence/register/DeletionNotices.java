package vn.gov.bca.residence.register;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.document.AdministrativeDocument.Row;
import vn.gov.bca.platform.document.PoliceUnits;
import vn.gov.bca.platform.document.VietnameseDates;
import vn.gov.bca.platform.document.register.DocumentRegister;
import vn.gov.bca.platform.document.register.DocumentRequest;
import vn.gov.bca.platform.document.register.IssuedDocument;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.HandlingUnits;
import vn.gov.bca.platform.dossier.registry.PopulationRegistry;
import vn.gov.bca.platform.web.error.ApiException;

/**
 * The notice to the person of a deletion an officer confirmed from the nightly check (form CT08, the
 * notice of the result of registering or cancelling a residence): which registration, on which
 * legal ground, from which day, signed by the unit of its province. Issued once per proposal, so a
 * confirmation retried after a failure issues no second notice.
 */
@Component
class DeletionNotices {

	static final String TYPE = "RESIDENCE_DELETION_NOTICE";

	private final DocumentRegister documents;

	private final HandlingUnits units;

	private final PopulationRegistry registry;

	DeletionNotices(DocumentRegister documents, HandlingUnits units, PopulationRegistry registry) {
		this.documents = documents;
		this.units = units;
		this.registry = registry;
	}

	Mono<IssuedDocument> issue(DeletionProposals.Proposal proposal, ResidentFile.Entry entry, LocalDate day) {
		return this.registry.citizen(proposal.personalId(), "notice of a residence deletion")
			.switchIfEmpty(Mono.error(() -> ApiException.unprocessable("residence.person-unknown")))
			.flatMap((citizen) -> this.documents.issue(request(proposal, entry, citizen.fullName(), day)));
	}

	private DocumentRequest request(DeletionProposals.Proposal proposal, ResidentFile.Entry entry, String name,
			LocalDate day) {
		Dossier.HandlingUnit unit = this.units.of(proposal.province());
		String what = (proposal.kind() == ResidentFile.Kind.PERMANENT) ? "Xóa đăng ký thường trú" : "Xóa đăng ký tạm trú";
		String number = "XDK-" + entry.id().replace('/', '-');
		List<Row> rows = List.of(new Row("Họ và tên", name), new Row("Số định danh cá nhân", proposal.personalId()),
				new Row("Nội dung", what + " tại " + entry.address().detail() + ", " + entry.address().commune() + ", "
						+ PoliceUnits.place(unit.name())),
				new Row("Căn cứ", proposal.ground()), new Row("Ngày xóa", VietnameseDates.numeric(day)));
		return DocumentRequest.administrative(TYPE, proposal.id(), number,
				IssuedDocument.Holder.person(proposal.personalId(), name),
				new IssuedDocument.Issuer(unit.code(), unit.name(), unit.province()), number, day,
				"THÔNG BÁO VỀ VIỆC XÓA ĐĂNG KÝ CƯ TRÚ", rows,
				List.of(new Row("Nội dung", what), new Row("Ngày xóa", VietnameseDates.numeric(day))));
	}

}
