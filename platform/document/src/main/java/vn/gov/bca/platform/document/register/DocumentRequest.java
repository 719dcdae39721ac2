package vn.gov.bca.platform.document.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.gov.bca.platform.document.AdministrativeDocument;
import vn.gov.bca.platform.document.DocumentRenderer;
import vn.gov.bca.platform.document.PoliceUnits;
import vn.gov.bca.platform.document.AdministrativeDocument.Row;
import vn.gov.bca.platform.document.register.IssuedDocument.Holder;
import vn.gov.bca.platform.document.register.IssuedDocument.Issuer;

/**
 * What a service asks its {@link DocumentRegister} to issue.
 *
 * @param key what the document is of, once: the same key again is the document already issued
 * ({@code PAYMENT_RECEIPT:<order id>}, {@code DOSSIER_RECEIPT:<dossier code>})
 * @param type the kind of document, a code ({@code PAYMENT_RECEIPT})
 * @param reference the dossier code or order id it belongs to
 * @param holder whose it is
 * @param issuer the issuing unit, which signs it with its key
 * @param template the HTML template under {@code DocumentRenderer.TEMPLATES} (usually
 * {@code DocumentRenderer.ADMINISTRATIVE_DOCUMENT})
 * @param content what the document shows (the register adds the verification URL)
 * @param publicFacts what anyone verifying it is told besides its number, unit, date and masked
 * holder: only what a verifier needs, never a full personal id
 * @param supersedes the key of the document this one replaces (null for none): it becomes SUPERSEDED
 */
public record DocumentRequest(String key, String type, String reference, Holder holder, Issuer issuer,
		String template, AdministrativeDocument content, List<Row> publicFacts, String supersedes) {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	public DocumentRequest {
		requireText(key, "key");
		if (type == null || !CODE.matcher(type).matches()) {
			throw new IllegalArgumentException("type must be an upper-case code: " + type);
		}
		requireText(reference, "reference");
		Objects.requireNonNull(holder, "holder");
		Objects.requireNonNull(issuer, "issuer");
		requireText(issuer.code(), "issuer.code");
		requireText(template, "template");
		Objects.requireNonNull(content, "content");
		publicFacts = List.copyOf(publicFacts);
		if (key.equals(supersedes)) {
			throw new IllegalArgumentException("a document cannot supersede itself");
		}
	}

	/**
	 * A police unit's administrative document ({@link DocumentRenderer#ADMINISTRATIVE_DOCUMENT}): the
	 * header and place of Decree 30/2020 read from the issuing unit's name ({@link PoliceUnits}), then
	 * its number, date, title and rows; issued once under the key {@code <type>:<of>}.
	 */
	public static DocumentRequest administrative(String type, String of, String reference, Holder holder,
			Issuer issuer, String number, LocalDate date, String title, List<Row> rows, List<Row> publicFacts) {
		AdministrativeDocument content = new AdministrativeDocument(PoliceUnits.header(issuer.name()), number,
				PoliceUnits.place(issuer.name()), date, title, rows, Optional.empty());
		return new DocumentRequest(type + ":" + of, type, reference, holder, issuer,
				DocumentRenderer.ADMINISTRATIVE_DOCUMENT, content, publicFacts, null);
	}

	/** The same request, its document showing {@code figure} (a seal's specimen) under its rows. */
	public DocumentRequest withFigure(AdministrativeDocument.Figure figure) {
		return new DocumentRequest(key, type, reference, holder, issuer, template, content.withFigure(figure),
				publicFacts, supersedes);
	}

	/** The same request, replacing the document issued under {@code previousKey}. */
	public DocumentRequest superseding(String previousKey) {
		return new DocumentRequest(key, type, reference, holder, issuer, template, content, publicFacts, previousKey);
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is required");
		}
	}

}
