package vn.gov.bca.platform.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where the stack keeps what survives a restart: {@code kafka/} (Kafka's log dir), {@code mongo/}
 * (the H2 file), {@code keycloak/} (Keycloak's dev database), {@code payment-sandbox/} (the payment
 * sandbox's journal) and {@code config/} (written anew at each start).
 */
record DataDirectory(Path root) {

	/** Deletes the directory first when asked to; refuses anything that holds the repository. */
	static DataDirectory prepare(LocalStackOptions options, PrintStream out) {
		Path root = options.dataDir();
		if (options.clean() && Files.exists(root)) {
			if (options.repoRoot().startsWith(root) || root.getNameCount() < 2) {
				throw new IllegalStateException("Refusing to delete " + root + ": it holds the repository");
			}
			out.println("[local] deleting " + root);
			deleteRecursively(root);
		}
		try {
			Files.createDirectories(root.resolve("config"));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not create " + root, e);
		}
		return new DataDirectory(root);
	}

	Path kafka() {
		return root.resolve("kafka");
	}

	Path mongoFile() {
		return root.resolve("mongo").resolve("vneid.mv");
	}

	Path keycloak() {
		return root.resolve("keycloak");
	}

	/** The payment sandbox's journal of checkouts and outcomes, replayed when it starts. */
	Path paymentSandboxJournal() {
		return root.resolve("payment-sandbox").resolve("journal.jsonl");
	}

	/** The national portal sandbox's journal of what it accepted, replayed when it starts. */
	Path nationalPortalSandboxJournal() {
		return root.resolve("national-portal-sandbox").resolve("journal.jsonl");
	}

	/** The configuration files rendered at each start. */
	Path config() {
		return root.resolve("config");
	}

	static void deleteRecursively(Path dir) {
		try {
			Files.walkFileTree(dir, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					Files.delete(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
					Files.delete(directory);
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not delete " + dir, e);
		}
	}
}
