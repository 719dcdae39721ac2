package vn.gov.bca.seal.registry;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.web.error.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A seal's transitions, each harmless when a follow-up repeats it. */
class SealTests {

	private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

	private static Seal seal() {
		return Seal.register("PC06-HN-MD-2026-000001", "TC-1", "Trường Cao đẳng", SealKind.ORDINARY, "TRƯỜNG CAO ĐẲNG",
				new Seal.Specimen("0123456789abcdef01234567", "image/png", "ab".repeat(32), 1000), "PC06-HN",
				"Phòng PC06 Hà Nội", "01", LocalDate.of(2026, 12, 1), "PC06-HN-261201-0001", NOW).seal();
	}

	private static Seal.Certificate certificate(String number, String dossier) {
		return new Seal.Certificate(number, "doc-" + number, dossier, LocalDate.of(2026, 12, 1));
	}

	@Test
	void aCertificateIssuedAgainForTheSameDossierIsNothingAndANewOneMakesTheOldFormer() {
		Seal seal = seal();
		assertThat(seal.issueCertificate(certificate("GCN-1", "PC06-HN-261201-0001"), NOW)).hasSize(1);
		assertThat(seal.issueCertificate(certificate("GCN-1", "PC06-HN-261201-0001"), NOW)).isEmpty();
		assertThat(seal.issueCertificate(certificate("GCN-2", "PC06-HN-261202-0001"), NOW)).singleElement()
			.isInstanceOfSatisfying(Seal.CertificateIssued.class,
					(issued) -> assertThat(issued.supersedes()).isEqualTo("GCN-1"));
		assertThat(seal.certificate().number()).isEqualTo("GCN-2");
		assertThat(seal.formerCertificates()).extracting(Seal.Certificate::number).containsExactly("GCN-1");
	}

	@Test
	void aReplacedSealIsWithdrawnItsCertificateNoLongerInForceAndReplacingItAgainIsNothing() {
		Seal seal = seal();
		seal.issueCertificate(certificate("GCN-1", "PC06-HN-261201-0001"), NOW);
		assertThat(seal.replaceBy("PC06-HN-MD-2026-000002", "Con dấu bị mòn", "PC06-HN-261203-0001", NOW)).singleElement()
			.isInstanceOfSatisfying(Seal.SealWithdrawn.class, (withdrawn) -> {
				assertThat(withdrawn.status()).isEqualTo(Seal.Status.REPLACED);
				assertThat(withdrawn.replacedBy()).isEqualTo("PC06-HN-MD-2026-000002");
			});
		assertThat(seal.isActive()).isFalse();
		assertThat(seal.certificate()).isNull();
		assertThat(seal.formerCertificates()).extracting(Seal.Certificate::number).containsExactly("GCN-1");
		assertThat(seal.replaceBy("PC06-HN-MD-2026-000002", "Con dấu bị mòn", "PC06-HN-261203-0001", NOW)).isEmpty();
		assertThatThrownBy(() -> seal.replaceBy("PC06-HN-MD-2026-000003", "Mất", "PC06-HN-261204-0001", NOW))
			.isInstanceOfSatisfying(ApiException.class,
					(refused) -> assertThat(refused.type().status().value()).isEqualTo(409));
		assertThat(seal.history()).extracting(Seal.HistoryEntry::action)
			.containsExactly("REGISTERED", "CERTIFICATE_ISSUED", "REPLACED");
	}

}
