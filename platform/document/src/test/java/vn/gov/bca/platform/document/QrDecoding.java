package vn.gov.bca.platform.document;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/** Reads a QR code back the way a verifier's phone would, from an image. */
final class QrDecoding {

	private QrDecoding() {
	}

	static String decode(BufferedImage image) throws NotFoundException {
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
		return new MultiFormatReader().decode(bitmap, Map.of(
				DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
				DecodeHintType.CHARACTER_SET, "UTF-8",
				DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
	}
}
