package vn.gov.bca.platform.dossier.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import vn.gov.bca.platform.dossier.Channel;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.DossierEvent;
import vn.gov.bca.platform.dossier.calendar.Deadline;

/** A procedure's dossier with a form of one field, as a service would extend the platform's. */
class SampleDossier extends Dossier {

	private String purpose;

	SampleDossier() {
	}

	SampleDossier(String code, String purpose, Instant now) {
		this(code, "1.001", Channel.ONLINE, new HandlingUnit("PA08-HN", "Phòng QLXNC Hà Nội", "01"), now,
				LocalDate.of(2026, 12, 31));
		this.purpose = purpose;
	}

	SampleDossier(String code, String procedureCode, Channel channel, HandlingUnit unit, Instant receivedAt,
			LocalDate appointment) {
		super(code, procedureCode, channel,
				new Applicant("001085012345", "Nguyễn Văn An", 1, "0912345678", "an@example.vn"),
				new Submitter("citizen-an", "vneid-mobile", null), unit, receivedAt,
				new Deadline(8, 0, receivedAt.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate(), appointment, null));
	}

	DossierEvent.DossierSubmitted firstEvent() {
		return submitted();
	}

	String purpose() {
		return this.purpose;
	}

}
