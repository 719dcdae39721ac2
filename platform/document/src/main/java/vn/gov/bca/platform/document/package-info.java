/**
 * Result documents: amounts and dates written the Vietnamese way, PDF/A rendering of an
 * administrative document from an HTML template with an embedded Vietnamese font, QR codes.
 */
package vn.gov.bca.platform.document;
