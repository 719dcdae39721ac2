package vn.gov.bca.seal.registration;

import java.time.Instant;
import java.util.List;

import vn.gov.bca.platform.data.outbox.DomainEvent;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.web.security.Caller;

/**
 * A seal dossier: the shared dossier lifecycle with the organisation's request, the organisation it
 * is for (its representative is the applicant), and once approved the numbers the approval gave: the
 * seal's (new, or the one whose certificate is exchanged), the certificate's, and the specimen file.
 */
public class SealDossier extends Dossier {

	private SealProcedure procedure;

	private SealForm form;

	private String organisationName;

	private String sealNumber;

	private String certificateNumber;

	private String specimenAttachmentId;

	SealDossier() {
	}

	SealDossier(Header header, SealProcedure procedure, SealForm form) {
		super(header);
		this.procedure = procedure;
		this.form = form;
	}

	/**
	 * Approved: the numbers given, the specimen chosen and the organisation's name as the register
	 * has it recorded, and the dossier processed.
	 */
	List<DomainEvent> approve(Caller officer, String sealNumber, String certificateNumber, String specimenAttachmentId,
			String organisationName, String summary, Instant now) {
		requireOfficer(officer);
		DomainEvent processed = process(officer, summary, now);
		this.organisationName = organisationName;
		this.sealNumber = sealNumber;
		this.certificateNumber = certificateNumber;
		this.specimenAttachmentId = specimenAttachmentId;
		return List.of(processed);
	}

	public SealProcedure procedure() {
		return this.procedure;
	}

	public SealForm form() {
		return this.form;
	}

	/** The organisation's name, from its register at approval; null before. */
	public String organisationName() {
		return this.organisationName;
	}

	/** The seal the result is about; null before approval. */
	public String sealNumber() {
		return this.sealNumber;
	}

	public String certificateNumber() {
		return this.certificateNumber;
	}

	public String specimenAttachmentId() {
		return this.specimenAttachmentId;
	}

}
