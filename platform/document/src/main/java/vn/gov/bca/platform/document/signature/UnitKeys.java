package vn.gov.bca.platform.document.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The issuing units' signing keys, read once from a PKCS#12 keystore: one private key entry per
 * unit, its alias the unit code ({@code PA08-HN}), its password the keystore's. The path and the
 * password come from configuration ({@code vneid.documents.keystore.path}, {@code .password}); in
 * development {@link DevelopmentCa} writes such a keystore.
 *
 * <p>PKCS#12 aliases are case-insensitive (the JDK stores them in lower case), so {@code PA08-HN}
 * and {@code pa08-hn} name the same unit.
 */
public final class UnitKeys {

	private final Path path;
	private final KeyStore store;
	private final char[] password;
	private final ConcurrentMap<String, UnitKey> loaded = new ConcurrentHashMap<>();

	private UnitKeys(Path path, KeyStore store, char[] password) {
		this.path = path;
		this.store = store;
		this.password = password;
	}

	/** Reads the keystore at {@code path}; an unreadable file or a wrong password fails here, at start-up. */
	public static UnitKeys load(Path path, char[] password) {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(password, "password");
		try (InputStream in = Files.newInputStream(path)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, password);
			return new UnitKeys(path, store, password.clone());
		} catch (IOException | GeneralSecurityException e) {
			throw new IllegalStateException("cannot read the document signing keystore " + path + ": " + e.getMessage(), e);
		}
	}

	/**
	 * The key and certificate chain of {@code unitCode}; {@link UnknownUnitException} when the keystore
	 * has none. Read from the keystore once (PKCS#12 keys are encrypted with PBKDF2: decrypting one
	 * costs milliseconds), then kept for every later document.
	 */
	public UnitKey key(String unitCode) {
		Objects.requireNonNull(unitCode, "unitCode");
		return loaded.computeIfAbsent(unitCode, this::read);
	}

	private UnitKey read(String unitCode) {
		try {
			if (!store.isKeyEntry(unitCode)) {
				throw new UnknownUnitException(unitCode, path);
			}
			PrivateKey key = (PrivateKey) store.getKey(unitCode, password);
			Certificate[] chain = store.getCertificateChain(unitCode);
			List<X509Certificate> certificates = new ArrayList<>();
			for (Certificate certificate : chain) {
				certificates.add((X509Certificate) certificate);
			}
			return new UnitKey(unitCode, key, certificates);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot read the key of unit " + unitCode + " from " + path + ": " + e.getMessage(), e);
		}
	}

	/** Those of {@code unitCodes} that have no key here, in their order. */
	public List<String> missing(java.util.Collection<String> unitCodes) {
		List<String> missing = new ArrayList<>();
		for (String code : unitCodes) {
			try {
				if (!store.isKeyEntry(code)) {
					missing.add(code);
				}
			} catch (java.security.KeyStoreException e) {
				throw new IllegalStateException(e);
			}
		}
		return missing;
	}

	/**
	 * The trusted certificates stored beside the keys (the development CA's), for a
	 * {@link SignatureCheck}; empty for a keystore that holds only keys.
	 */
	public List<X509Certificate> trustedCertificates() {
		try {
			List<X509Certificate> trusted = new ArrayList<>();
			for (String alias : Collections.list(store.aliases())) {
				if (store.isCertificateEntry(alias)) {
					trusted.add((X509Certificate) store.getCertificate(alias));
				}
			}
			return List.copyOf(trusted);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot list the certificates of " + path, e);
		}
	}

	/**
	 * One unit's signing key.
	 *
	 * @param unitCode the unit code, the keystore alias
	 * @param privateKey RSA or EC
	 * @param chain the unit's certificate first, then its issuers
	 */
	public record UnitKey(String unitCode, PrivateKey privateKey, List<X509Certificate> chain) {
		public UnitKey {
			Objects.requireNonNull(unitCode, "unitCode");
			Objects.requireNonNull(privateKey, "privateKey");
			chain = List.copyOf(chain);
			if (chain.isEmpty()) {
				throw new IllegalArgumentException("the key of unit " + unitCode + " has no certificate");
			}
		}

		/** The unit's own certificate. */
		public X509Certificate certificate() {
			return chain.get(0);
		}

		@Override
		public String toString() {
			// Never print the key.
			return "UnitKey[" + unitCode + ", " + certificate().getSubjectX500Principal() + "]";
		}
	}

	/** The keystore has no key for the unit: a configuration error (a unit without a certificate). */
	public static final class UnknownUnitException extends IllegalArgumentException {

		private final String unitCode;

		UnknownUnitException(String unitCode, Path path) {
			super("no signing key for unit " + unitCode + " (alias \"" + unitCode + "\") in the keystore " + path);
			this.unitCode = unitCode;
		}

		public String unitCode() {
			return unitCode;
		}
	}

	@Override
	public String toString() {
		return "UnitKeys[" + path + "]";
	}
}
