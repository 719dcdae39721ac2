package vn.gov.bca.residence.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.document.AdministrativeDocument.Row;
import vn.gov.bca.platform.document.PoliceUnits;
import vn.gov.bca.platform.document.VietnameseDates;
import vn.gov.bca.platform.document.register.DocumentRegister;
import vn.gov.bca.platform.document.register.DocumentRequest;
import vn.gov.bca.platform.document.register.IssuedDocument;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.web.time.VietnamTime;
import vn.gov.bca.platform.dossier.Address;
import vn.gov.bca.residence.register.Relation;
import vn.gov.bca.residence.register.ResidenceRegister;
import vn.gov.bca.residence.register.ResidentFile;

/**
 * What follows a residence dossier's decision, once per event and harmless when repeated: an
 * approval is written into the register (Project 06: the register is the result) for the applicant
 * and everyone registered with them, then the signed result is issued: the notice of the result
 * (CT08) or the absence slip (CT03). A refusal, before or after acceptance, is answered in writing
 * with its reasons by the platform's refusal notice ({@link ResidenceRules#refusalNotice}).
 */
@Component
public class ResidenceResults {

	static final String RESULT_NOTICE = "RESIDENCE_RESULT_NOTICE";

	static final String ABSENCE_SLIP = "ABSENCE_SLIP";

	private final ResidenceRegister register;

	private final DocumentRegister documents;

	ResidenceResults(ResidenceRegister register, DocumentRegister documents) {
		this.register = register;
		this.documents = documents;
	}

	/** The event {@link #followUp} acts on: the dossier processed. */
	boolean followsUp(String eventType) {
		return "DossierProcessed".equals(eventType);
	}

	Mono<?> followUp(String eventType, ResidenceDossier dossier) {
		return switch (eventType) {
			case "DossierProcessed" -> record(dossier).then(this.documents.issue(result(dossier)));
			default -> Mono.empty();
		};
	}

	/** What the approval records, in the officer's words on the dossier's progress. */
	String summary(ResidenceDossier dossier) {
		ResidenceForm form = dossier.form();
		return switch (dossier.procedure()) {
			case PERMANENT_REGISTRATION -> "Đăng ký thường trú tại " + written(form.address(), dossier.handlingUnit());
			case TEMPORARY_REGISTRATION -> "Đăng ký tạm trú tại " + written(form.address(), dossier.handlingUnit())
					+ " đến ngày " + VietnameseDates.numeric(form.until());
			case TEMPORARY_RENEWAL -> "Gia hạn tạm trú đến ngày " + VietnameseDates.numeric(form.until());
			case ABSENCE_DECLARATION -> "Khai báo tạm vắng từ ngày " + VietnameseDates.numeric(form.from())
					+ " đến ngày " + VietnameseDates.numeric(form.until());
			case PERMANENT_DELETION -> "Xóa đăng ký thường trú";
			case TEMPORARY_DELETION -> "Xóa đăng ký tạm trú";
		};
	}

	/** The register's entries of an approved dossier: each person's, under the dossier's code and their place in it. */
	Mono<Void> record(ResidenceDossier dossier) {
		ResidenceForm form = dossier.form();
		Instant now = dossier.result().processedAt();
		LocalDate day = VietnamTime.dayOf(now);
		String code = dossier.code();
		String unit = dossier.handlingUnit().code();
		String applicant = dossier.applicant().personalId();
		return switch (dossier.procedure()) {
			case PERMANENT_REGISTRATION -> {
				String head = (form.household() != null) ? form.household().headPersonalId() : applicant;
				Relation relation = (form.household() != null) ? form.household().relationToHead() : Relation.HEAD;
				List<Mono<ResidentFile>> writes = new ArrayList<>();
				writes.add(this.register.apply(applicant, (file) -> file.registerPermanent(
						permanent(code + "/0", form.address(), dossier.householdId(), head, relation, day, code, unit), now)));
				for (int i = 0; i < form.others().size(); i++) {
					ResidenceForm.Person person = form.others().get(i);
					ResidentFile.Entry entry = permanent(code + "/" + (i + 1), form.address(), dossier.householdId(),
							head, person.relationToHead(), day, code, unit);
					writes.add(this.register.apply(person.personalId(), (file) -> file.registerPermanent(entry, now)));
				}
				yield Flux.concat(writes).then();
			}
			case TEMPORARY_REGISTRATION -> {
				LocalDate from = (form.from() != null && form.from().isAfter(day)) ? form.from() : day;
				List<Mono<ResidentFile>> writes = new ArrayList<>();
				List<String> people = new ArrayList<>(List.of(applicant));
				form.others().forEach((person) -> people.add(person.personalId()));
				for (int i = 0; i < people.size(); i++) {
					ResidentFile.Entry entry = new ResidentFile.Entry(code + "/" + i, ResidentFile.Kind.TEMPORARY,
							form.address(), null, from, form.until(), null, code, unit, ResidentFile.State.CURRENT,
							null, null, null);
					writes.add(this.register.apply(people.get(i), (file) -> file.registerTemporary(entry, now)));
				}
				yield Flux.concat(writes).then();
			}
			case TEMPORARY_RENEWAL -> this.register
				.apply(applicant, (file) -> file.renewTemporary(code, form.until(), now))
				.then();
			case ABSENCE_DECLARATION -> this.register.apply(applicant, (file) -> file.declareAbsence(
					new ResidentFile.Entry(code + "/0", ResidentFile.Kind.ABSENCE, form.address(), null, form.from(),
							form.until(), form.destination(), code, unit, ResidentFile.State.CURRENT, null, null, null),
					now))
				.then();
			case PERMANENT_DELETION -> this.register.apply(applicant, (file) -> file.delete(ResidentFile.Kind.PERMANENT,
					null, day, groundText(form.deletionGround(), true), code, now)).then();
			case TEMPORARY_DELETION -> this.register.apply(applicant, (file) -> file.delete(ResidentFile.Kind.TEMPORARY,
					null, day, groundText(form.deletionGround(), false), code, now)).then();
		};
	}

	private static ResidentFile.Entry permanent(String id, Address address, String householdId, String head,
			Relation relation, LocalDate day, String code, String unit) {
		return new ResidentFile.Entry(id, ResidentFile.Kind.PERMANENT, address,
				new ResidentFile.Household(householdId, head, relation), day, null, null, code, unit,
				ResidentFile.State.CURRENT, null, null, null);
	}

	/** The legal ground of a deletion, as the register and the notice write it. */
	static String groundText(ResidenceForm.DeletionGround ground, boolean permanent) {
		return switch (ground) {
			case SETTLED_ABROAD -> "Luật Cư trú Điều 24(1)(b): ra nước ngoài để định cư";
			case TENANCY_ENDED -> permanent ? "Luật Cư trú Điều 24(1)(e): đã chấm dứt việc thuê, mượn, ở nhờ"
					: "Luật Cư trú Điều 29(1)(e): đã chấm dứt việc thuê, mượn, ở nhờ";
			case OWNERSHIP_TRANSFERRED -> permanent ? "Luật Cư trú Điều 24(1)(g): quyền sở hữu chỗ ở đã chuyển cho người khác"
					: "Luật Cư trú Điều 29(1)(g): quyền sở hữu chỗ ở đã chuyển cho người khác";
			case LEFT_TEMPORARY_ADDRESS -> "Luật Cư trú Điều 29(1)(c): không còn sinh sống tại nơi tạm trú";
		};
	}

	DocumentRequest result(ResidenceDossier dossier) {
		ResidenceForm form = dossier.form();
		Dossier.HandlingUnit unit = dossier.handlingUnit();
		LocalDate day = VietnamTime.dayOf(dossier.result().processedAt());
		boolean absence = dossier.procedure() == ResidenceProcedure.ABSENCE_DECLARATION;
		String type = absence ? ABSENCE_SLIP : RESULT_NOTICE;
		String title = absence ? "PHIẾU KHAI BÁO TẠM VẮNG" : "THÔNG BÁO VỀ KẾT QUẢ GIẢI QUYẾT ĐĂNG KÝ CƯ TRÚ";
		List<Row> rows = new ArrayList<>(List.of(new Row("Mã hồ sơ", dossier.code()),
				new Row("Thủ tục", procedureName(dossier.procedure())),
				new Row("Họ và tên", dossier.applicant().fullName()),
				new Row("Số định danh cá nhân", dossier.applicant().personalId()),
				new Row("Kết quả", summary(dossier))));
		if (form.address() != null && !absence) {
			rows.add(new Row("Địa chỉ", written(form.address(), unit)));
		}
		if (dossier.householdId() != null) {
			rows.add(new Row("Số hộ", dossier.householdId()));
		}
		if (absence) {
			rows.add(new Row("Nơi thường trú", written(form.address(), unit)));
			rows.add(new Row("Thời gian tạm vắng", "Từ ngày " + VietnameseDates.numeric(form.from()) + " đến ngày "
					+ VietnameseDates.numeric(form.until())));
			rows.add(new Row("Nơi đến", form.destination()));
		}
		if (!form.others().isEmpty()) {
			rows.add(new Row("Người cùng đăng ký",
					String.join("; ", form.others().stream().map(ResidenceForm.Person::fullName).toList())));
		}
		rows.add(new Row("Ngày giải quyết", VietnameseDates.numeric(day)));
		return request(type, dossier, title, rows, day,
				List.of(new Row("Thủ tục", procedureName(dossier.procedure())), new Row("Kết quả", "Đã giải quyết"),
						new Row("Ngày giải quyết", VietnameseDates.numeric(day))));
	}

	private static DocumentRequest request(String type, ResidenceDossier dossier, String title, List<Row> rows,
			LocalDate day, List<Row> publicFacts) {
		Dossier.HandlingUnit unit = dossier.handlingUnit();
		return DocumentRequest.administrative(type, dossier.code(), dossier.code(),
				IssuedDocument.Holder.person(dossier.applicant().personalId(), dossier.applicant().fullName()),
				new IssuedDocument.Issuer(unit.code(), unit.name(), unit.province()), dossier.code(), day, title, rows,
				publicFacts);
	}

	static String procedureName(ResidenceProcedure procedure) {
		return switch (procedure) {
			case PERMANENT_REGISTRATION -> "Đăng ký thường trú";
			case TEMPORARY_REGISTRATION -> "Đăng ký tạm trú";
			case TEMPORARY_RENEWAL -> "Gia hạn tạm trú";
			case ABSENCE_DECLARATION -> "Khai báo tạm vắng";
			case PERMANENT_DELETION -> "Xóa đăng ký thường trú";
			case TEMPORARY_DELETION -> "Xóa đăng ký tạm trú";
		};
	}

	/** An address in the handling unit's province, as a document writes it: house, commune, province. */
	static String written(Address address, Dossier.HandlingUnit unit) {
		return address.detail() + ", " + address.commune() + ", " + PoliceUnits.place(unit.name());
	}

}
