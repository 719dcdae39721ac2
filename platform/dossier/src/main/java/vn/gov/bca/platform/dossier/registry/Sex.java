package vn.gov.bca.platform.dossier.registry;

/** Sex as the population registry records it. */
public enum Sex {

	MALE, FEMALE

}
