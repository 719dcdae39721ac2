package vn.gov.bca.platform.document;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** QR codes as PNG images, to print a document's verification URL on it. */
public final class QrCodes {

	private QrCodes() {
	}

	/**
	 * A black-on-white PNG of {@code size}×{@code size} pixels holding {@code text}. Error correction
	 * M (15 %) survives a fold or a smudge on paper while keeping the modules large; a quiet zone of
	 * one module is enough because the template leaves white space around the image.
	 */
	public static byte[] png(String text, int size) {
		if (text == null || text.isEmpty()) {
			throw new IllegalArgumentException("a QR code holds some text");
		}
		if (size < 21) {
			throw new IllegalArgumentException("a QR code needs at least 21 pixels, got " + size);
		}
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, Map.of(
					EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
					EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
					EncodeHintType.MARGIN, 1));
		} catch (WriterException e) {
			throw new IllegalArgumentException("too much text for a QR code: " + text.length() + " characters", e);
		}
		// One bit per pixel, no alpha channel: PDF/A accepts it as it is and it stays small.
		BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
		WritableRaster raster = image.getRaster();
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				// Sample 1 is white, 0 black, in the binary image's two-colour palette; writing the
				// sample directly skips a colour lookup per pixel (setRGB was a tenth of a render).
				raster.setSample(x, y, 0, matrix.get(x, y) ? 0 : 1);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** The same PNG as a {@code data:} URI, for an {@code <img src>} in a template. */
	public static String pngDataUri(String text, int size) {
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text, size));
	}
}
