package vn.gov.bca.platform.document;

import vn.gov.bca.platform.testkit.PdfDocuments;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person sees on the fee receipt, read back from the PDF the way a reader or a phone reads it. */
class DocumentRendererTests {

	/** Every letter of the Vietnamese alphabet with every tone mark, precomposed (NFC). */
	private static final String VIETNAMESE_LETTERS = "aàáảãạ ăằắẳẵặ âầấẩẫậ bcdđ eèéẻẽẹ êềếểễệ ghiìíỉĩị klmn"
			+ " oòóỏõọ ôồốổỗộ ơờớởỡợ pqrst uùúủũụ ưừứửữự vx yỳýỷỹỵ";

	private static final DocumentRenderer renderer = new DocumentRenderer();
	private static byte[] receipt;

	@BeforeAll
	static void renderTheReceipt() {
		receipt = renderer.render(SampleDocuments.feeReceipt());
	}

	@Test
	void printsTheHeaderNumberAndAmountsWithTheirDiacritics() throws Exception {
		String text = text(receipt);

		assertThat(text)
				.contains("BỘ CÔNG AN")
				.contains("CỤC QUẢN LÝ XUẤT NHẬP CẢNH")
				.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
				.contains("Độc lập - Tự do - Hạnh phúc")
				.contains("Số: 000123/BL-XNC")
				.contains("Hà Nội, ngày 01 tháng 12 năm 2026")
				.contains("BIÊN LAI THU PHÍ, LỆ PHÍ")
				.contains("Lệ phí cấp hộ chiếu")
				.contains("Nguyễn Văn An")
				.contains("200.000 đồng")
				.contains("Hai trăm nghìn đồng");
	}

	@Test
	void carriesTheVerificationUrlInAQrCodeOnThePage() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(receipt)) {
			// 150 dpi: about what a phone camera resolves on a printed page.
			BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 150, ImageType.GRAY);

			assertThat(PdfDocuments.decode(page)).isEqualTo(SampleDocuments.VERIFICATION_URL);
		}
		assertThat(text(receipt)).contains("Quét mã QR để kiểm tra");
	}

	@Test
	void embedsEveryFont() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(receipt)) {
			List<PDFont> fonts = new ArrayList<>();
			for (PDPage page : pdf.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getFontNames()) {
					fonts.add(resources.getFont(name));
				}
			}

			assertThat(fonts).isNotEmpty().allSatisfy(font -> {
				assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
				assertThat(font.getName()).contains("DejaVuSans");
			});
		}
	}

	@Test
	void isPdfA3uWithAnSrgbOutputIntent() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(receipt)) {
			XMPMetadata xmp = new DomXmpParser().parse(pdf.getDocumentCatalog().getMetadata().exportXMPMetadata());
			PDFAIdentificationSchema pdfa = xmp.getPDFAIdentificationSchema();

			assertThat(pdfa).as("pdfaid schema in the XMP metadata").isNotNull();
			assertThat(pdfa.getPart()).isEqualTo(3);
			assertThat(pdfa.getConformance()).isEqualTo("U");
			assertThat(pdf.getDocumentCatalog().getOutputIntents()).hasSize(1);
			assertThat(pdf.getVersion()).isGreaterThanOrEqualTo(1.7f);
		}
	}

	@Test
	void keepsAReceiptUnderOneHundredKilobytesOnOnePage() throws Exception {
		assertThat(receipt.length).isLessThan(100 * 1024);
		try (PDDocument pdf = Loader.loadPDF(receipt)) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
		}
	}

	@Test
	void leavesOutTheVerificationBlockOfADocumentWithoutUrl() throws Exception {
		AdministrativeDocument receipt = SampleDocuments.feeReceipt();
		AdministrativeDocument withoutUrl = new AdministrativeDocument(receipt.issuer(), receipt.number(),
				receipt.place(), receipt.date(), receipt.title(), receipt.rows(), Optional.empty());

		String text = text(renderer.render(withoutUrl));

		assertThat(text).contains("Hai trăm nghìn đồng").doesNotContain("Quét mã QR");
	}

	@Test
	void escapesMarkupInTheData() throws Exception {
		AdministrativeDocument receipt = SampleDocuments.feeReceipt();
		AdministrativeDocument odd = new AdministrativeDocument(receipt.issuer(), receipt.number(),
				receipt.place(), receipt.date(), receipt.title(),
				List.of(new AdministrativeDocument.Row("Ghi chú", "<b>Công ty A & B</b> \"số 1\"")), Optional.empty());

		assertThat(text(renderer.render(odd))).contains("<b>Công ty A & B</b> \"số 1\"");
	}

	@Test
	void printsAndEmbedsEveryVietnameseLetter() throws Exception {
		AdministrativeDocument receipt = SampleDocuments.feeReceipt();
		AdministrativeDocument alphabet = new AdministrativeDocument(receipt.issuer(), receipt.number(),
				receipt.place(), receipt.date(), receipt.title(),
				List.of(new AdministrativeDocument.Row("Chữ thường", VIETNAMESE_LETTERS),
						new AdministrativeDocument.Row("Chữ hoa", VIETNAMESE_LETTERS.toUpperCase(Locale.ROOT))),
				Optional.empty());

		// The rows wrap: compare the words, whatever the line breaks.
		String text = text(renderer.render(alphabet)).replaceAll("\\s+", " ");

		assertThat(text).contains(VIETNAMESE_LETTERS).contains(VIETNAMESE_LETTERS.toUpperCase(Locale.ROOT));
	}

	@Test
	void shipsFontsWithAGlyphForEveryVietnameseLetter() throws Exception {
		for (String font : List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")) {
			try (InputStream in = getClass().getResourceAsStream("fonts/" + font);
				 TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
				CmapLookup cmap = ttf.getUnicodeCmapLookup();
				(VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.toUpperCase(Locale.ROOT)).codePoints().forEach(letter ->
						assertThat(cmap.getGlyphId(letter)).as(font + " has " + Character.toString(letter)).isNotZero());
			}
		}
	}

	@Test
	void loadsNothingFromOutsideTheTemplate(@TempDir Path folder) throws Exception {
		Path image = folder.resolve("outside.png");
		Files.write(image, QrCodes.png("outside", 100));
		AdministrativeDocument receipt = SampleDocuments.feeReceipt();
		AdministrativeDocument pointingOutside = new AdministrativeDocument(receipt.issuer(), receipt.number(),
				receipt.place(), receipt.date(), receipt.title(),
				List.of(new AdministrativeDocument.Row("Ảnh", image.toUri().toString())), Optional.empty());

		try (PDDocument pdf = Loader.loadPDF(renderer.render("external-image", pointingOutside))) {
			PDResources resources = pdf.getPage(0).getResources();
			assertThat(resources.getXObjectNames()).isEmpty();
		}
	}

	@Test
	void drawsTheQrCodeAsTheOnlyImage() throws Exception {
		try (PDDocument pdf = Loader.loadPDF(receipt)) {
			PDResources resources = pdf.getPage(0).getResources();
			assertThat(resources.getXObjectNames()).hasSize(1);
		}
	}

	@Test
	void showsAFigureWithItsCaptionBesideTheQrCodeAndStaysPdfA() throws Exception {
		byte[] pdf = renderer.render(SampleDocuments.feeReceipt()
			.withFigure(new AdministrativeDocument.Figure("Mẫu con dấu", "image/png",
					vn.gov.bca.platform.testkit.TestFiles.sealSpecimen())));

		assertThat(text(pdf)).contains("Mẫu con dấu");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDResources resources = document.getPage(0).getResources();
			List<java.awt.Dimension> images = new ArrayList<>();
			for (COSName name : resources.getXObjectNames()) {
				if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image) {
					images.add(new java.awt.Dimension(image.getWidth(), image.getHeight()));
				}
			}
			// The QR code and the specimen, at its own pixels.
			assertThat(images).hasSize(2).contains(new java.awt.Dimension(160, 160));
		}
		assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("pdfaid:part");
	}

	@Test
	void aFigureIsAPngOrAJpegWhoseBytesSaySo() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new AdministrativeDocument.Figure("Mẫu con dấu", "image/png", "%PDF-1.7".getBytes()));
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new AdministrativeDocument.Figure("Mẫu con dấu", "image/gif", new byte[] { 'G', 'I', 'F' }));
	}

	@Test
	void aFigureClaimingAHugePictureIsRefusedBeforeAnythingDecodesIt() throws Exception {
		// 4,000 x 4,000 pixels of one colour: a few kilobytes of PNG, 64 MB once decoded.
		BufferedImage huge = new BufferedImage(4000, 4000, BufferedImage.TYPE_BYTE_BINARY);
		java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(huge, "png", png);
		assertThat(png.size()).isLessThan(1024 * 1024);
		assertThat(AdministrativeDocument.Figure.dimensions(png.toByteArray())).isEqualTo(new java.awt.Dimension(4000, 4000));
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new AdministrativeDocument.Figure("Mẫu con dấu", "image/png", png.toByteArray()))
			.withMessageContaining("pixels");
	}

	@Test
	void rendersDocumentsOnSeveralThreadsAtOnce() throws Exception {
		AdministrativeDocument receipt = SampleDocuments.feeReceipt();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> texts = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				AdministrativeDocument numbered = new AdministrativeDocument(receipt.issuer(), "00000" + i + "/BL-XNC",
						receipt.place(), receipt.date(), receipt.title(), receipt.rows(), receipt.verificationUrl());
				texts.add(pool.submit(() -> text(renderer.render(numbered))));
			}
			for (int i = 0; i < 8; i++) {
				assertThat(texts.get(i).get(1, TimeUnit.MINUTES)).contains("Số: 00000" + i + "/BL-XNC", "Hai trăm nghìn đồng");
			}
		} finally {
			pool.shutdownNow();
		}
	}

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}
}
