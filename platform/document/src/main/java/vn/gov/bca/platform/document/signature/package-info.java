/**
 * The digital signature of the issuing unit inside a result document (PAdES-B-B): the units' keys
 * from a PKCS#12 keystore ({@link vn.gov.bca.platform.document.signature.UnitKeys}), signing as an
 * incremental update that keeps the PDF/A identification
 * ({@link vn.gov.bca.platform.document.signature.DocumentSigner}), checking a signed file against
 * a trust list ({@link vn.gov.bca.platform.document.signature.SignatureCheck}), and a CA for
 * development only ({@link vn.gov.bca.platform.document.signature.DevelopmentCa}).
 */
package vn.gov.bca.platform.document.signature;
