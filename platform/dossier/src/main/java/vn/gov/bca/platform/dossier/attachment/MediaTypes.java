package vn.gov.bca.platform.dossier.attachment;

/**
 * What a file is, from its first bytes rather than from its name or the type the client declared:
 * PDF, JPEG and PNG are accepted; anything else (an executable renamed {@code .pdf}, a Word file, a
 * GIF) is not.
 */
final class MediaTypes {

	static final String PDF = "application/pdf";

	static final String JPEG = "image/jpeg";

	static final String PNG = "image/png";

	private static final byte[] PDF_MAGIC = { '%', 'P', 'D', 'F', '-' };

	private static final byte[] JPEG_MAGIC = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG_MAGIC = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private MediaTypes() {
	}

	/** The media type the content really has, or null when it is none of those accepted. */
	static String sniff(byte[] content) {
		if (startsWith(content, PDF_MAGIC)) {
			return PDF;
		}
		if (startsWith(content, JPEG_MAGIC)) {
			return JPEG;
		}
		if (startsWith(content, PNG_MAGIC)) {
			return PNG;
		}
		return null;
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		if (content.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (content[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

}
