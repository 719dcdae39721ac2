package vn.gov.bca.identity.registry;

/**
 * A parent or spouse as the registry records them: by personal id when they have one, and always by
 * name (a parent who died before the registry existed may have no number).
 */
public record Kin(String personalId, String fullName) {

	public Kin {
		fullName = (fullName != null) ? VietnameseText.normalize(fullName) : null;
	}

}
