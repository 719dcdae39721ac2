package vn.gov.bca.platform.document.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.gov.bca.platform.document.signature.DevelopmentCa;
import vn.gov.bca.platform.document.signature.UnitKeys;

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

	/**
	 * Two instances of a service starting at once on a fresh data folder: one keystore is kept and
	 * both sign with it (the passport result notice signed by one was found not genuine by the other).
	 */
	@Test
	void instancesWritingTheKeystoreAtOnceAllLoadTheSameKeys() throws Exception {
		Path keystore = this.folder.resolve("passport-service.p12");
		ExecutorService instances = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> wrote = new ArrayList<>();
			CountDownLatch start = new CountDownLatch(1);
			for (int i = 0; i < 4; i++) {
				wrote.add(instances.submit(() -> {
					start.await();
					return DevelopmentCa.writeIfAbsent(keystore, PASSWORD, List.of("PA08-HN"), Instant.now());
				}));
			}
			start.countDown();
			int written = 0;
			for (Future<Boolean> one : wrote) {
				written += one.get(30, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(written).as("keystores kept").isEqualTo(1);
		}
		finally {
			instances.shutdownNow();
		}
		// The one kept is whole (never half a file, nor a temporary one left behind).
		assertThat(UnitKeys.load(keystore, PASSWORD).missing(List.of("PA08-HN"))).isEmpty();
		try (var files = Files.list(this.folder)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactly("passport-service.p12");
		}
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
