package vn.gov.bca.platform.document.register;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A signed document as its holder downloads it: a PDF attachment under the given name, never
 * sniffed as anything else, never kept by a shared cache.
 */
public final class PdfDownloads {

	private PdfDownloads() {
	}

	public static ResponseEntity<byte[]> of(String filename, byte[] pdf) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", ContentDisposition.attachment().filename(filename).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(pdf);
	}

}
