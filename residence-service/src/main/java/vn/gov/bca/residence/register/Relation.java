package vn.gov.bca.residence.register;

/** A person's relation to the head of their household, as the residence records and the registry name it. */
public enum Relation {

	HEAD, SPOUSE, CHILD, FATHER, MOTHER, GRANDCHILD, GRANDPARENT, SIBLING, CHILD_IN_LAW, OTHER

}
