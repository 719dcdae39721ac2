package vn.gov.bca.platform.dossier.portal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

import vn.gov.bca.platform.document.register.DocumentRegister;
import vn.gov.bca.platform.document.register.IssuedDocument;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.DossierStatus;
import vn.gov.bca.platform.dossier.HandlingUnits;
import vn.gov.bca.platform.dossier.ProgressEntry;
import vn.gov.bca.platform.dossier.attachment.Attachment;
import vn.gov.bca.platform.dossier.attachment.Attachments;
import vn.gov.bca.platform.dossier.catalogue.FeeDue;
import vn.gov.bca.platform.dossier.catalogue.Procedure;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;
import vn.gov.bca.platform.dossier.workflow.DossierReceipts;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * A dossier in the national portal's words: the whole dossier ({@code DongBoHoSoMC}) with the status
 * an event gave it, its progress entries ({@code CapNhatTienDoHoSoMC}), and the procedures of the
 * catalogue ({@code DongBoThuTuc}). The files and documents are named and hashed, never sent.
 */
public class PortalDossiers {

	private final NationalCodes codes;

	private final ProcedureCatalogue catalogue;

	private final HandlingUnits units;

	private final Attachments attachments;

	private final DocumentRegister documents;

	public PortalDossiers(NationalCodes codes, ProcedureCatalogue catalogue, HandlingUnits units,
			Attachments attachments, DocumentRegister documents) {
		this.codes = codes;
		this.catalogue = catalogue;
		this.units = units;
		this.attachments = attachments;
		this.documents = documents;
	}

	/**
	 * The dossier as the portal is to hold it once the event of that status is taken: the status is
	 * the event's (the dossier may have moved on since), the rest as stored; the result documents are
	 * looked up only once it is processed.
	 */
	public Mono<PortalMessages.SyncedDossier> dossier(Dossier dossier, DossierStatus status) {
		Mono<List<Attachment>> files = this.attachments.list(dossier.code()).collectList();
		Mono<List<IssuedDocument>> results = (status == DossierStatus.PROCESSED
				|| status == DossierStatus.RESULT_RETURNED)
						? this.documents.ofReference(dossier.code())
							.filter((document) -> !DossierReceipts.TYPE.equals(document.type())
									&& document.status() == IssuedDocument.Status.VALID)
							.collectList()
						: Mono.just(List.of());
		return Mono.zip(files, results).map((found) -> dossier(dossier, status, found.getT1(), found.getT2()));
	}

	PortalMessages.SyncedDossier dossier(Dossier dossier, DossierStatus status, List<Attachment> files,
			List<IssuedDocument> results) {
		Procedure procedure = this.catalogue.require(dossier.procedureCode());
		NationalCodes.NationalProcedure national = this.codes.procedure(dossier.procedureCode());
		Dossier.Applicant applicant = dossier.applicant();
		boolean returned = status == DossierStatus.RESULT_RETURNED && dossier.result() != null;
		return new PortalMessages.SyncedDossier(dossier.code(), national.nationalCode(), procedure.nameVi(),
				national.fieldCode(), procedure.field(), Integer.toString(dossier.channel().code()),
				applicant.fullName(), Integer.toString(applicant.type()), applicant.personalId(), applicant.phone(),
				applicant.email(), procedure.nameVi() + " - " + applicant.fullName(),
				PortalMessages.time(dossier.receivedAt()), PortalMessages.endOf(dossier.appointmentDate()),
				this.codes.status(status).code(), returned ? PortalMessages.time(dossier.result().returnedAt()) : null,
				returned ? returnMethod(dossier.result().returnMethod()) : null, dossier.handlingUnit().code(),
				dossier.handlingUnit().name(), files.stream().map(PortalDossiers::file).toList(), fees(dossier, procedure),
				results.stream().map(this::result).toList(), supplements(dossier));
	}

	/** The progress entries after {@code after} up to and including {@code upTo}, oldest first. */
	public List<PortalMessages.ProgressUpdate> progress(Dossier dossier, Instant after, Instant upTo) {
		return dossier.progress()
			.stream()
			.filter((entry) -> (after == null || entry.at().isAfter(after)) && !entry.at().isAfter(upTo))
			.map((entry) -> progress(dossier, entry))
			.toList();
	}

	/** Every procedure of the catalogue, as published. */
	public List<PortalMessages.PublishedProcedure> procedures() {
		List<String> agencies = this.units.all().stream().map(Dossier.HandlingUnit::name).distinct().toList();
		return this.catalogue.procedures().stream().map((procedure) -> {
			NationalCodes.NationalProcedure national = this.codes.procedure(procedure.code());
			return new PortalMessages.PublishedProcedure(national.nationalCode(), procedure.nameVi(),
					national.fieldCode(), procedure.field(), procedure.serviceLevel().nameVi(),
					procedure.agencyLevel().name(), procedure.workingDays(), procedure.identityLevel(), agencies,
					procedure.fees()
						.stream()
						.map((fee) -> new PortalMessages.ProcedureFee(fee.code(), fee.nameVi(), fee.amountOnline(),
								fee.amountCounter(), PortalMessages.endOf(fee.validFrom()),
								PortalMessages.endOf(fee.validTo())))
						.toList(),
					procedure.documents()
						.stream()
						.map((document) -> new PortalMessages.ProcedureDocument(document.code(), document.nameVi(),
								document.required()))
						.toList());
		}).toList();
	}

	private PortalMessages.ProgressUpdate progress(Dossier dossier, ProgressEntry entry) {
		String unit = Optional.ofNullable(entry.handlerAgency())
			.flatMap((agency) -> this.units.all().stream().filter((known) -> known.code().equals(agency)).findFirst())
			.map(Dossier.HandlingUnit::name)
			.orElse(dossier.handlingUnit().name());
		boolean ends = entry.status().isFinal() || entry.status() == DossierStatus.PROCESSED;
		return new PortalMessages.ProgressUpdate(dossier.code(), entry.handler(), title(entry), PortalMessages.time(entry.at()),
				unit, (entry.content() != null && !entry.content().isBlank()) ? entry.content() : entry.action(),
				this.codes.status(entry.status()).code(), PortalMessages.time(entry.at()),
				ends ? PortalMessages.time(entry.at()) : PortalMessages.endOf(dossier.appointmentDate()));
	}

	/** Who acts in a step of that kind. */
	private static String title(ProgressEntry entry) {
		if ("system".equals(entry.handler())) {
			return "Hệ thống";
		}
		return switch (entry.action()) {
			case "submit" -> (entry.handlerAgency() != null) ? "Cán bộ tiếp nhận" : "Người nộp hồ sơ";
			case "supplement", "withdraw" -> "Người nộp hồ sơ";
			case "accept", "not-accept" -> "Cán bộ tiếp nhận";
			case "return-result" -> "Cán bộ trả kết quả";
			default -> "Cán bộ xử lý";
		};
	}

	private static PortalMessages.SubmittedFile file(Attachment file) {
		return new PortalMessages.SubmittedFile(file.id(), file.filename(), file.kind(), file.sha256());
	}

	private PortalMessages.ResultDocument result(IssuedDocument document) {
		return new PortalMessages.ResultDocument(document.id(), document.title(), document.type(), document.number(),
				PortalMessages.time(document.issuedAt()), this.documents.verificationUrl(document));
	}

	/** The fee asked for, named as the catalogue names the fees of the day it was received; paid online. */
	private static List<PortalMessages.FeeLine> fees(Dossier dossier, Procedure procedure) {
		Dossier.Fee fee = dossier.fee();
		if (fee == null) {
			return List.of();
		}
		String name = procedure.feesOn(VietnamTime.dayOf(dossier.receivedAt()), dossier.channel())
			.stream()
			.map(FeeDue::nameVi)
			.reduce((a, b) -> a + "; " + b)
			.orElse("Phí, lệ phí");
		return List.of(new PortalMessages.FeeLine(name, fee.amount(), "Trực tuyến", fee.receiptNumber(),
				PortalMessages.time(fee.paidAt())));
	}

	private static List<PortalMessages.SupplementLine> supplements(Dossier dossier) {
		Dossier.SupplementRequest request = dossier.supplementRequest();
		return (request == null) ? List.of()
				: List.of(new PortalMessages.SupplementLine(String.join("; ", request.missing()),
						PortalMessages.time(request.requestedAt())));
	}

	/** HinhThuc: 0 at the agency's counter, 1 by post, 2 electronically. */
	private static String returnMethod(Dossier.ReturnMethod method) {
		return switch (method) {
			case PICKED_UP -> "0";
			case POSTED -> "1";
			case ELECTRONIC -> "2";
		};
	}

}
