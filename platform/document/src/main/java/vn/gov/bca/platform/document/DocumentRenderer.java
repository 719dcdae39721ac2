package vn.gov.bca.platform.document;

import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.CacheStore;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.util.XRLog;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.logging.Level;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an {@link AdministrativeDocument} to a PDF/A-3u file through an HTML/CSS template:
 * Thymeleaf (HTML mode, no Spring MVC) fills the template, openhtmltopdf lays it out on PDFBox.
 *
 * <p>Templates live on the class path under {@value #TEMPLATES} ({@code administrative-document}
 * ships with this module); they are well-formed XHTML because openhtmltopdf parses XML. Every text
 * is set in DejaVu Sans, embedded (subset), so every Vietnamese glyph prints on any reader and the
 * file stays PDF/A: no standard-14 font is ever used. A template can load nothing from outside
 * (files, http): only {@code data:} URIs, such as the QR code's PNG.
 *
 * <p>Thread-safe: one instance serves the whole service. The fonts are read once into memory and
 * their metrics cached across documents.
 */
public final class DocumentRenderer {

	/** The class-path folder of the templates. */
	public static final String TEMPLATES = "vn/gov/bca/platform/document/templates/";
	/** The template of {@link AdministrativeDocument}, shipped with this module. */
	public static final String ADMINISTRATIVE_DOCUMENT = "administrative-document";
	/** The font family every template uses. */
	public static final String FONT_FAMILY = "DejaVu Sans";

	private static final String FONTS = "vn/gov/bca/platform/document/fonts/";
	/** The QR code's pixels: at 2.6 cm on the page that is ~300 dpi, decoded easily by a phone. */
	private static final int QR_PIXELS = 300;

	private final TemplateEngine templates;
	private final byte[] regular;
	private final byte[] bold;
	private final byte[] srgbProfile;
	private final FSDefaultCacheStore fontMetrics = new FSDefaultCacheStore();

	public DocumentRenderer() {
		// openhtmltopdf logs a dozen INFO lines per document (timings, cache hits): warnings only.
		XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(DocumentRenderer.class.getClassLoader());
		resolver.setPrefix(TEMPLATES);
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		templates = new TemplateEngine();
		templates.setTemplateResolver(resolver);
		regular = resource(FONTS + "DejaVuSans.ttf");
		bold = resource(FONTS + "DejaVuSans-Bold.ttf");
		// PDF/A needs an output intent with an ICC profile: the JDK's own sRGB profile, nothing to ship.
		srgbProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
	}

	/** The document in the module's own template. */
	public byte[] render(AdministrativeDocument document) {
		return render(ADMINISTRATIVE_DOCUMENT, document);
	}

	/**
	 * The document in {@code template} (a name under {@link #TEMPLATES}, without ".html"). The
	 * template sees {@code doc} (the record), {@code dateLine} ("Hà Nội, ngày 01 tháng 12 năm 2026")
	 * and {@code qr} (the QR code's PNG as a data URI, or null when the document has no URL).
	 */
	public byte[] render(String template, AdministrativeDocument document) {
		Objects.requireNonNull(document, "document");
		Context context = new Context();
		context.setVariable("doc", document);
		context.setVariable("dateLine", VietnameseDates.placeAndDate(document.place(), document.date()));
		context.setVariable("qr", document.verificationUrl().map(url -> QrCodes.pngDataUri(url, QR_PIXELS)).orElse(null));
		return toPdf(templates.process(template, context));
	}

	private byte[] toPdf(String xhtml) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
		PdfRendererBuilder builder = new PdfRendererBuilder()
				.useFastMode()
				.usePdfAConformance(PdfAConformance.PDFA_3_U)
				.useColorProfile(srgbProfile)
				.useCacheStore(CacheStore.PDF_FONT_METRICS, fontMetrics)
				.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true)
				.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true)
				.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
						ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
				.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
						ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
				.withProducer("platform-document")
				.withHtmlContent(xhtml, null)
				.toStream(out);
		try {
			builder.run();
		} catch (IOException e) {
			throw new UncheckedIOException("could not render the document", e);
		}
		return out.toByteArray();
	}

	private static byte[] resource(String path) {
		try (InputStream in = DocumentRenderer.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + path);
			}
			return in.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
