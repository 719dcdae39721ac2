package vn.gov.bca.residence.registration;

import java.time.Instant;
import java.util.Set;

/**
 * The consent a registration needs from one person (Law on Residence Art. 20(2)-(3), 28(1)): the
 * household head, the owner of the home, the parent or guardian of a minor; one person in several
 * roles consents once. Given by that person through their own VNeID account, or as a signed paper
 * the officer uploads at the counter.
 */
public record Consent(String personalId, String fullName, Set<Role> roles, Status status, Way way,
		String attachmentId, String note, Instant decidedAt) {

	public enum Role {

		HOUSEHOLD_HEAD, OWNER, GUARDIAN

	}

	public enum Status {

		PENDING, GIVEN, REFUSED

	}

	public enum Way {

		VNEID, SIGNED_DOCUMENT

	}

	static Consent asked(String personalId, String fullName, Set<Role> roles) {
		return new Consent(personalId, fullName, Set.copyOf(roles), Status.PENDING, null, null, null, null);
	}

	Consent decided(boolean given, Way way, String attachmentId, String note, Instant at) {
		return new Consent(this.personalId, this.fullName, this.roles, given ? Status.GIVEN : Status.REFUSED, way,
				attachmentId, note, at);
	}

}
