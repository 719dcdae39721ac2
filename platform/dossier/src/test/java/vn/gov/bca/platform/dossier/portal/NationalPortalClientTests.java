package vn.gov.bca.platform.dossier.portal;

import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import vn.gov.bca.nationalportalsandbox.Mode;
import vn.gov.bca.nationalportalsandbox.NationalPortalSandbox;
import vn.gov.bca.nationalportalsandbox.Settings;
import vn.gov.bca.platform.testkit.SettableClock;
import vn.gov.bca.platform.web.time.VietnamTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client of the portal's API against the sandbox, one clock for both: the session renewed
 * before the end it announced, and each way the portal fails told apart (waits, or refused data).
 */
class NationalPortalClientTests {

	private static final SettableClock clock = SettableClock.at(LocalDateTime.of(2026, 12, 2, 9, 0), VietnamTime.ZONE);

	private static final NationalPortalSandbox portal = NationalPortalSandbox
		.start(Settings.forTests().withSessionLifetime(Duration.ofSeconds(90)), clock);

	private final NationalPortalClient client = new NationalPortalClient(WebClient.builder(),
			new NationalPortalProperties(portal.url(), null, portal.settings().password(), null, Duration.ofSeconds(1),
					Duration.ofSeconds(60), null, null, null, null),
			clock);

	@AfterEach
	void normal() {
		portal.setMode(Mode.NORMAL, Duration.ZERO);
	}

	@AfterAll
	static void stop() {
		portal.close();
	}

	@Test
	void theSessionIsRenewedSixtySecondsBeforeItsEnd() {
		String first = this.client.session().block().token();
		clock.advance(Duration.ofSeconds(20));
		assertThat(this.client.session().block().token()).isEqualTo(first);
		// 35 s in: the portal would take it for 55 s more, but that is within the margin.
		clock.advance(Duration.ofSeconds(15));
		String second = this.client.session().block().token();
		assertThat(second).isNotEqualTo(first);
		assertThat(this.client.lookUp("KHONG-CO-261202-0001").blockOptional()).isEmpty();
	}

	@Test
	void aSessionThePortalEndedEarlyIsReplacedAndTheCallMadeAgain() {
		String first = this.client.session().block().token();
		portal.expireSessions();
		assertThat(this.client.lookUp("KHONG-CO-261202-0001").blockOptional()).isEmpty();
		assertThat(this.client.session().block().token()).isNotEqualTo(first);
	}

	@Test
	void aPortalDownFailingOrTooSlowIsUnavailableAndRefusedDataIsRefused() {
		portal.setMode(Mode.DOWN, Duration.ZERO);
		assertThatThrownBy(() -> this.client.updateProgress(java.util.List.of()).block())
			.isInstanceOf(PortalFailure.Unavailable.class)
			.hasMessageContaining("HTTP 503");
		portal.setMode(Mode.ERROR, Duration.ZERO);
		assertThatThrownBy(() -> this.client.updateProgress(java.util.List.of()).block())
			.isInstanceOf(PortalFailure.Unavailable.class)
			.hasMessageContaining("error_code 99");
		portal.setMode(Mode.SLOW, Duration.ofSeconds(3));
		assertThatThrownBy(() -> this.client.updateProgress(java.util.List.of()).block())
			.isInstanceOf(PortalFailure.Unavailable.class)
			.hasMessageContaining("no answer in time");
		portal.setMode(Mode.NORMAL, Duration.ZERO);
		// An empty list is data at fault for the portal.
		assertThatThrownBy(() -> this.client.updateProgress(java.util.List.of()).block())
			.isInstanceOf(PortalFailure.Refused.class)
			.hasMessageContaining("error_code 2");
	}

}
