package vn.gov.bca.platform.document.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.gov.bca.platform.document.signature.DevelopmentCa;

/** When a service may write a development keystore for itself, and when it must not. */
class DevelopmentKeysTests {

	private static final char[] PASSWORD = "password".toCharArray();

	@TempDir
	Path folder;

	@Test
	void aMissingKeystoreOrADevelopmentOneLackingAUnitIsWritten() {
		Path keystore = this.folder.resolve("service.p12");
		assertThat(DocumentsConfiguration.needsDevelopmentKeys(keystore, PASSWORD, Set.of("PA08-HN"))).isTrue();

		DevelopmentCa.write(keystore, PASSWORD, List.of("PA08-HN"), Instant.now(), DevelopmentCa.KeyType.EC_P256);
		assertThat(DocumentsConfiguration.needsDevelopmentKeys(keystore, PASSWORD, Set.of("PA08-HN"))).isFalse();
		assertThat(DocumentsConfiguration.needsDevelopmentKeys(keystore, PASSWORD, Set.of("PA08-HN", "PA08-DN")))
			.isTrue();
	}

	@Test
	void aKeystoreOfAnotherCaIsNeverReplaced() throws Exception {
		Path keystore = this.folder.resolve("real.p12");
		DevelopmentCa.write(keystore, PASSWORD, List.of("PA08-HN"), Instant.now(), DevelopmentCa.KeyType.EC_P256);
		// The same keys without the development CA's trusted entry: as a production keystore looks.
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keystore)) {
			store.load(in, PASSWORD);
		}
		store.deleteEntry(DevelopmentCa.CA_ALIAS);
		try (OutputStream out = Files.newOutputStream(keystore)) {
			store.store(out, PASSWORD);
		}
		byte[] before = Files.readAllBytes(keystore);

		assertThatThrownBy(
				() -> DocumentsConfiguration.needsDevelopmentKeys(keystore, PASSWORD, Set.of("PA08-HN", "PA08-DN")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("PA08-DN")
			.hasMessageContaining("not replaced");
		assertThat(Files.readAllBytes(keystore)).isEqualTo(before);
	}

}
