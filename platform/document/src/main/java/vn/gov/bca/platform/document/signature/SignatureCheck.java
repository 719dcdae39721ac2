package vn.gov.bca.platform.document.signature;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks the last signature of a PDF (the one {@link DocumentSigner} appends): is there one, does
 * its {@code /ByteRange} reach the end of the file (nothing was appended after signing), does the
 * CMS verify over exactly those bytes, and does the signer's certificate chain to one of the
 * trusted certificates (the units' CA in production, the {@link DevelopmentCa} in development).
 *
 * <p>"Intact" means: the CMS signature verifies with the certificate it names, over the digest of
 * the signed bytes, and its signing-certificate-v2 attribute holds that certificate's SHA-256. One
 * changed byte in the signed range breaks it; a file PDFBox cannot read at all counts as unsigned
 * (and so not intact). The chain is validated at the check's clock without revocation (no CRL or
 * OCSP yet: LTV is not done), which is what PAdES-B-B allows.
 *
 * <p>Thread-safe.
 */
public final class SignatureCheck {

	private final Set<TrustAnchor> anchors;
	private final Clock clock;

	/** A check that trusts the certificates of {@code trusted} (CA certificates, as anchors). */
	public SignatureCheck(Collection<X509Certificate> trusted, Clock clock) {
		this.anchors = new HashSet<>();
		for (X509Certificate certificate : trusted) {
			anchors.add(new TrustAnchor(certificate, null));
		}
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * What a verifier learns about a PDF's last signature.
	 *
	 * @param signed the file has a signature dictionary with contents
	 * @param coversWholeFile its ByteRange ends at the end of the file
	 * @param intact the CMS verifies over the signed bytes and binds its certificate
	 * @param signerSubject the subject of the signing certificate (RFC 2253), when the CMS names one
	 * @param trusted the signing certificate chains to a trusted certificate (at the check's time)
	 * @param signingTime the claimed signing time ({@code /M}), as the signer wrote it
	 */
	public record Result(
			boolean signed,
			boolean coversWholeFile,
			boolean intact,
			Optional<String> signerSubject,
			boolean trusted,
			Optional<Instant> signingTime) {

		static final Result UNSIGNED = new Result(false, false, false, Optional.empty(), false, Optional.empty());

		/** Genuine: signed, nothing appended, intact and trusted. */
		public boolean valid() {
			return signed && coversWholeFile && intact && trusted;
		}
	}

	/** The certificates of a PEM file (a trust list: the CA certificates to trust). */
	public static List<X509Certificate> readTrustList(java.nio.file.Path pem) {
		try (java.io.InputStream in = java.nio.file.Files.newInputStream(pem)) {
			return java.security.cert.CertificateFactory.getInstance("X.509")
				.generateCertificates(in)
				.stream()
				.map(X509Certificate.class::cast)
				.toList();
		} catch (IOException | CertificateException e) {
			throw new IllegalStateException("Cannot read the trust list " + pem + ": " + e.getMessage(), e);
		}
	}

	public Result verify(byte[] pdf) {
		Objects.requireNonNull(pdf, "pdf");
		PDSignature signature;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			signature = lastSignature(document);
		} catch (IOException e) {
			return Result.UNSIGNED;
		}
		if (signature == null) {
			return Result.UNSIGNED;
		}
		int[] byteRange = signature.getByteRange();
		byte[] contents = signature.getContents();
		if (byteRange == null || byteRange.length != 4 || contents == null || contents.length == 0) {
			return Result.UNSIGNED;
		}
		Optional<Instant> signingTime = Optional.ofNullable(signature.getSignDate()).map(calendar -> calendar.toInstant());
		boolean coversWholeFile = (long) byteRange[2] + byteRange[3] == pdf.length;
		byte[] signedBytes;
		try {
			signedBytes = signedBytes(pdf, byteRange);
		} catch (IllegalArgumentException e) {
			return new Result(true, false, false, Optional.empty(), false, signingTime);
		}
		CMSSignedData cms;
		SignerInformation signer;
		X509Certificate certificate;
		List<X509Certificate> carried = new ArrayList<>();
		try {
			cms = new CMSSignedData(new CMSProcessableByteArray(signedBytes), contentInfo(contents));
			Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
			if (signers.size() != 1) {
				return new Result(true, coversWholeFile, false, Optional.empty(), false, signingTime);
			}
			signer = signers.iterator().next();
			JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
			for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
				carried.add(converter.getCertificate(holder));
			}
			Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
			if (matches.isEmpty()) {
				return new Result(true, coversWholeFile, false, Optional.empty(), false, signingTime);
			}
			certificate = converter.getCertificate(matches.iterator().next());
		} catch (CMSException | CertificateException | IOException | RuntimeException e) {
			// Contents that are not a CMS SignedData (a changed byte in /Contents, a foreign format).
			return new Result(true, coversWholeFile, false, Optional.empty(), false, signingTime);
		}
		Optional<String> subject = Optional.of(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
		boolean intact = verifies(signer, certificate) && bindsCertificate(signer, certificate);
		return new Result(true, coversWholeFile, intact, subject, chainsToTrusted(certificate, carried), signingTime);
	}

	/**
	 * The signature that covers most of the file (the last one appended), as PDFBox's
	 * {@code getLastSignatureDictionary} finds it, but read with {@code getAcroForm(null)}: without
	 * the fix-up that loads a Helvetica for the form's default resources on every check.
	 */
	private static PDSignature lastSignature(PDDocument document) {
		PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
		if (form == null) {
			return null;
		}
		PDSignature last = null;
		for (PDField field : form.getFieldTree()) {
			if (field instanceof PDSignatureField signatureField && signatureField.getSignature() != null) {
				PDSignature candidate = signatureField.getSignature();
				int[] range = candidate.getByteRange();
				int[] lastRange = (last != null) ? last.getByteRange() : null;
				if (last == null || (range != null && range.length == 4 && (lastRange == null || lastRange.length != 4
						|| range[1] > lastRange[1]))) {
					last = candidate;
				}
			}
		}
		return last;
	}

	/**
	 * The CMS at the start of {@code /Contents}: the space reserved for it is padded with zeros,
	 * which BouncyCastle (1.80+) refuses as extra data, so only the first DER object is read.
	 */
	static ContentInfo contentInfo(byte[] contents) throws IOException {
		try (ASN1InputStream in = new ASN1InputStream(contents)) {
			ASN1Primitive first = in.readObject();
			if (first == null) {
				throw new IOException("empty /Contents");
			}
			return ContentInfo.getInstance(first);
		}
	}

	private static byte[] signedBytes(byte[] pdf, int[] range) {
		long end1 = (long) range[0] + range[1];
		long end2 = (long) range[2] + range[3];
		if (range[0] != 0 || range[1] < 0 || range[2] < end1 || range[3] < 0 || end2 > pdf.length) {
			throw new IllegalArgumentException("a ByteRange outside the file");
		}
		byte[] signed = new byte[range[1] + range[3]];
		System.arraycopy(pdf, range[0], signed, 0, range[1]);
		System.arraycopy(pdf, range[2], signed, range[1], range[3]);
		return signed;
	}

	private static boolean verifies(SignerInformation signer, X509Certificate certificate) {
		try {
			return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
		} catch (CMSException | OperatorCreationException | RuntimeException e) {
			return false;
		}
	}

	/** The signing-certificate-v2 attribute (PAdES-B-B) names this certificate by its hash. */
	private static boolean bindsCertificate(SignerInformation signer, X509Certificate certificate) {
		if (signer.getSignedAttributes() == null) {
			return false;
		}
		Attribute attribute = signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
		if (attribute == null || attribute.getAttrValues().size() != 1) {
			return false;
		}
		try {
			ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
			ESSCertIDv2[] ids = SigningCertificateV2.getInstance(value).getCerts();
			if (ids.length == 0) {
				return false;
			}
			ESSCertIDv2 first = ids[0];
			// SHA-256 is what DocumentSigner writes (the attribute's default hash); another is not ours.
			if (!NISTObjectIdentifiers.id_sha256.equals(first.getHashAlgorithm().getAlgorithm())) {
				return false;
			}
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
			return MessageDigest.isEqual(hash, first.getCertHash());
		} catch (GeneralSecurityException | RuntimeException e) {
			return false;
		}
	}

	private boolean chainsToTrusted(X509Certificate certificate, List<X509Certificate> carried) {
		if (anchors.isEmpty()) {
			return false;
		}
		try {
			X509CertSelector target = new X509CertSelector();
			target.setCertificate(certificate);
			PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
			parameters.setRevocationEnabled(false);
			parameters.setDate(Date.from(clock.instant()));
			List<X509Certificate> store = new ArrayList<>(carried);
			store.add(certificate);
			parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
			CertPathBuilder.getInstance("PKIX").build(parameters);
			return true;
		} catch (GeneralSecurityException e) {
			return false;
		}
	}
}
