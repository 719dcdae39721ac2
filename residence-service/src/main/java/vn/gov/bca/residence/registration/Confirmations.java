package vn.gov.bca.residence.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.document.AdministrativeDocument.Row;
import vn.gov.bca.platform.document.VietnameseDates;
import vn.gov.bca.platform.document.register.DocumentRegister;
import vn.gov.bca.platform.document.register.DocumentRequest;
import vn.gov.bca.platform.document.register.IssuedDocument;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.HandlingUnits;
import vn.gov.bca.platform.dossier.registry.PopulationRegistry;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;
import vn.gov.bca.residence.register.ResidenceRegister;
import vn.gov.bca.residence.register.ResidentFile;

/**
 * The confirmation of residence (xác nhận thông tin về cư trú, form CT07) a citizen asks for
 * themselves: what the register holds now — the current permanent and temporary residence with their
 * households and periods — signed by the unit of the province where they live, with its QR code.
 * The register holds every fact it states, so it is issued at once, without a dossier; asked again
 * with nothing changed, the same document is answered; once the residence changes, a new one states
 * the new facts.
 */
@RestController
class Confirmations {

	static final String TYPE = "RESIDENCE_CONFIRMATION";

	private final ResidenceRegister register;

	private final PopulationRegistry registry;

	private final HandlingUnits units;

	private final DocumentRegister documents;

	private final Clock clock;

	Confirmations(ResidenceRegister register, PopulationRegistry registry, HandlingUnits units,
			DocumentRegister documents, Clock clock) {
		this.register = register;
		this.registry = registry;
		this.units = units;
		this.documents = documents;
		this.clock = clock;
	}

	record Confirmation(String documentId, String type, String verificationUrl, String pdf) {
	}

	@PostMapping("/api/residence/me/residence/confirmation")
	Mono<ResponseEntity<Confirmation>> confirm(Caller caller) {
		caller.requireAnyRole(Caller.CITIZEN).requireIdentityLevel(2);
		return Mono.justOrEmpty(caller.personalId())
			.flatMap(this.register::find)
			.filter((file) -> file.currentOf(ResidentFile.Kind.PERMANENT).isPresent()
					|| file.currentOf(ResidentFile.Kind.TEMPORARY).isPresent())
			.switchIfEmpty(Mono.error(() -> ApiException.conflict("residence.nothing-to-confirm")))
			.flatMap((file) -> this.registry.citizen(file.personalId(), "residence confirmation (CT07)")
				.switchIfEmpty(Mono.error(() -> ApiException.unprocessable("residence.applicant-unknown")))
				.flatMap((citizen) -> this.documents.issue(request(file, citizen))))
			.map((document) -> ResponseEntity.status(201)
				.body(new Confirmation(document.id(), document.type(),
						this.documents.verificationUrl(document),
						"/api/residence/documents/" + document.id() + "/pdf")));
	}

	private DocumentRequest request(ResidentFile file, PopulationRegistry.MinimalCitizen citizen) {
		Optional<ResidentFile.Entry> permanent = file.currentOf(ResidentFile.Kind.PERMANENT);
		Optional<ResidentFile.Entry> temporary = file.currentOf(ResidentFile.Kind.TEMPORARY);
		ResidentFile.Entry where = permanent.orElseGet(temporary::orElseThrow);
		Dossier.HandlingUnit unit = this.units.of(where.address().provinceCode());
		LocalDate today = VietnamTime.today(this.clock);
		List<Row> rows = new ArrayList<>(List.of(new Row("Họ và tên", citizen.fullName()),
				new Row("Ngày sinh", citizen.birthDate().isPartial() ? citizen.birthDate().toString()
						: VietnameseDates.numeric(citizen.birthDate().earliest())),
				new Row("Số định danh cá nhân", file.personalId())));
		List<Row> facts = new ArrayList<>(List.of(new Row("Loại giấy tờ", "Xác nhận thông tin về cư trú"),
				new Row("Ngày xác nhận", VietnameseDates.numeric(today))));
		permanent.ifPresent((entry) -> {
			rows.add(new Row("Nơi thường trú", entry.address().detail() + ", " + entry.address().commune()));
			rows.add(new Row("Ngày đăng ký thường trú", VietnameseDates.numeric(entry.from())));
			rows.add(new Row("Số hộ", entry.household().householdId()));
			facts.add(new Row("Thường trú tại", entry.address().commune()));
		});
		temporary.ifPresent((entry) -> {
			rows.add(new Row("Nơi tạm trú", entry.address().detail() + ", " + entry.address().commune()));
			rows.add(new Row("Thời hạn tạm trú", "Từ ngày " + VietnameseDates.numeric(entry.from()) + " đến ngày "
					+ VietnameseDates.numeric(entry.until())));
			facts.add(new Row("Tạm trú tại", entry.address().commune() + " đến ngày " + VietnameseDates.numeric(entry.until())));
		});
		String number = "CT07-" + file.reference().substring(1, 9) + "-" + file.version();
		return DocumentRequest.administrative(TYPE, file.personalId() + ":" + file.version(), number,
				IssuedDocument.Holder.person(file.personalId(), citizen.fullName()),
				new IssuedDocument.Issuer(unit.code(), unit.name(), unit.province()), number, today,
				"XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ", rows, facts);
	}

}
