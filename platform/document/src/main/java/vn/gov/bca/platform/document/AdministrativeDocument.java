package vn.gov.bca.platform.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a generic administrative document shows: the header of Decree 30/2020/NĐ-CP (the issuing
 * unit on the left, the national motto on the right, the number, the place and date), a title,
 * label/value rows and, when the document can be verified, the QR code of its verification URL.
 *
 * @param issuer the issuing unit, under its superior body
 * @param number the document's number and symbol, printed after "Số: " (e.g. "000123/BL-XNC")
 * @param place  the place name of the date line ("Hà Nội"); blank for none
 * @param date   the date of issue
 * @param title  the document's name ("BIÊN LAI THU LỆ PHÍ"), printed as given
 * @param rows   the body, one label and value per line, in order
 * @param verificationUrl the URL the QR code holds; empty for a document without one
 * @param figure an image the document shows under its rows (a seal's specimen); empty for none
 */
public record AdministrativeDocument(
		IssuingUnit issuer,
		String number,
		String place,
		LocalDate date,
		String title,
		List<Row> rows,
		Optional<String> verificationUrl,
		Optional<Figure> figure) {

	/** A document without a figure. */
	public AdministrativeDocument(IssuingUnit issuer, String number, String place, LocalDate date, String title,
			List<Row> rows, Optional<String> verificationUrl) {
		this(issuer, number, place, date, title, rows, verificationUrl, Optional.empty());
	}

	public AdministrativeDocument {
		Objects.requireNonNull(issuer, "issuer");
		requireText(number, "number");
		place = place == null ? "" : place.strip();
		Objects.requireNonNull(date, "date");
		requireText(title, "title");
		rows = List.copyOf(rows);
		Objects.requireNonNull(verificationUrl, "verificationUrl");
		Objects.requireNonNull(figure, "figure");
	}

	/**
	 * An image printed under the rows with its caption: a PNG or a JPEG (checked by its first bytes,
	 * the only formats a template embeds), at most 1 MB and {@value #MAX_SIDE} pixels a side, read
	 * from its header before anything decodes it (a small file can claim a huge picture).
	 */
	public record Figure(String caption, String mediaType, byte[] image) {

		/** The largest side, in pixels, of a figure: a 5 cm figure at 600 dpi is about 1,200. */
		public static final int MAX_SIDE = 2000;

		public Figure {
			requireText(caption, "caption");
			Objects.requireNonNull(image, "image");
			if (image.length == 0 || image.length > 1024 * 1024) {
				throw new IllegalArgumentException("a figure's image is 1 byte to 1 MB");
			}
			boolean png = image.length > 8 && image[0] == (byte) 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G';
			boolean jpeg = image.length > 3 && image[0] == (byte) 0xFF && image[1] == (byte) 0xD8 && image[2] == (byte) 0xFF;
			if (!("image/png".equals(mediaType) && png) && !("image/jpeg".equals(mediaType) && jpeg)) {
				throw new IllegalArgumentException("a figure is a PNG or a JPEG whose bytes say so");
			}
			java.awt.Dimension size = dimensions(image);
			if (size == null || size.width < 1 || size.height < 1 || size.width > MAX_SIDE || size.height > MAX_SIDE) {
				throw new IllegalArgumentException("a figure is an image of 1 to " + MAX_SIDE + " pixels a side");
			}
			image = image.clone();
		}

		/** The picture's width and height from the image's header, without decoding it; null if unreadable. */
		public static java.awt.Dimension dimensions(byte[] image) {
			try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO
				.createImageInputStream(new java.io.ByteArrayInputStream(image))) {
				java.util.Iterator<javax.imageio.ImageReader> readers = javax.imageio.ImageIO.getImageReaders(in);
				if (!readers.hasNext()) {
					return null;
				}
				javax.imageio.ImageReader reader = readers.next();
				try {
					reader.setInput(in, true, true);
					return new java.awt.Dimension(reader.getWidth(0), reader.getHeight(0));
				}
				finally {
					reader.dispose();
				}
			}
			catch (java.io.IOException | RuntimeException ex) {
				return null;
			}
		}

		/** The image as a {@code data:} URI, the only kind of resource a template may load. */
		public String dataUri() {
			return "data:" + this.mediaType + ";base64," + java.util.Base64.getEncoder().encodeToString(this.image);
		}

		@Override
		public byte[] image() {
			return this.image.clone();
		}
	}

	/** The issuing unit: its superior body (first line, "BỘ CÔNG AN") and itself (second line, bold). */
	public record IssuingUnit(String superiorBody, String unit) {
		public IssuingUnit {
			requireText(superiorBody, "superiorBody");
			requireText(unit, "unit");
		}
	}

	/** One line of the body: "Số tiền" / "200.000 đồng". */
	public record Row(String label, String value) {
		public Row {
			requireText(label, "label");
			Objects.requireNonNull(value, "value");
		}
	}

	/** The same document, its QR code holding {@code url}. */
	public AdministrativeDocument withVerificationUrl(String url) {
		requireText(url, "url");
		return new AdministrativeDocument(issuer, number, place, date, title, rows, Optional.of(url), figure);
	}

	/** The same document, showing {@code figure} under its rows. */
	public AdministrativeDocument withFigure(Figure figure) {
		return new AdministrativeDocument(issuer, number, place, date, title, rows, verificationUrl,
				Optional.of(figure));
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is required");
		}
	}
}
