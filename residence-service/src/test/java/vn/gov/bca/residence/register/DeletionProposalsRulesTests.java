package vn.gov.bca.residence.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.dossier.Address;

/**
 * The automatic cases of deletion the nightly check proposes, by their boundaries:
 * <ul>
 * <li>a temporary residence whose period ended without a renewal (Law on Residence Art. 27(3),
 * 28(4)) from the day after its last day, never on the last day itself;</li>
 * <li>Art. 24(1)(d), twelve months of absence from the place of permanent residence counted from the
 * day after the last stay elsewhere the register knows ended: proposed on the day the twelve months
 * are complete, not the day before; not while that stay runs, nor for a stay in the commune of the
 * permanent residence.</li>
 * </ul>
 */
class DeletionProposalsRulesTests {

	private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

	private static final Address HOME = new Address("01", "Phường Hoàn Kiếm", "12 phố Hàng Bạc");

	private static final Address ELSEWHERE = new Address("79", "Phường Sài Gòn", "1 Lê Lợi");

	private static ResidentFile.Entry permanent(String dossier, Address address, LocalDate from) {
		return new ResidentFile.Entry(dossier + "/0", ResidentFile.Kind.PERMANENT, address,
				new ResidentFile.Household("010000000001", "001080000001", Relation.HEAD), from, null, null, dossier,
				"PC06-HN", ResidentFile.State.CURRENT, null, null, null);
	}

	private static ResidentFile.Entry temporary(String dossier, Address address, LocalDate from, LocalDate until) {
		return new ResidentFile.Entry(dossier + "/0", ResidentFile.Kind.TEMPORARY, address, null, from, until, null,
				dossier, "PC06-HCM", ResidentFile.State.CURRENT, null, null, null);
	}

	@Test
	void aTemporaryResidenceIsProposedForDeletionFromTheDayAfterItsLastDay() {
		LocalDate last = LocalDate.of(2026, 6, 30);
		ResidentFile file = ResidentFile.open("001090000101");
		file.registerTemporary(temporary("PC06-HN-260101-0101", HOME, LocalDate.of(2026, 1, 1), last), NOW);

		assertThat(DeletionProposals.temporaryEnded(file, last)).isEmpty();
		assertThat(DeletionProposals.temporaryEnded(file, last.minusDays(1))).isEmpty();
		assertThat(DeletionProposals.temporaryEnded(file, last.plusDays(1))).hasValueSatisfying((proposal) -> {
			assertThat(proposal.personalId()).isEqualTo("001090000101");
			assertThat(proposal.entryId()).isEqualTo("PC06-HN-260101-0101/0");
			assertThat(proposal.kind()).isEqualTo(ResidentFile.Kind.TEMPORARY);
			assertThat(proposal.reason()).isEqualTo(DeletionProposals.Case.TEMPORARY_PERIOD_ENDED);
			assertThat(proposal.ground()).contains("Điều 27(3), 28(4)");
			assertThat(proposal.appliesSince()).isEqualTo(last.plusDays(1));
			assertThat(proposal.proposedOn()).isEqualTo(last.plusDays(1));
			assertThat(proposal.province()).isEqualTo("01");
			assertThat(proposal.commune()).isEqualTo("Phường Hoàn Kiếm");
			assertThat(proposal.status()).isEqualTo(DeletionProposals.Status.OPEN);
			// The id goes into URLs and events: the file's reference, not the personal id, and no slash.
			assertThat(proposal.id()).isEqualTo(file.reference() + "-PC06-HN-260101-0101-0-TEMPORARY_PERIOD_ENDED")
				.doesNotContain("001090000101", "/");
		});
		// Proposed again a day later, it is the same proposal (one id: the check proposes it once).
		assertThat(DeletionProposals.temporaryEnded(file, last.plusDays(2))).map(DeletionProposals.Proposal::id)
			.isEqualTo(DeletionProposals.temporaryEnded(file, last.plusDays(1)).map(DeletionProposals.Proposal::id));
	}

	@Test
	void aTemporaryResidenceDeletedOrReplacedIsNotProposed() {
		LocalDate last = LocalDate.of(2026, 6, 30);
		ResidentFile file = ResidentFile.open("001090000102");
		file.registerTemporary(temporary("PC06-HN-260101-0102", HOME, LocalDate.of(2026, 1, 1), last), NOW);
		file.delete(ResidentFile.Kind.TEMPORARY, null, last.minusDays(3), "ground", "PC06-HN-260627-0001", NOW);
		assertThat(DeletionProposals.temporaryEnded(file, last.plusDays(1))).isEmpty();
	}

	@Test
	void twelveMonthsOfAbsenceAreCountedFromTheDayAfterTheStayElsewhereEnded() {
		LocalDate ended = LocalDate.of(2025, 1, 31);
		ResidentFile file = ResidentFile.open("001090000103");
		file.registerPermanent(permanent("PC06-HN-200101-0103", HOME, LocalDate.of(2020, 1, 1)), NOW);
		file.registerTemporary(temporary("PC06-HCM-240201-0103", ELSEWHERE, LocalDate.of(2024, 2, 1), ended), NOW);

		// Absent from 1 February 2025: twelve months complete on 1 February 2026.
		LocalDate complete = LocalDate.of(2026, 2, 1);
		assertThat(ended.plusDays(1).plusMonths(12)).isEqualTo(complete);
		assertThat(DeletionProposals.absentTwelveMonths(file, complete.minusDays(1))).isEmpty();
		assertThat(DeletionProposals.absentTwelveMonths(file, complete)).hasValueSatisfying((proposal) -> {
			assertThat(proposal.reason()).isEqualTo(DeletionProposals.Case.ABSENT_TWELVE_MONTHS);
			assertThat(proposal.ground()).contains("Điều 24(1)(d)");
			assertThat(proposal.kind()).isEqualTo(ResidentFile.Kind.PERMANENT);
			assertThat(proposal.entryId()).isEqualTo("PC06-HN-200101-0103/0");
			// Proposed to the officers of the permanent residence's province.
			assertThat(proposal.province()).isEqualTo("01");
			assertThat(proposal.appliesSince()).isEqualTo(complete);
		});
	}

	@Test
	void aStayElsewhereThatStillRunsOrAStayInTheSameCommuneIsNoAbsence() {
		ResidentFile running = ResidentFile.open("001090000104");
		running.registerPermanent(permanent("PC06-HN-200101-0104", HOME, LocalDate.of(2020, 1, 1)), NOW);
		running.registerTemporary(
				temporary("PC06-HCM-240201-0104", ELSEWHERE, LocalDate.of(2024, 2, 1), LocalDate.of(2027, 1, 31)), NOW);
		assertThat(DeletionProposals.absentTwelveMonths(running, LocalDate.of(2026, 6, 1))).isEmpty();

		ResidentFile sameCommune = ResidentFile.open("001090000105");
		sameCommune.registerPermanent(permanent("PC06-HN-200101-0105", HOME, LocalDate.of(2020, 1, 1)), NOW);
		sameCommune.registerTemporary(temporary("PC06-HN-240201-0105",
				new Address("01", "Phường Hoàn Kiếm", "3 phố Hàng Đào"), LocalDate.of(2024, 2, 1),
				LocalDate.of(2025, 1, 31)), NOW);
		assertThat(DeletionProposals.absentTwelveMonths(sameCommune, LocalDate.of(2027, 1, 1))).isEmpty();

		ResidentFile never = ResidentFile.open("001090000106");
		never.registerPermanent(permanent("PC06-HN-200101-0106", HOME, LocalDate.of(2020, 1, 1)), NOW);
		assertThat(DeletionProposals.absentTwelveMonths(never, LocalDate.of(2030, 1, 1))).isEmpty();
	}

	@Test
	void aStayElsewhereDeletedEarlyIsCountedFromTheDayAfterItsDeletion() {
		ResidentFile file = ResidentFile.open("001090000107");
		file.registerPermanent(permanent("PC06-HN-200101-0107", HOME, LocalDate.of(2020, 1, 1)), NOW);
		file.registerTemporary(
				temporary("PC06-HCM-240201-0107", ELSEWHERE, LocalDate.of(2024, 2, 1), LocalDate.of(2026, 1, 31)), NOW);
		LocalDate deletedOn = LocalDate.of(2025, 3, 10);
		file.delete(ResidentFile.Kind.TEMPORARY, null, deletedOn, "ground", "PC06-HCM-250310-0001", NOW);

		LocalDate complete = deletedOn.plusDays(1).plusMonths(12);
		assertThat(DeletionProposals.absentTwelveMonths(file, complete.minusDays(1))).isEmpty();
		assertThat(DeletionProposals.absentTwelveMonths(file, complete)).map(DeletionProposals.Proposal::appliesSince)
			.contains(complete);
	}

}
