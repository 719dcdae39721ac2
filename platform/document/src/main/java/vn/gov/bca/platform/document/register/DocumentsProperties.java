package vn.gov.bca.platform.document.register;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vneid.documents.*}: where the units' signing keys are, whom a verifier trusts, and the
 * public address the QR codes point at.
 *
 * @param keystore the PKCS#12 file of the units' keys (alias = unit code) and its password
 * @param developmentCa FOR DEVELOPMENT ONLY: when the keystore is missing or lacks a unit, write
 * a new one with a development CA ({@code ./run} and the tests set it; production never)
 * @param trustList a PEM file of the CA certificates a signature must chain to; by default the
 * certificates stored as trusted entries in the keystore
 * @param publicUrl the address citizens reach the gateway at; the QR code holds
 * {@code <publicUrl>/api/<domain>/public/documents/<id>?c=<check>}
 */
@ConfigurationProperties("vneid.documents")
public record DocumentsProperties(Keystore keystore, boolean developmentCa, String trustList, String publicUrl) {

	public record Keystore(String path, String password) {
	}

}
