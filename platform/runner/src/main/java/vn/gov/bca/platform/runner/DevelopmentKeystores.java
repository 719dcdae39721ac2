package vn.gov.bca.platform.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The document-signing keystores of a local run ({@code <data>/documents/<service>.p12}): each
 * service writes its own development CA there on first start (platform-document,
 * {@code vneid.documents.development-ca}); the password they share is generated here once, at
 * random, and kept beside them readable by the owner only. {@code ./run --clean} deletes all of it.
 */
final class DevelopmentKeystores {

	private DevelopmentKeystores() {
	}

	static Path directory(Path dataDir) {
		return dataDir.resolve("documents");
	}

	static Path keystore(Path dataDir, Service service) {
		return directory(dataDir).resolve(service.module() + ".p12");
	}

	/** The keystores' password: read from {@code keystore-password}, written there first if absent. */
	static synchronized String password(Path dataDir) {
		Path file = directory(dataDir).resolve("keystore-password");
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.US_ASCII).strip();
			}
			Files.createDirectories(file.getParent());
			byte[] random = new byte[18];
			new SecureRandom().nextBytes(random);
			String password = HexFormat.of().formatHex(random);
			Files.writeString(file, password, StandardCharsets.US_ASCII);
			// Readable by the owner only where the file system has POSIX permissions (elsewhere, as the folder).
			if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			return password;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the document keystores' password in " + file, ex);
		}
	}

}
