package vn.gov.bca.platform.web.security;

/** Personal id numbers never appear in logs in full. */
public final class PersonalIds {

	private PersonalIds() {
	}

	/** {@code 001085012345} becomes {@code 001*****2345}. */
	public static String mask(String personalId) {
		if (personalId == null) {
			return null;
		}
		if (personalId.length() < 8) {
			return "*".repeat(personalId.length());
		}
		return personalId.substring(0, 3) + "*".repeat(personalId.length() - 7)
				+ personalId.substring(personalId.length() - 4);
	}

}
