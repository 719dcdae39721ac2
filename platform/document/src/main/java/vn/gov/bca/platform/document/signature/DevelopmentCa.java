package vn.gov.bca.platform.document.signature;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * FOR DEVELOPMENT ONLY: a self-signed "VNeID development CA" and one certificate per unit code
 * signed by it, written as a PKCS#12 keystore that {@link UnitKeys} reads (a key entry per unit,
 * alias the unit code, and the CA certificate as a trusted entry {@value #CA_ALIAS}).
 *
 * <p>{@code ./run} is meant to call {@link #writeIfAbsent} on first start, into its local data
 * folder; the keys are generated on the developer's machine and never committed. Production points
 * {@code vneid.documents.keystore.path} at the units' real certificates instead; nothing issued by
 * this CA is trusted anywhere else.
 */
public final class DevelopmentCa {

	/** The alias of the CA certificate in the keystore. */
	public static final String CA_ALIAS = "development-ca";

	/**
	 * The alias (and common name) of a development key that stands for an applicant's signer: where
	 * applicants upload signed PDFs, development keystores hold it so that tests and developers can
	 * sign a PDF the service accepts ({@link DocumentSigner#sign} with this alias).
	 */
	public static final String TEST_SIGNER = "DEV-SIGNER";

	/** The common name of the development CA. */
	public static final String CA_NAME = "VNeID development CA (not for production)";

	private static final Duration CA_VALIDITY = Duration.ofDays(10 * 366);
	private static final Duration UNIT_VALIDITY = Duration.ofDays(5 * 366);

	/** The keys: EC P-256 (fast to generate, small signatures) or RSA 3072. */
	public enum KeyType {
		EC_P256,
		RSA_3072
	}

	private DevelopmentCa() {
	}

	/**
	 * Generates the CA and a certificate for each of {@code unitCodes}, valid from {@code notBefore}
	 * (the caller's clock), and writes them to {@code keystore} (replacing it) with {@code password}.
	 *
	 * @return the CA certificate, to trust in a {@link SignatureCheck}
	 */
	public static X509Certificate write(Path keystore, char[] password, Collection<String> unitCodes, Instant notBefore, KeyType keyType) {
		return write(keystore, password, unitCodes, notBefore, keyType, true);
	}

	/**
	 * The keystore is written beside {@code keystore} and then put in its place in one step, so that
	 * another instance of the service starting at the same moment never reads half a file; without
	 * {@code replace}, a keystore another instance put there first wins, and this one's keys are
	 * dropped (both instances must sign with the same keys, or each would find the other's documents
	 * not genuine).
	 *
	 * @return the CA certificate, or null when another instance's keystore won
	 */
	private static X509Certificate write(Path keystore, char[] password, Collection<String> unitCodes, Instant notBefore,
			KeyType keyType, boolean replace) {
		Objects.requireNonNull(keystore, "keystore");
		Objects.requireNonNull(password, "password");
		Objects.requireNonNull(notBefore, "notBefore");
		try {
			SecureRandom random = new SecureRandom();
			KeyPair caKeys = generate(keyType, random);
			X500Name caName = name(CA_NAME);
			X509Certificate ca = certificate(caName, caKeys.getPublic(), caName, caKeys, notBefore, CA_VALIDITY, true, random);
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setCertificateEntry(CA_ALIAS, ca);
			for (String unitCode : unitCodes) {
				if (unitCode == null || unitCode.isBlank() || CA_ALIAS.equalsIgnoreCase(unitCode)) {
					throw new IllegalArgumentException("not a unit code: " + unitCode);
				}
				KeyPair unitKeys = generate(keyType, random);
				X509Certificate unit = certificate(name(unitCode), unitKeys.getPublic(), caName, caKeys, notBefore, UNIT_VALIDITY, false, random);
				store.setKeyEntry(unitCode, unitKeys.getPrivate(), password, new Certificate[] {unit, ca});
			}
			if (keystore.getParent() != null) {
				Files.createDirectories(keystore.getParent());
			}
			Path written = Files.createTempFile(keystore.toAbsolutePath().getParent(), keystore.getFileName() + ".", ".writing");
			try {
				try (OutputStream out = Files.newOutputStream(written)) {
					store.store(out, password);
				}
				ownerOnly(written);
				if (replace) {
					Files.move(written, keystore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
					return ca;
				}
				try {
					// A new name for the same file: fails, leaving the other, if the name is taken.
					Files.createLink(keystore, written);
					return ca;
				}
				catch (FileAlreadyExistsException taken) {
					return null;
				}
			}
			finally {
				Files.deleteIfExists(written);
			}
		} catch (IOException e) {
			throw new UncheckedIOException("cannot write the development keystore " + keystore, e);
		} catch (GeneralSecurityException | OperatorCreationException e) {
			throw new IllegalStateException("cannot generate the development CA", e);
		}
	}

	/** Private keys: readable by the owner only where the file system has POSIX permissions (elsewhere, as the folder's). */
	private static void ownerOnly(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
	}

	/** Whether {@code keys} are a development keystore: one whose trusted certificate is this CA's. */
	public static boolean isDevelopment(UnitKeys keys) {
		return keys.trustedCertificates().stream()
			.anyMatch((certificate) -> certificate.getSubjectX500Principal().getName().contains("CN=" + CA_NAME));
	}

	/**
	 * {@link #write} with EC P-256 keys unless {@code keystore} exists already, also when another
	 * process writes it at the same moment (two instances of a service starting together: the
	 * first one's keystore is kept, and both load it); true when this call's keystore is the one.
	 */
	public static boolean writeIfAbsent(Path keystore, char[] password, Collection<String> unitCodes, Instant notBefore) {
		if (Files.exists(keystore)) {
			return false;
		}
		return write(keystore, password, unitCodes, notBefore, KeyType.EC_P256, false) != null;
	}

	private static KeyPair generate(KeyType type, SecureRandom random) throws GeneralSecurityException {
		KeyPairGenerator generator;
		if (type == KeyType.RSA_3072) {
			generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(3072, random);
		} else {
			generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"), random);
		}
		return generator.generateKeyPair();
	}

	private static X500Name name(String commonName) {
		return new X500NameBuilder(BCStyle.INSTANCE)
				.addRDN(BCStyle.C, "VN")
				.addRDN(BCStyle.O, "VNeID development (not for production)")
				.addRDN(BCStyle.CN, commonName)
				.build();
	}

	private static X509Certificate certificate(X500Name subject, PublicKey key, X500Name issuer, KeyPair issuerKeys,
			Instant notBefore, Duration validity, boolean ca, SecureRandom random)
			throws GeneralSecurityException, IOException, OperatorCreationException {
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, random).add(BigInteger.ONE),
				Date.from(notBefore), Date.from(notBefore.plus(validity)), subject, key);
		JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
		builder.addExtension(Extension.keyUsage, true, ca
				? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
				: new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
		builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(key));
		builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
		String algorithm = issuerKeys.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
		return new JcaX509CertificateConverter().getCertificate(
				builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKeys.getPrivate())));
	}
}
