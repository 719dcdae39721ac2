package vn.gov.bca.platform.testkit;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * A document as a person or a verifier's phone sees it: the text of a PDF (PDFBox's extraction),
 * the QR code read from its first page rendered as an image, and the same file with one byte
 * changed (what a forger's edit does to it).
 */
public final class PdfDocuments {

	private PdfDocuments() {
	}

	public static String text(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The text with every run of white space (a line the layout wrapped) as one space. */
	public static String flatText(byte[] pdf) {
		return text(pdf).replaceAll("\\s+", " ");
	}

	/**
	 * The text of the QR code on the first page, rendered at 150 dpi (what a phone resolves on paper
	 * from arm's length), else at 300 dpi (held closer, the resolution the code is printed at): the
	 * downscaled rendering of the whole page at 150 dpi was found to miss a readable code now and
	 * then (one run in many of the same test).
	 */
	public static String qrCode(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFRenderer renderer = new PDFRenderer(document);
			try {
				return decode(renderer.renderImageWithDPI(0, 150, ImageType.GRAY));
			}
			catch (AssertionError notAt150) {
				return decode(renderer.renderImageWithDPI(0, 300, ImageType.GRAY));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The path (with its query) of the URL in the QR code on the first page, to call on the service
	 * under test whatever public address the URL names.
	 */
	public static String qrPath(byte[] pdf) {
		URI url = URI.create(qrCode(pdf));
		return url.getRawPath() + ((url.getRawQuery() != null) ? "?" + url.getRawQuery() : "");
	}

	/** The QR code in an image, as ZXing reads it. */
	public static String decode(BufferedImage image) {
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
		try {
			return new MultiFormatReader()
				.decode(bitmap,
						Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
								DecodeHintType.CHARACTER_SET, "UTF-8", DecodeHintType.TRY_HARDER, Boolean.TRUE))
				.getText();
		}
		catch (NotFoundException ex) {
			throw new AssertionError("no QR code found in the image", ex);
		}
	}

	/** The file with the byte at {@code offset} changed (its lowest bit flipped). */
	public static byte[] withOneByteChanged(byte[] pdf, int offset) {
		byte[] changed = pdf.clone();
		changed[offset] = (byte) (changed[offset] ^ 0x01);
		return changed;
	}

}
