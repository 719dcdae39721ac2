package vn.gov.bca.identity.registry;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;

/**
 * Who may see and act on a citizen's record and account (security review, finding 2): an
 * administrator nationwide; an officer or supervisor only within their agency's province, which
 * must be the record's {@linkplain Citizen#responsibleProvince() responsible province} (its current
 * permanent address, else its temporary one). Anyone else learns nothing: a record outside one's
 * province answers 404 exactly as a missing one, for reads and for actions alike.
 */
public final class RegistryAccess {

	private RegistryAccess() {
	}

	/** Whether the caller, an officer or administrator, may see and act on this record. */
	public static boolean mayActOn(Caller caller, Citizen citizen) {
		if (caller.hasRole(Caller.ADMIN)) {
			return true;
		}
		return caller.isOfficer() && caller.province() != null
				&& caller.province().equals(citizen.responsibleProvince());
	}

	/** The record, if the caller may act on it; 404 otherwise, as if there were none. */
	public static Citizen requireActOn(Caller caller, Citizen citizen) {
		if (!mayActOn(caller, citizen)) {
			throw ApiException.notFound("citizen");
		}
		return citizen;
	}

	/**
	 * An officer enters only people who live in their province: the new record's responsible
	 * province must be theirs (403: the officer knows what they sent, nothing is revealed).
	 */
	public static void requireMayEnter(Caller caller, String responsibleProvince) {
		if (caller.hasRole(Caller.ADMIN)) {
			return;
		}
		if (!caller.isOfficer() || caller.province() == null || !caller.province().equals(responsibleProvince)) {
			throw ApiException.forbidden("citizen.outside-province");
		}
	}

	/**
	 * The province an officer's search is limited to: their own (also when they name none); another
	 * one is refused with 403. Administrators search the province they name, or the whole country.
	 */
	public static String searchProvince(Caller caller, String requested) {
		if (caller.hasRole(Caller.ADMIN)) {
			return requested;
		}
		if (!caller.isOfficer() || caller.province() == null
				|| (requested != null && !requested.equals(caller.province()))) {
			throw ApiException.forbidden("citizen.outside-province");
		}
		return caller.province();
	}

}
