package vn.gov.bca.platform.dossier.catalogue;

/**
 * Which level of the Ministry of Public Security handles a procedure. The same service is often
 * offered at two levels with different time limits (a passport: 8 working days at a provincial
 * office, 5 at the central department), so each level is a procedure of its own.
 */
public enum AgencyLevel {

	/** A department of the ministry (for example the Immigration Department). */
	CENTRAL,

	/** The police of a province or centrally-run city. */
	PROVINCIAL,

	/** The police of a commune, ward or special zone. */
	COMMUNE

}
