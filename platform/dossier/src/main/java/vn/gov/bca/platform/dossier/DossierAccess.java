package vn.gov.bca.platform.dossier;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;

/**
 * Who may see a dossier and who may act on it: the one access policy of every procedure's dossiers
 * (the aggregate guards its states, controllers only map HTTP).
 * <ul>
 * <li>The applicant sees their own dossier, an administrator any; an officer of the handling unit's province sees the
 * unit's dossiers (an officer of another province is refused, 403). To anyone else — another
 * citizen, a service — the dossier does not exist: 404, for a read and for an officer's action
 * alike, so that a dossier code cannot be tested for existence.</li>
 * <li>Only an officer of the handling unit's province handles it, and never a dossier of which they
 * are the applicant or the holder (segregation of duties: nobody accepts or approves their own
 * request), 403. The applicant calling an officer's action sees the dossier, so gets 403 too.</li>
 * </ul>
 */
public final class DossierAccess {

	private DossierAccess() {
	}

	/**
	 * The applicant, an administrator (reading), or an officer or supervisor of the handling unit's
	 * province (403 for another province); else 404.
	 */
	public static void requireVisible(Dossier dossier, Caller caller) {
		caller.requireSelfOrOfficerOf(caller.owns(dossier.applicant().personalId()) || caller.hasRole(Caller.ADMIN),
				dossier.handlingUnit().province(), "dossier");
	}

	/** An officer of the handling unit's province who is neither the applicant nor the holder. */
	public static void requireHandler(Dossier dossier, Caller caller) {
		if (!caller.isOfficer()) {
			requireVisible(dossier, caller);
			throw ApiException.forbidden("forbidden");
		}
		caller.requireOfficerOf(dossier.handlingUnit().province());
		String officer = caller.personalId();
		if (officer != null
				&& (officer.equals(dossier.applicant().personalId()) || officer.equals(dossier.holderPersonalId()))) {
			throw ApiException.forbidden("dossier.own-dossier");
		}
	}

	/** Only the applicant acts as the applicant; to anyone else the dossier does not exist (404). */
	public static void requireApplicant(Dossier dossier, Caller caller) {
		caller.requireOwner(dossier.applicant().personalId(), "dossier");
	}

}
