package vn.gov.bca.platform.document.register;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;

import vn.gov.bca.platform.data.outbox.DomainEvent;
import vn.gov.bca.platform.data.outbox.EventSchemaScope;
import vn.gov.bca.platform.document.AdministrativeDocument.Row;
import vn.gov.bca.platform.web.error.IllegalTransitionException;
import vn.gov.bca.platform.web.security.Caller;

/**
 * One document a service issued, as its register keeps it: what it is, whose, by which unit, the
 * SHA-256 of the signed PDF (stored in GridFS, never changed) and whether it is still in force. A
 * document is VALID until an officer of its unit's province revokes it (with a reason) or a newer
 * document of the same thing supersedes it; both are final.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class IssuedDocument {

	public enum Status {

		VALID, REVOKED, SUPERSEDED

	}

	/**
	 * What it was issued for, once ({@code PAYMENT_RECEIPT:<order>}): the same request again finds
	 * this document, and two at once cannot both be stored. Also the events' key.
	 */
	@Id
	private String key;

	/** The public id, random (80 bits): in the verification URL and the download path. */
	private String documentId;

	/** Printed in the verification URL with the id: without it the id alone verifies nothing. */
	private String check;

	private String type;

	private String title;

	private String number;

	private String reference;

	private Holder holder;

	private Issuer issuer;

	private Instant issuedAt;

	private String fileId;

	private String sha256;

	private long size;

	private List<Row> facts;

	private Status status;

	private Revocation revocation;

	private String supersededBy;

	private String supersedes;

	@JsonIgnore
	long version;

	/**
	 * Who the document is of: {@code personalId} (null for an organisation) and {@code name}, shown
	 * masked to verifiers unless an organisation's. They may download it, and so may
	 * {@code representative} when someone asked for it on their behalf (a parent for a child, an
	 * organisation's legal representative).
	 */
	public record Holder(String personalId, String name, boolean organisation, String representative) {

		public static Holder person(String personalId, String name) {
			return new Holder(personalId, name, false, null);
		}

		/** A person's document asked for by another ({@code representative}); the same person is {@link #person}. */
		public static Holder person(String personalId, String name, String representative) {
			return new Holder(personalId, name, false,
					(representative != null && !representative.equals(personalId)) ? representative : null);
		}

		public static Holder organisation(String name, String representative) {
			return new Holder(null, name, true, representative);
		}

		boolean isOrRepresents(Caller caller) {
			return caller.owns(this.personalId) || caller.owns(this.representative);
		}

	}

	/** The issuing unit: its code (the alias of its signing key), name, and province (null for a central unit). */
	public record Issuer(String code, String name, String province) {
	}

	public record Revocation(String reason, String revokedBy, Instant revokedAt) {
	}

	/** Published on the topic of each service that issues documents; one schema each, under {@code event-schemas/document/}. */
	@EventSchemaScope("document")
	public sealed interface DocumentEvent extends DomainEvent {

	}

	/**
	 * Keyed by the document's key; no personal data (the holder is the referenced dossier's or
	 * order's) and not the check value, so a reader of the topic cannot verify what it has not seen.
	 */
	public record DocumentIssued(UUID eventId, Instant occurredAt, String aggregateId, String documentId,
			String documentType, String number, String reference, String issuingUnit, String sha256,
			String supersedes) implements DocumentEvent {
	}

	public record DocumentRevoked(UUID eventId, Instant occurredAt, String aggregateId, String documentId,
			String documentType, String reference, String reason) implements DocumentEvent {
	}

	public record DocumentSuperseded(UUID eventId, Instant occurredAt, String aggregateId, String documentId,
			String documentType, String reference, String supersededBy) implements DocumentEvent {
	}

	IssuedDocument() {
	}

	record Issued(IssuedDocument document, DocumentIssued event) {
	}

	static Issued issue(String id, String check, DocumentRequest request, Instant issuedAt, String fileId,
			String sha256, long size) {
		IssuedDocument document = new IssuedDocument();
		document.key = request.key();
		document.documentId = id;
		document.check = check;
		document.type = request.type();
		document.title = request.content().title();
		document.number = request.content().number();
		document.reference = request.reference();
		document.holder = request.holder();
		document.issuer = request.issuer();
		document.issuedAt = issuedAt;
		document.fileId = fileId;
		document.sha256 = sha256;
		document.size = size;
		document.facts = List.copyOf(request.publicFacts());
		document.status = Status.VALID;
		document.supersedes = request.supersedes();
		return new Issued(document, new DocumentIssued(UUID.randomUUID(), issuedAt, document.key, id, document.type,
				document.number, document.reference, document.issuer.code(), sha256, request.supersedes()));
	}

	/**
	 * By an officer or supervisor of the unit's province (403 otherwise; a central unit's only by its
	 * agency's officers, whose token names no province: none here yet), once (409 after, and for a
	 * superseded document).
	 */
	List<DocumentEvent> revoke(String reason, Caller officer, Instant now) {
		requireOfficer(officer);
		if (this.status != Status.VALID) {
			throw new IllegalTransitionException(this.status, "revoke");
		}
		this.status = Status.REVOKED;
		this.revocation = new Revocation(reason, officer.subject(), now);
		return List.of(new DocumentRevoked(UUID.randomUUID(), now, this.key, this.documentId, this.type, this.reference, reason));
	}

	/**
	 * By the document {@code newer} (its public id) of the same thing; again by the same is nothing,
	 * a revoked one stays revoked.
	 */
	List<DocumentEvent> supersede(String newer, Instant now) {
		if (this.status == Status.SUPERSEDED && newer.equals(this.supersededBy) || this.status == Status.REVOKED) {
			return List.of();
		}
		if (this.status != Status.VALID) {
			throw new IllegalTransitionException(this.status, "supersede");
		}
		this.status = Status.SUPERSEDED;
		this.supersededBy = newer;
		return List.of(new DocumentSuperseded(UUID.randomUUID(), now, this.key, this.documentId, this.type,
				this.reference, newer));
	}

	void requireOfficer(Caller officer) {
		officer.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR).requireOfficerOf(this.issuer.province());
	}

	/** The holder or their representative, or an officer of the issuing unit's province (403 for another's); 404 to anyone else. */
	void requireReadableBy(Caller caller) {
		caller.requireSelfOrOfficerOf(this.holder.isOrRepresents(caller), this.issuer.province(), "document");
	}

	/** Whether {@code given} is the check value (compared in constant time). */
	boolean checks(String given) {
		return given != null && MessageDigest.isEqual(this.check.getBytes(StandardCharsets.US_ASCII),
				given.getBytes(StandardCharsets.US_ASCII));
	}

	/** The public id. */
	public String id() {
		return this.documentId;
	}

	String check() {
		return this.check;
	}

	public String key() {
		return this.key;
	}

	public String type() {
		return this.type;
	}

	public String title() {
		return this.title;
	}

	public String number() {
		return this.number;
	}

	public String reference() {
		return this.reference;
	}

	public Holder holder() {
		return this.holder;
	}

	public Issuer issuer() {
		return this.issuer;
	}

	public Instant issuedAt() {
		return this.issuedAt;
	}

	String fileId() {
		return this.fileId;
	}

	public String sha256() {
		return this.sha256;
	}

	public long size() {
		return this.size;
	}

	public List<Row> facts() {
		return this.facts;
	}

	public Status status() {
		return this.status;
	}

	public Revocation revocation() {
		return this.revocation;
	}

	public String supersededBy() {
		return this.supersededBy;
	}

	public String supersedes() {
		return this.supersedes;
	}

}
