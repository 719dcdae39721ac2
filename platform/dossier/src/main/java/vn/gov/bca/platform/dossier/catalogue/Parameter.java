package vn.gov.bca.platform.dossier.catalogue;

/**
 * A value of a procedure that its service's rules read (a time window, an age), kept in the
 * catalogue with where it comes from, so that an administrator changes it when the law or its
 * reading changes, without a release.
 *
 * @param name the name the service asks for
 * @param value the value, as text (the service parses it)
 * @param source the legal basis, or why this value was chosen where the law sets none
 */
public record Parameter(String name, String value, String source) {
}
