package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ResidentSetTests {

	@Test
	void readsVmRssInKilobytes() {
		String status = "Name:\tjava\nVmPeak:\t 9999 kB\nVmRSS:\t  123456 kB\nRssAnon:\t 1 kB\n";

		assertThat(ResidentSet.parseVmRss(status)).contains(123456L * 1024);
		assertThat(ResidentSet.parseVmRss("Name:\tkthreadd\n")).isEmpty();
	}

	@Test
	void measuresThisJvmOnLinux() {
		Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");

		assertThat(ResidentSet.ofPid(ProcessHandle.current().pid())).isGreaterThan(10L * 1024 * 1024);
		assertThat(ResidentSet.ofPid(Long.MAX_VALUE)).isZero();
	}
}
