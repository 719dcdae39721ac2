package vn.gov.bca.seal.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;

import vn.gov.bca.platform.data.outbox.DomainEvent;
import vn.gov.bca.platform.web.error.ApiException;

/**
 * A registered seal: its organisation, kind, inscription, specimen image (in GridFS, by its hash), the
 * registering unit and dossier, its status (ACTIVE; WITHDRAWN; REPLACED by the seal re-registered in
 * its place), the certificate of its specimen's registration now in force and those before it, and
 * its history. Every transition is harmless when repeated (a dossier's follow-up may run twice) and
 * returns its events.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class Seal {

	public enum Status {

		ACTIVE, WITHDRAWN, REPLACED

	}

	/** The specimen image as stored: its GridFS file, media type (from its bytes), SHA-256 and size. */
	public record Specimen(String fileId, String mediaType, String sha256, long size) {
	}

	/** A certificate of the seal's specimen registration: its number, the signed document, the day. */
	public record Certificate(String number, String documentId, String dossierCode, LocalDate issuedOn) {
	}

	public record HistoryEntry(Instant at, String action, String dossierCode, String note) {
	}

	@Id
	private String number;

	private String organisationId;

	private String organisationName;

	private SealKind kind;

	private String inscription;

	private Specimen specimen;

	private String unitCode;

	private String unitName;

	private String province;

	private LocalDate registeredOn;

	private String dossierCode;

	private Status status;

	private String replacedBy;

	private String withdrawalReason;

	private Certificate certificate;

	private List<Certificate> formerCertificates = new ArrayList<>();

	private List<HistoryEntry> history = new ArrayList<>();

	@JsonIgnore
	long version;

	public sealed interface SealEvent extends DomainEvent {

	}

	public record SealRegistered(UUID eventId, Instant occurredAt, String aggregateId, String organisationId,
			SealKind kind, String unitCode, String dossierCode, String specimenSha256) implements SealEvent {
	}

	public record SealWithdrawn(UUID eventId, Instant occurredAt, String aggregateId, String organisationId,
			Status status, String replacedBy, String reason, String dossierCode) implements SealEvent {
	}

	public record CertificateIssued(UUID eventId, Instant occurredAt, String aggregateId, String organisationId,
			String certificateNumber, String documentId, String supersedes, String dossierCode) implements SealEvent {
	}

	/** What a registration writes: the seal and its event. */
	public record Registered(Seal seal, SealRegistered event) {
	}

	Seal() {
	}

	/** A seal approved by a dossier, ACTIVE from the day of approval. */
	public static Registered register(String number, String organisationId, String organisationName, SealKind kind,
			String inscription, Specimen specimen, String unitCode, String unitName, String province, LocalDate day,
			String dossierCode, Instant now) {
		Seal seal = new Seal();
		seal.number = number;
		seal.organisationId = organisationId;
		seal.organisationName = organisationName;
		seal.kind = kind;
		seal.inscription = inscription;
		seal.specimen = specimen;
		seal.unitCode = unitCode;
		seal.unitName = unitName;
		seal.province = province;
		seal.registeredOn = day;
		seal.dossierCode = dossierCode;
		seal.status = Status.ACTIVE;
		seal.history.add(new HistoryEntry(now, "REGISTERED", dossierCode, null));
		return new Registered(seal, new SealRegistered(UUID.randomUUID(), now, number, organisationId, kind, unitCode,
				dossierCode, specimen.sha256()));
	}

	/**
	 * Replaced by the seal re-registered in its place (Decree 99/2016 Art. 15 as amended; the old seal
	 * is surrendered, Art. 18): withdrawn, its certificate no longer in force; again by the same
	 * dossier is nothing.
	 */
	public List<DomainEvent> replaceBy(String newNumber, String reason, String dossierCode, Instant now) {
		if (this.status == Status.REPLACED && newNumber.equals(this.replacedBy)) {
			return List.of();
		}
		requireActive();
		this.status = Status.REPLACED;
		this.replacedBy = newNumber;
		if (this.certificate != null) {
			this.formerCertificates.add(this.certificate);
			this.certificate = null;
		}
		this.withdrawalReason = reason;
		this.history.add(new HistoryEntry(now, "REPLACED", dossierCode, reason));
		return List.of(new SealWithdrawn(UUID.randomUUID(), now, this.number, this.organisationId, this.status,
				newNumber, reason, dossierCode));
	}

	/**
	 * The certificate of the dossier now in force; the one before, if any, becomes a former one.
	 * Again for the same dossier is nothing.
	 */
	public List<DomainEvent> issueCertificate(Certificate issued, Instant now) {
		if (this.certificate != null && this.certificate.dossierCode().equals(issued.dossierCode())) {
			return List.of();
		}
		String supersedes = null;
		if (this.certificate != null) {
			this.formerCertificates.add(this.certificate);
			supersedes = this.certificate.number();
		}
		this.certificate = issued;
		this.history.add(new HistoryEntry(now, "CERTIFICATE_ISSUED", issued.dossierCode(), issued.number()));
		return List.of(new CertificateIssued(UUID.randomUUID(), now, this.number, this.organisationId, issued.number(),
				issued.documentId(), supersedes, issued.dossierCode()));
	}

	void requireActive() {
		if (this.status != Status.ACTIVE) {
			throw ApiException.conflict("seal.not-active", this.number);
		}
	}

	public boolean isActive() {
		return this.status == Status.ACTIVE;
	}

	public String number() {
		return this.number;
	}

	public String organisationId() {
		return this.organisationId;
	}

	public String organisationName() {
		return this.organisationName;
	}

	public SealKind kind() {
		return this.kind;
	}

	public String inscription() {
		return this.inscription;
	}

	public Specimen specimen() {
		return this.specimen;
	}

	public String unitCode() {
		return this.unitCode;
	}

	public String unitName() {
		return this.unitName;
	}

	public String province() {
		return this.province;
	}

	public LocalDate registeredOn() {
		return this.registeredOn;
	}

	public String dossierCode() {
		return this.dossierCode;
	}

	public Status status() {
		return this.status;
	}

	public String replacedBy() {
		return this.replacedBy;
	}

	public String withdrawalReason() {
		return this.withdrawalReason;
	}

	public Certificate certificate() {
		return this.certificate;
	}

	public List<Certificate> formerCertificates() {
		return List.copyOf(this.formerCertificates);
	}

	public List<HistoryEntry> history() {
		return List.copyOf(this.history);
	}

}
