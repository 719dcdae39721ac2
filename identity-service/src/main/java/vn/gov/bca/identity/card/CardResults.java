package vn.gov.bca.identity.card;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.gov.bca.identity.account.Account;
import vn.gov.bca.identity.account.AccountService;
import vn.gov.bca.identity.registry.Address;
import vn.gov.bca.identity.registry.Citizen;
import vn.gov.bca.identity.registry.CitizenRegistry;
import vn.gov.bca.identity.registry.IdentityCard;
import vn.gov.bca.platform.document.AdministrativeDocument.Row;
import vn.gov.bca.platform.document.VietnameseDates;
import vn.gov.bca.platform.document.register.DocumentRegister;
import vn.gov.bca.platform.document.register.DocumentRequest;
import vn.gov.bca.platform.document.register.IssuedDocument;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * What follows an identity-card dossier's events, once per event and harmless when repeated: a
 * re-issue for a lost card makes the card invalid in the registry as soon as it is filed; a card
 * produced enters the holder's card history (the previous card replaced from that day, and the
 * registry publishes {@code IdentityCardIssued}), raises the holder's VNeID account to level 2 when
 * the biometrics were taken in person, and the signed notice of the result is issued.
 */
@Component
class CardResults {

	static final String RESULT = "ID_CARD_RESULT";

	/** The written refusal with its reasons, issued by the platform ({@link CardRules#refusalNotice}). */
	static final String REFUSAL = "ID_CARD_REFUSAL";

	private final CitizenRegistry registry;

	private final AccountService accounts;

	private final DocumentRegister documents;

	CardResults(CitizenRegistry registry, AccountService accounts, DocumentRegister documents) {
		this.registry = registry;
		this.accounts = accounts;
		this.documents = documents;
	}

	/** The events {@link #followUp} acts on: a submission (a card declared lost) and a card produced. */
	boolean followsUp(String eventType) {
		return "DossierSubmitted".equals(eventType) || "IdentityCardProduced".equals(eventType);
	}

	Mono<?> followUp(String eventType, CardDossier dossier) {
		String holder = dossier.holderPersonalId();
		if ("DossierSubmitted".equals(eventType) && dossier.form().ground() == CardGround.LOST) {
			return this.registry.cardLostAtReissue(holder);
		}
		if (!"IdentityCardProduced".equals(eventType) || dossier.card() == null) {
			return Mono.empty();
		}
		CardDossier.ProducedCard card = dossier.card();
		return this.registry.issueCardOfDossier(holder, card.issuedOn(), IdentityCard.ISSUING_AUTHORITY, dossier.code())
			.then(this.documents.issue(result(dossier)))
			.then(raiseAccount(dossier));
	}

	/** The check in person at the counter raises the holder's account, through the level-2 flow. */
	private Mono<?> raiseAccount(CardDossier dossier) {
		BiometricCapture capture = dossier.biometrics();
		if (capture == null) {
			return Mono.empty();
		}
		Account.Verification verification = new Account.Verification(capture.officerSubject(), capture.officerAgency(),
				capture.capturedAt(), "Hồ sơ căn cước " + dossier.code(), true, capture.fingersCaptured() > 0,
				"Thu nhận sinh trắc học và cấp thẻ căn cước");
		return this.accounts.verifiedInPerson(dossier.holderPersonalId(), verification,
				dossier.handlingUnit().province());
	}

	/** The data the card prints, as the registry holds them. */
	CardDossier.PrintedData printed(Citizen holder) {
		Address residence = (holder.permanentAddress() != null) ? holder.permanentAddress() : holder.temporaryAddress();
		String place = (residence == null) ? ""
				: java.util.stream.Stream.of(residence.detail(), residence.commune(),
						this.registry.provinceName(residence.provinceCode()).orElse(residence.provinceCode()))
					.filter((part) -> part != null && !part.isBlank())
					.collect(java.util.stream.Collectors.joining(", "));
		String sex = switch (holder.sex()) {
			case MALE -> "Nam";
			case FEMALE -> "Nữ";
		};
		return new CardDossier.PrintedData(holder.fullName(), birthDate(holder), sex,
				"VN".equals(holder.nationality()) ? "Việt Nam" : holder.nationality(), holder.hometown(), place);
	}

	private static String birthDate(Citizen holder) {
		var born = holder.birthDate();
		if (born.isFullDate()) {
			return VietnameseDates.numeric(born.earliestDay());
		}
		return (born.month() != null) ? String.format("%02d/%d", born.month(), born.year()) : Integer.toString(born.year());
	}

	/** The notice of the result: the card's number, dates and how it is handed over; signed by the unit. */
	private static DocumentRequest result(CardDossier dossier) {
		Dossier.HandlingUnit unit = dossier.handlingUnit();
		CardDossier.ProducedCard card = dossier.card();
		CardDossier.PrintedData printed = dossier.printed();
		String expiry = (card.expiresOn() != null) ? VietnameseDates.numeric(card.expiresOn()) : "Không thời hạn";
		String delivery = (dossier.form().delivery() == CardForm.Delivery.POST)
				? "Chuyển phát đến " + dossier.form().postalAddress() : "Nhận tại " + unit.name();
		List<Row> rows = new ArrayList<>(List.of(new Row("Thủ tục", dossier.procedure().nameVi()),
				new Row("Lý do", dossier.form().ground().nameVi()), new Row("Họ, chữ đệm và tên", printed.fullName()),
				new Row("Ngày, tháng, năm sinh", printed.birthDate()), new Row("Giới tính", printed.sex()),
				new Row("Quốc tịch", printed.nationality()), new Row("Nơi cư trú", printed.placeOfResidence()),
				new Row("Số thẻ căn cước", card.number()), new Row("Ngày cấp", VietnameseDates.numeric(card.issuedOn())),
				new Row("Có giá trị đến", expiry), new Row("Nơi cấp", IdentityCard.ISSUING_AUTHORITY),
				new Row("Hình thức nhận thẻ", delivery), new Row("Mã hồ sơ", dossier.code())));
		List<Row> facts = List.of(new Row("Thủ tục", dossier.procedure().nameVi()),
				new Row("Ngày cấp thẻ", VietnameseDates.numeric(card.issuedOn())), new Row("Có giá trị đến", expiry),
				new Row("Mã hồ sơ", dossier.code()));
		LocalDate day = VietnamTime.dayOf(card.producedAt());
		// A child's notice may be downloaded by the parent who filed too.
		IssuedDocument.Holder holder = IssuedDocument.Holder.person(dossier.holderPersonalId(), printed.fullName(),
				dossier.applicant().personalId());
		return DocumentRequest.administrative(RESULT, dossier.code(), dossier.code(), holder,
				new IssuedDocument.Issuer(unit.code(), unit.name(), unit.province()), dossier.code(), day,
				"THÔNG BÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC VỀ THẺ CĂN CƯỚC", rows, facts);
	}

}
