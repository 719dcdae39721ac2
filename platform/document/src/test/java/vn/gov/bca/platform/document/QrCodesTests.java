package vn.gov.bca.platform.document;

import vn.gov.bca.platform.testkit.PdfDocuments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTests {

	@Test
	void encodesTheTextInAPngOfTheGivenSize() throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(SampleDocuments.VERIFICATION_URL, 240)));

		assertThat(image.getWidth()).isEqualTo(240);
		assertThat(image.getHeight()).isEqualTo(240);
		assertThat(image.getColorModel().hasAlpha()).isFalse();
		assertThat(PdfDocuments.decode(image)).isEqualTo(SampleDocuments.VERIFICATION_URL);
	}

	@Test
	void keepsVietnameseTextIntact() throws Exception {
		String text = "Biên lai lệ phí cấp hộ chiếu — Nguyễn Văn An";
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(text, 200)));

		assertThat(PdfDocuments.decode(image)).isEqualTo(text);
	}

	@Test
	void givesADataUriForATemplate() {
		String uri = QrCodes.pngDataUri("https://example.vn/x", 100);

		assertThat(uri).startsWith("data:image/png;base64,");
		byte[] png = Base64.getDecoder().decode(uri.substring("data:image/png;base64,".length()));
		assertThat(png).startsWith(0x89, 'P', 'N', 'G');
	}

	@Test
	void refusesEmptyTextOrATinyImage() {
		assertThatThrownBy(() -> QrCodes.png("", 100)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> QrCodes.png("x", 10)).isInstanceOf(IllegalArgumentException.class);
	}
}
