package vn.gov.bca.platform.testkit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Files an applicant uploads, made for a test: a real PDF (to be signed), a seal's specimen image. */
public final class TestFiles {

	private TestFiles() {
	}

	/** A one-page PDF as PDFBox writes it (its page 612 points wide: "612" is in the signed bytes). */
	public static byte[] blankPdf() {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A round red seal on white, 160 pixels square, as a scanned specimen looks; the same bytes every time. */
	public static byte[] sealSpecimen() {
		BufferedImage image = new BufferedImage(160, 160, BufferedImage.TYPE_INT_RGB);
		Graphics2D pen = image.createGraphics();
		pen.setColor(Color.WHITE);
		pen.fillRect(0, 0, 160, 160);
		pen.setColor(Color.RED);
		pen.drawOval(8, 8, 144, 144);
		pen.drawOval(30, 30, 100, 100);
		pen.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The offset of the first occurrence of {@code text} in a file's bytes (read as Latin-1). */
	public static int indexOf(byte[] file, String text) {
		int at = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(text);
		if (at < 0) {
			throw new IllegalArgumentException("'" + text + "' is not in the file");
		}
		return at;
	}

}
