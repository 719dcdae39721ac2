package vn.gov.bca.platform.document.register;

import java.time.Instant;
import java.util.List;

import vn.gov.bca.platform.document.AdministrativeDocument.Row;
import vn.gov.bca.platform.document.signature.SignatureCheck;
import vn.gov.bca.platform.web.security.PersonalIds;

/**
 * What a verifier (another agency, the police at a checkpoint, anyone holding the paper) is told
 * about a document: whether it is genuine and still in force, and only what is needed to match it
 * with the paper in front of them: number, unit, date, the holder masked (a person's name as
 * initials, the personal id as {@code 001******1234}) and the facts the issuing service chose.
 *
 * @param result VALID, REVOKED or SUPERSEDED for a document of the register whose stored file is
 * intact; NOT_GENUINE for a file the register never issued (or whose stored copy no longer verifies)
 * @param signature the check of the issuing unit's signature in the stored file
 * @param revocation why and when it was revoked (REVOKED only)
 * @param supersededBy the id of the document that replaced it (SUPERSEDED only)
 */
public record Verification(Result result, String id, String type, String title, String number, Unit issuingUnit,
		Instant issuedAt, String holder, String holderId, List<Row> facts, String sha256, Signature signature,
		Revocation revocation, String supersededBy) {

	public enum Result {

		VALID, REVOKED, SUPERSEDED, NOT_GENUINE

	}

	public record Unit(String code, String name) {
	}

	/**
	 * @param intact the signed bytes are unchanged and nothing was appended
	 * @param trusted the signing certificate chains to the trust list
	 * @param signer the subject of the signing certificate
	 * @param signedAt the signing time the signer claims
	 */
	public record Signature(boolean intact, boolean trusted, String signer, Instant signedAt) {

		static Signature of(SignatureCheck.Result check) {
			return new Signature(check.intact() && check.coversWholeFile(), check.trusted(),
					check.signerSubject().orElse(null), check.signingTime().orElse(null));
		}

	}

	public record Revocation(String reason, Instant revokedAt) {
	}

	/** @param storedSha256 the SHA-256 of the file as it is stored now */
	static Verification of(IssuedDocument document, String storedSha256, SignatureCheck.Result check) {
		boolean genuine = check.valid() && storedSha256.equals(document.sha256());
		Result result = !genuine ? Result.NOT_GENUINE : switch (document.status()) {
			case VALID -> Result.VALID;
			case REVOKED -> Result.REVOKED;
			case SUPERSEDED -> Result.SUPERSEDED;
		};
		IssuedDocument.Holder holder = document.holder();
		return new Verification(result, document.id(), document.type(), document.title(), document.number(),
				new Unit(document.issuer().code(), document.issuer().name()), document.issuedAt(),
				holder.organisation() ? holder.name() : PersonalIds.initials(holder.name()),
				PersonalIds.mask(holder.personalId()), document.facts(), document.sha256(), Signature.of(check),
				(document.revocation() != null)
						? new Revocation(document.revocation().reason(), document.revocation().revokedAt()) : null,
				document.supersededBy());
	}

	/** A file the register does not know. */
	static Verification notGenuine() {
		return new Verification(Result.NOT_GENUINE, null, null, null, null, null, null, null, null, List.of(), null,
				null, null, null);
	}

}
