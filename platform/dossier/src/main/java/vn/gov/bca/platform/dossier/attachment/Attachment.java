package vn.gov.bca.platform.dossier.attachment;

import java.time.Instant;

/**
 * A file attached to a dossier (a form, a photo, a certificate), as stored in GridFS.
 *
 * @param id the file's id, used to download it
 * @param dossierCode the dossier it belongs to
 * @param kind what it is for the procedure (e.g. {@code TK01}, {@code PHOTO_4X6})
 * @param filename the name it was uploaded with (shown, never trusted)
 * @param mediaType the type found from its bytes
 * @param size bytes
 * @param sha256 hex digest, for integrity checks and duplicates
 * @param uploadedAt when
 * @param uploadedBy the account that uploaded it
 * @param signature the digital signature checked at upload, for a document the law wants signed; null otherwise
 */
public record Attachment(String id, String dossierCode, String kind, String filename, String mediaType, long size,
		String sha256, Instant uploadedAt, String uploadedBy, Signature signature) {

	/**
	 * The signature a signed PDF carried when it was uploaded: intact over the whole file and of a
	 * signer the trust list accepts (nothing else is stored).
	 *
	 * @param signer the signing certificate's subject (RFC 2253)
	 * @param signedAt the signing time the signer wrote, if any
	 */
	public record Signature(String signer, Instant signedAt) {
	}

}
