package vn.gov.bca.platform.document.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.gov.bca.platform.document.signature.UnitKeys.UnitKey;

/**
 * Signs a rendered PDF with the issuing unit's key: a PAdES baseline B-B signature (ETSI EN 319
 * 142-1), i.e. a signature dictionary with filter {@code Adobe.PPKLite} and sub-filter
 * {@code ETSI.CAdES.detached} whose {@code /Contents} is a DER CMS SignedData over the file's
 * {@code /ByteRange}: SHA-256 with RSA or ECDSA (after the key), the unit's certificate chain, and
 * the signed attributes content-type, message-digest and signing-certificate-v2 (the SHA-256 of
 * the signing certificate, which binds the certificate to the signature; B-B requires it).
 *
 * <p>The signing time is the caller's (its clock), written as the dictionary's {@code /M}: EN 319
 * 142-1 (5.3) puts the claimed time there and forbids the CMS signing-time attribute, which
 * BouncyCastle would otherwise add from the machine's clock.
 *
 * <p>The signature is an incremental update appended to the file: the rendered bytes, with their
 * PDF/A-3u identification (XMP) and output intent, are left as they are. The signature field has
 * no appearance (a zero rectangle, printed flag set as PDF/A asks of annotations); the visible
 * mark of authenticity on paper is the QR code.
 *
 * <p>Thread-safe: every call opens its own document.
 */
public final class DocumentSigner {

	/** Room for the CMS in {@code /Contents}: a 3072-bit RSA chain of two certificates takes ~2.5 KB. */
	private static final int SIGNATURE_SIZE = 12 * 1024;

	private final UnitKeys keys;

	public DocumentSigner(UnitKeys keys) {
		this.keys = Objects.requireNonNull(keys, "keys");
	}

	/** {@code pdf} signed by {@code unitCode}'s key at {@code signingTime}, without a reason or location. */
	public byte[] sign(byte[] pdf, String unitCode, Instant signingTime) {
		return sign(pdf, unitCode, null, signingTime);
	}

	/**
	 * {@code pdf} signed by {@code unitCode}'s key at {@code signingTime}; {@code unitName} ("Cục
	 * Quản lý xuất nhập cảnh"), when not null or blank, is the signature's reason and location as a
	 * reader shows them.
	 */
	public byte[] sign(byte[] pdf, String unitCode, String unitName, Instant signingTime) {
		Objects.requireNonNull(pdf, "pdf");
		Objects.requireNonNull(signingTime, "signingTime");
		UnitKey key = keys.key(unitCode);
		try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
			signature.setSignDate(calendar(signingTime));
			if (unitName != null && !unitName.isBlank()) {
				signature.setReason(unitName.strip());
				signature.setLocation(unitName.strip());
			}
			options.setPreferredSignatureSize(SIGNATURE_SIZE);
			document.addSignature(signature, new CadesSignature(key), options);
			// getAcroForm(null): without PDFBox's fix-up, which would add a default resource dictionary
			// with Helvetica, a font that is not embedded (PDF/A forbids it).
			for (PDField field : document.getDocumentCatalog().getAcroForm(null).getFields()) {
				if (field instanceof PDSignatureField signatureField && signatureField.getSignature() != null
						&& signatureField.getSignature().getCOSObject() == signature.getCOSObject()) {
					for (PDAnnotationWidget widget : signatureField.getWidgets()) {
						widget.setPrinted(true);
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 4096);
			document.saveIncremental(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException("cannot sign the document for unit " + unitCode, e);
		}
	}

	private static Calendar calendar(Instant instant) {
		Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
		calendar.setTimeInMillis(instant.toEpochMilli());
		return calendar;
	}

	/** PDFBox hands over the bytes of the ByteRange; this returns the DER CMS that goes into /Contents. */
	private record CadesSignature(UnitKey key) implements SignatureInterface {

		@Override
		public byte[] sign(InputStream content) throws IOException {
			try {
				X509Certificate certificate = key.certificate();
				ContentSigner signer = new JcaContentSignerBuilder(algorithm(key)).build(key.privateKey());
				AttributeTable essAttribute = new AttributeTable(new Attribute(
						PKCSObjectIdentifiers.id_aa_signingCertificateV2,
						new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {essCertId(certificate)}))));
				DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(essAttribute);
				CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
				generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
						// No CMS signing-time in PAdES (EN 319 142-1, 5.3): the time is the dictionary's /M.
						.setSignedAttributeGenerator(parameters -> defaults.getAttributes(parameters).remove(CMSAttributes.signingTime))
						.build(signer, certificate));
				generator.addCertificates(new JcaCertStore(key.chain()));
				CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false);
				return signed.getEncoded(ASN1Encoding.DER);
			} catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
				throw new IOException("cannot build the CMS signature of unit " + key.unitCode(), e);
			}
		}

		private static String algorithm(UnitKey key) {
			return switch (key.privateKey().getAlgorithm()) {
				case "RSA" -> "SHA256withRSA";
				case "EC" -> "SHA256withECDSA";
				default -> throw new IllegalArgumentException(
						"unit " + key.unitCode() + " has a " + key.privateKey().getAlgorithm() + " key: RSA or EC expected");
			};
		}

		/** SHA-256 of the certificate (the default hash of ESSCertIDv2) and its issuer and serial number. */
		private static ESSCertIDv2 essCertId(X509Certificate certificate)
				throws CertificateEncodingException, GeneralSecurityException {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
			IssuerSerial issuerSerial = new IssuerSerial(
					new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
					certificate.getSerialNumber());
			return new ESSCertIDv2(hash, issuerSerial);
		}
	}
}
