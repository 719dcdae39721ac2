package vn.gov.bca.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import vn.gov.bca.platform.runner.RepoRoot;

/**
 * Debian's Chromium, headless, opening a page as a phone's browser does (its own Accept header,
 * Vietnamese first, a phone's window) and printing what it shows to PDF, whose text the tests
 * read. Installed by {@code deploy/test-tools/install-chromium.sh} when missing (root or
 * passwordless sudo); a machine where that fails fails the test, saying so.
 */
final class HeadlessChromium {

	private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--accept-lang=vi-VN,vi", "--window-size=412,915", "--no-pdf-header-footer");

	private HeadlessChromium() {
	}

	/** The page at {@code url} as Chromium renders it, printed to PDF; a screenshot beside it in {@code folder}. */
	static byte[] printToPdf(String url, Path folder, String name) throws IOException, InterruptedException {
		Files.createDirectories(folder);
		Path pdf = folder.resolve(name + ".pdf");
		Path png = folder.resolve(name + ".png");
		Files.deleteIfExists(pdf);
		run(url, folder, "--print-to-pdf=" + pdf);
		run(url, folder, "--screenshot=" + png);
		if (!Files.exists(pdf)) {
			throw new AssertionError("Chromium printed nothing for " + url + " (see " + folder + ")");
		}
		return Files.readAllBytes(pdf);
	}

	private static void run(String url, Path folder, String output) throws IOException, InterruptedException {
		Path profile = Files.createTempDirectory("chromium-profile");
		List<String> command = new ArrayList<>();
		command.add(executable());
		command.addAll(FLAGS);
		command.add("--user-data-dir=" + profile);
		command.add(output);
		command.add(url);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("chromium.log").toFile()))
				.start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("Chromium did not finish with " + url + " in 60 s");
			}
		}
		finally {
			try (var files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	private static String executable() throws IOException, InterruptedException {
		Path found = find();
		if (found == null) {
			Path script = RepoRoot.find().resolve("deploy/test-tools/install-chromium.sh");
			Process install = new ProcessBuilder("bash", script.toString()).inheritIO().start();
			if (!install.waitFor(10, TimeUnit.MINUTES) || install.exitValue() != 0 || (found = find()) == null) {
				throw new AssertionError("The browser tests need Chromium: " + script
						+ " could not install it (it needs root or passwordless sudo and Debian's packages)");
			}
		}
		return found.toString();
	}

	private static Path find() {
		String configured = System.getenv("CHROMIUM");
		for (String candidate : new String[] { configured, "/usr/bin/chromium", "/usr/bin/chromium-browser" }) {
			if (candidate != null && Files.isExecutable(Path.of(candidate))) {
				return Path.of(candidate);
			}
		}
		return null;
	}

}
