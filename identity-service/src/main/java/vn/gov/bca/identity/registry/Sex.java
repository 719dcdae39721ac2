package vn.gov.bca.identity.registry;

/** Sex as recorded in the population registry; it is encoded in the personal identification number. */
public enum Sex {

	MALE, FEMALE

}
