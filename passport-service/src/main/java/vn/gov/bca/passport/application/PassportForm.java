package vn.gov.bca.passport.application;

/**
 * Form TK01 / TK01a as filed: the person the passport is for (the holder: the applicant, or their
 * child) and what they ask for. Identity data is checked against the population registry at
 * submission; the rest is the applicant's declaration.
 *
 * @param holderPersonalId the holder's personal id
 * @param holderFullName the holder's full name
 * @param holderBirthDate yyyy-MM-dd (or as the registry has it)
 * @param sex MALE or FEMALE
 * @param placeOfBirth the province of birth
 * @param phone a contact phone
 * @param occupation and employer: declared, not checked
 * @param employer see above
 * @param chip whether a chip passport is asked for (not for a child under 14)
 * @param previousPassportNumber for a re-issue: the passport lost or damaged
 * @param lostOrDamaged for a re-issue: LOST or DAMAGED
 */
public record PassportForm(String holderPersonalId, String holderFullName, String holderBirthDate, String sex,
		String placeOfBirth, String phone, String occupation, String employer, boolean chip,
		String previousPassportNumber, String lostOrDamaged) {
}
