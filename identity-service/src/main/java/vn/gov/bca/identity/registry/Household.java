package vn.gov.bca.identity.registry;

/**
 * A citizen's place in a household (hộ gia đình): the household's number, its head and the
 * citizen's relation to the head. Paper household books are gone (Project 06); this is their record.
 *
 * @param householdId the household's number in the residence database
 * @param headPersonalId the personal id of the head of household (the citizen's own if they are the head)
 * @param relationToHead how the citizen is related to the head ({@link Relation#HEAD} for the head)
 */
public record Household(String householdId, String headPersonalId, Relation relationToHead) {

	/** Relation to the head of household, as the residence records name them. */
	public enum Relation {

		HEAD, SPOUSE, CHILD, FATHER, MOTHER, GRANDCHILD, GRANDPARENT, SIBLING, CHILD_IN_LAW, OTHER

	}

}
