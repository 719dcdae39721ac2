package vn.gov.bca.platform.dossier.catalogue;

/**
 * One fee a dossier owes: what the applicant is asked to pay and what is sent to the portal and the
 * payment platform.
 *
 * @param code the fee's code
 * @param nameVi the name in Vietnamese
 * @param nameEn the name in English
 * @param amount the amount in VND
 */
public record FeeDue(String code, String nameVi, String nameEn, long amount) {
}
