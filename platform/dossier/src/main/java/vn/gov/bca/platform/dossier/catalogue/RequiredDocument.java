package vn.gov.bca.platform.dossier.catalogue;

import java.util.List;

/**
 * A document the applicant submits with the dossier, as the procedure's published list states it,
 * so the portal and the counter ask for the same things and an upload can be checked.
 *
 * @param code stable within the procedure, referred to by attachments
 * @param nameVi the name in Vietnamese
 * @param nameEn the name in English
 * @param required whether the dossier is incomplete without it (an optional one applies in some
 * cases only, which its name says)
 * @param mediaTypes the accepted formats of an electronic copy, such as {@code application/pdf}
 * @param signedOnline whether an online applicant's copy must be a PDF carrying an intact digital
 * signature of a trusted signer (the law asks it of some procedures' online dossiers: seals)
 */
public record RequiredDocument(String code, String nameVi, String nameEn, boolean required, List<String> mediaTypes,
		boolean signedOnline) {

	public RequiredDocument {
		mediaTypes = (mediaTypes != null) ? List.copyOf(mediaTypes) : List.of();
	}

	/** Whether a file of that media type is accepted for this document. */
	public boolean accepts(String mediaType) {
		return this.mediaTypes.stream().anyMatch((accepted) -> accepted.equalsIgnoreCase(mediaType));
	}

}
