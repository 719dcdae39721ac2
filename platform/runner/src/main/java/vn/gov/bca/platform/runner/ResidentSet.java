package vn.gov.bca.platform.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads VmRSS from /proc/<pid>/status; the figure the start-up summary and the tests report. */
final class ResidentSet {

	private ResidentSet() {
	}

	static long ofPid(long pid) {
		try {
			return parseVmRss(Files.readString(Path.of("/proc", Long.toString(pid), "status"))).orElse(0L);
		}
		catch (IOException | RuntimeException e) {
			// the process ended meanwhile, or this is not Linux
			return 0;
		}
	}

	static Optional<Long> parseVmRss(String status) {
		return status.lines()
				.filter(line -> line.startsWith("VmRSS:"))
				.findFirst()
				.map(line -> line.substring("VmRSS:".length()).trim().split("\\s+"))
				.map(parts -> Long.parseLong(parts[0]) * unit(parts.length > 1 ? parts[1] : "kB"));
	}

	private static long unit(String unit) {
		return switch (unit.toLowerCase()) {
			case "kb" -> 1024L;
			case "mb" -> 1024L * 1024;
			case "gb" -> 1024L * 1024 * 1024;
			default -> 1L;
		};
	}

	static String format(long bytes) {
		return String.format("%,d MB", bytes / (1024 * 1024));
	}
}
