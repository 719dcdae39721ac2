package vn.gov.bca.platform.document.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.document.signature.SignatureCheck;
import vn.gov.bca.platform.testkit.SettableClock;
import vn.gov.bca.platform.web.time.VietnamTime;

/** A file's signature is checked once per hash for a while, then again; the memory stays bounded. */
class CheckMemoryTests {

	private final SettableClock clock = SettableClock.at(LocalDateTime.of(2026, 12, 1, 9, 0), VietnamTime.ZONE);

	private final AtomicInteger checks = new AtomicInteger();

	private SignatureCheck.Result check() {
		this.checks.incrementAndGet();
		return new SignatureCheck.Result(true, true, true, Optional.of("CN=PA08-HN"), true, Optional.empty());
	}

	@Test
	void theSameFileIsCheckedOnceUntilTheMemoryLapses() {
		DocumentRegister.CheckMemory memory = new DocumentRegister.CheckMemory(10, Duration.ofMinutes(10), this.clock);

		memory.get("a", this::check);
		memory.get("a", this::check);
		assertThat(this.checks).hasValue(1);
		memory.get("b", this::check);
		assertThat(this.checks).hasValue(2);

		this.clock.advance(Duration.ofMinutes(10));
		memory.get("a", this::check);
		assertThat(this.checks).hasValue(3);
	}

	@Test
	void theLeastRecentlyVerifiedFileIsForgottenFirst() {
		DocumentRegister.CheckMemory memory = new DocumentRegister.CheckMemory(2, Duration.ofMinutes(10), this.clock);
		memory.get("a", this::check);
		memory.get("b", this::check);
		memory.get("a", this::check);
		memory.get("c", this::check);

		memory.get("a", this::check);
		assertThat(this.checks).hasValue(3);
		memory.get("b", this::check);
		assertThat(this.checks).hasValue(4);
	}

}
