package vn.gov.bca.residence.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.data.outbox.DomainEvent;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.dossier.Address;

/**
 * A person's file in the residence register: one permanent and one temporary residence current at
 * most. A permanent registration ends the previous permanent one and deletes a temporary one in the
 * same commune (Law on Residence Art. 29(1)(đ)) but not one elsewhere; a second temporary
 * registration replaces the first; each transition applied twice (a follow-up run again) changes
 * nothing the second time; deleting what is not there is a 409, and the same decision deleting
 * twice is harmless. Nothing is removed from the file, and no event names the person.
 */
class ResidentFileTests {

	private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

	private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

	private static final Address HOAN_KIEM = new Address("01", "Phường Hoàn Kiếm", "12 phố Hàng Bạc");

	private static final Address BA_DINH = new Address("01", "Phường Ba Đình", "5 phố Đội Cấn");

	private static final Address SAI_GON = new Address("79", "Phường Sài Gòn", "1 Lê Lợi");

	private static ResidentFile.Entry permanent(String dossier, Address address, LocalDate from) {
		return new ResidentFile.Entry(dossier + "/0", ResidentFile.Kind.PERMANENT, address,
				new ResidentFile.Household("010000000001", "001080000001", Relation.HEAD), from, null, null, dossier,
				"PC06-HN", ResidentFile.State.CURRENT, null, null, null);
	}

	private static ResidentFile.Entry temporary(String dossier, Address address, LocalDate from, LocalDate until) {
		return new ResidentFile.Entry(dossier + "/0", ResidentFile.Kind.TEMPORARY, address, null, from, until, null,
				dossier, "PC06-HN", ResidentFile.State.CURRENT, null, null, null);
	}

	private static ResidentFile.Entry entry(ResidentFile file, String id) {
		return file.entry(id).orElseThrow();
	}

	@Test
	void aPermanentRegistrationEndsThePreviousOneAndATemporaryOneInTheSameCommune() {
		ResidentFile file = ResidentFile.open("001090000001");
		file.registerPermanent(permanent("PC06-HCM-200101-0001", SAI_GON, DAY.minusYears(6)), NOW);
		file.registerTemporary(temporary("PC06-HN-260101-0001", new Address("01", "phường  hoàn kiếm", "12 phố Hàng Bạc"),
				DAY.minusMonths(2), DAY.plusMonths(10)), NOW);

		List<DomainEvent> events = file.registerPermanent(permanent("PC06-HN-260302-0001", HOAN_KIEM, DAY), NOW);

		assertThat(events).singleElement().isInstanceOfSatisfying(ResidenceEvent.PermanentResidenceRegistered.class,
				(registered) -> {
					assertThat(registered.aggregateId()).isEqualTo(file.reference());
					assertThat(registered.entryId()).isEqualTo("PC06-HN-260302-0001/0");
					assertThat(registered.province()).isEqualTo("01");
					assertThat(registered.commune()).isEqualTo("Phường Hoàn Kiếm");
				});
		assertThat(file.currentOf(ResidentFile.Kind.PERMANENT)).map(ResidentFile.Entry::id)
			.contains("PC06-HN-260302-0001/0");
		assertThat(file.currentOf(ResidentFile.Kind.TEMPORARY)).isEmpty();
		ResidentFile.Entry previous = entry(file, "PC06-HCM-200101-0001/0");
		assertThat(previous.state()).isEqualTo(ResidentFile.State.ENDED);
		assertThat(previous.endedOn()).isEqualTo(DAY);
		assertThat(previous.endedBy()).isEqualTo("PC06-HN-260302-0001");
		ResidentFile.Entry temporary = entry(file, "PC06-HN-260101-0001/0");
		assertThat(temporary.state()).isEqualTo(ResidentFile.State.DELETED);
		assertThat(temporary.endedOn()).isEqualTo(DAY);
		assertThat(temporary.endReason()).contains("Điều 29(1)(đ)");
		// Nothing is removed: the three residences stay in the file.
		assertThat(file.entries()).hasSize(3);
	}

	@Test
	void aTemporaryResidenceElsewhereOutlivesAPermanentRegistration() {
		ResidentFile file = ResidentFile.open("001090000002");
		file.registerTemporary(temporary("PC06-HN-260101-0002", BA_DINH, DAY.minusMonths(2), DAY.plusMonths(10)), NOW);
		file.registerPermanent(permanent("PC06-HN-260302-0002", HOAN_KIEM, DAY), NOW);
		assertThat(file.currentOf(ResidentFile.Kind.TEMPORARY)).map(ResidentFile.Entry::id)
			.contains("PC06-HN-260101-0002/0");
		assertThat(file.currentOf(ResidentFile.Kind.PERMANENT)).isPresent();
	}

	@Test
	void aSecondTemporaryRegistrationReplacesTheFirst() {
		ResidentFile file = ResidentFile.open("001090000003");
		file.registerTemporary(temporary("PC06-HN-260101-0003", BA_DINH, DAY.minusMonths(2), DAY.plusMonths(10)), NOW);
		List<DomainEvent> events = file.registerTemporary(
				temporary("PC06-HN-260302-0003", HOAN_KIEM, DAY, DAY.plusYears(1)), NOW);

		assertThat(events).singleElement().isInstanceOfSatisfying(ResidenceEvent.TemporaryResidenceRegistered.class,
				(registered) -> {
					assertThat(registered.aggregateId()).isEqualTo(file.reference()).doesNotContain("001090000003");
					assertThat(registered.until()).isEqualTo(DAY.plusYears(1));
				});
		assertThat(file.entries()).filteredOn(ResidentFile.Entry::isCurrent)
			.singleElement()
			.extracting(ResidentFile.Entry::id)
			.isEqualTo("PC06-HN-260302-0003/0");
		ResidentFile.Entry first = entry(file, "PC06-HN-260101-0003/0");
		assertThat(first.state()).isEqualTo(ResidentFile.State.ENDED);
		assertThat(first.endedOn()).isEqualTo(DAY);
		assertThat(first.endedBy()).isEqualTo("PC06-HN-260302-0003");
	}

	@Test
	void theSameEntryTwiceIsRecordedOnce() {
		ResidentFile file = ResidentFile.open("001090000004");
		ResidentFile.Entry temporary = temporary("PC06-HN-260302-0004", HOAN_KIEM, DAY, DAY.plusYears(1));
		assertThat(file.registerTemporary(temporary, NOW)).hasSize(1);
		assertThat(file.registerTemporary(temporary, NOW)).isEmpty();
		ResidentFile.Entry permanent = permanent("PC06-HN-260302-0005", BA_DINH, DAY);
		assertThat(file.registerPermanent(permanent, NOW)).hasSize(1);
		assertThat(file.registerPermanent(permanent, NOW)).isEmpty();
		assertThat(file.entries()).extracting(ResidentFile.Entry::id)
			.containsExactly("PC06-HN-260302-0004/0", "PC06-HN-260302-0005/0");
		assertThat(file.entries()).allMatch(ResidentFile.Entry::isCurrent);
		// A renewal to the same last day again changes nothing either.
		assertThat(file.renewTemporary("PC06-HN-270215-0001", DAY.plusYears(2), NOW)).hasSize(1);
		assertThat(file.renewTemporary("PC06-HN-270215-0001", DAY.plusYears(2), NOW)).isEmpty();
		assertThat(file.currentOf(ResidentFile.Kind.TEMPORARY)).map(ResidentFile.Entry::until)
			.contains(DAY.plusYears(2));
	}

	@Test
	void deletingWhatIsNotThereIsAConflict() {
		ResidentFile file = ResidentFile.open("001090000006");
		ApiException nothing = catchThrowableOfType(ApiException.class,
				() -> file.delete(ResidentFile.Kind.TEMPORARY, null, DAY, "ground", "PC06-HN-260302-0006", NOW));
		assertThat(nothing.type()).isEqualTo(ProblemType.CONFLICT);
		assertThat(nothing.type().status().value()).isEqualTo(409);
		assertThat(nothing.detailCode()).isEqualTo("residence.nothing-to-delete");

		// A permanent residence is not a temporary one to delete.
		file.registerPermanent(permanent("PC06-HN-260302-0007", HOAN_KIEM, DAY), NOW);
		assertThat(catchThrowableOfType(ApiException.class,
				() -> file.delete(ResidentFile.Kind.TEMPORARY, null, DAY, "ground", "PC06-HN-260302-0008", NOW))
			.detailCode()).isEqualTo("residence.nothing-to-delete");
	}

	@Test
	void theSameDecisionDeletingTwiceIsHarmless() {
		ResidentFile file = ResidentFile.open("001090000009");
		file.registerTemporary(temporary("PC06-HN-260101-0009", HOAN_KIEM, DAY.minusMonths(2), DAY.plusMonths(10)), NOW);
		String ground = "Luật Cư trú Điều 29(1)(c): không còn sinh sống tại nơi tạm trú";

		List<DomainEvent> first = file.delete(ResidentFile.Kind.TEMPORARY, null, DAY, ground, "PC06-HN-260302-0009",
				NOW);
		List<DomainEvent> second = file.delete(ResidentFile.Kind.TEMPORARY, null, DAY, ground, "PC06-HN-260302-0009",
				NOW);

		assertThat(first).singleElement().isInstanceOfSatisfying(ResidenceEvent.ResidenceDeleted.class, (deleted) -> {
			assertThat(deleted.aggregateId()).isEqualTo(file.reference());
			assertThat(deleted.kind()).isEqualTo(ResidentFile.Kind.TEMPORARY);
			assertThat(deleted.ground()).isEqualTo(ground);
			assertThat(deleted.decidedBy()).isEqualTo("PC06-HN-260302-0009");
		});
		assertThat(second).isEmpty();
		ResidentFile.Entry deleted = entry(file, "PC06-HN-260101-0009/0");
		assertThat(deleted.state()).isEqualTo(ResidentFile.State.DELETED);
		assertThat(deleted.endReason()).isEqualTo(ground);
		assertThat(deleted.endedOn()).isEqualTo(DAY);
		// Another decision finds nothing left to delete.
		assertThat(catchThrowableOfType(ApiException.class,
				() -> file.delete(ResidentFile.Kind.TEMPORARY, null, DAY, ground, "PC06-HN-260302-0010", NOW))
			.type()).isEqualTo(ProblemType.CONFLICT);
	}

	@Test
	void aDeletionNamingAnEntryDeletesOnlyThatEntry() {
		ResidentFile file = ResidentFile.open("001090000011");
		file.registerTemporary(temporary("PC06-HN-260101-0011", HOAN_KIEM, DAY.minusMonths(2), DAY.plusMonths(10)), NOW);
		// A proposal made for an entry that a new registration has since replaced deletes nothing else.
		file.registerTemporary(temporary("PC06-HN-260302-0011", BA_DINH, DAY, DAY.plusYears(1)), NOW);
		assertThat(catchThrowableOfType(ApiException.class, () -> file.delete(ResidentFile.Kind.TEMPORARY,
				"PC06-HN-260101-0011/0", DAY, "ground", "proposal:x", NOW))
			.detailCode()).isEqualTo("residence.nothing-to-delete");
		assertThat(file.currentOf(ResidentFile.Kind.TEMPORARY)).map(ResidentFile.Entry::id)
			.contains("PC06-HN-260302-0011/0");
	}

}
