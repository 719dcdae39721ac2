package vn.gov.bca.passport.restriction;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.gov.bca.passport.restriction.ExitBan.ExitBanImposed;
import vn.gov.bca.passport.restriction.ExitBan.ExitBanLifted;
import vn.gov.bca.passport.restriction.ExitBans.BanRequest;
import vn.gov.bca.platform.testkit.dossier.Callers;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.IllegalTransitionException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Exit bans (Law 49/2019 Art. 21 and 36) without Spring. */
class ExitBanTests {

	private static final String HOLDER = "001090123499";

	private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

	private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

	private final Caller hanoiOfficer = Callers.officer("001080001111", "PA08-HN", "01");

	private final Caller hanoiLead = Callers.supervisor("001075003333", "PA08-HN", "01");

	private final Caller hcmLead = Callers.supervisor("079175003335", "PA08-HCM", "79");

	@Test
	void anOfficerImposesABanInTheirProvinceFromTodayAndTheEventNamesNoOne() {
		ExitBan.Imposed imposed = ExitBan.impose(request(null, null, null), TODAY, this.hanoiOfficer, NOW);
		ExitBanImposed event = imposed.event();
		assertThat(event.province()).isEqualTo("01");
		assertThat(event.from()).isEqualTo(TODAY);
		assertThat(event.until()).isNull();
		assertThat(event.legalBasis()).isEqualTo("Khoản 1 Điều 36");
		assertThat(event.occurredAt()).isEqualTo(NOW);
		assertThat(event.toString()).doesNotContain(HOLDER);
		assertThat(imposed.ban().isActiveOn(TODAY)).isTrue();
		assertThat(imposed.ban().isActiveOn(TODAY.minusDays(1))).isFalse();
	}

	@Test
	void aBanForAnotherProvinceOrByACitizenIsRefused() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> ExitBan.impose(request(null, null, "79"), TODAY, this.hanoiOfficer, NOW))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(ProblemType.FORBIDDEN));
		Caller citizen = Callers.citizen("001085012345", 2);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> ExitBan.impose(request(null, null, null), TODAY, citizen, NOW))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(ProblemType.FORBIDDEN));
	}

	@Test
	void aBanIsInForceFromItsFirstToItsLastDayBothIncluded() {
		LocalDate from = LocalDate.of(2026, 4, 1);
		LocalDate until = LocalDate.of(2026, 4, 30);
		ExitBan ban = ExitBan.impose(request(from, until, null), TODAY, this.hanoiOfficer, NOW).ban();
		assertThat(ban.isActiveOn(from.minusDays(1))).isFalse();
		assertThat(ban.isActiveOn(from)).isTrue();
		assertThat(ban.isActiveOn(until)).isTrue();
		assertThat(ban.isActiveOn(until.plusDays(1))).isFalse();
	}

	@Test
	void onlyASupervisorOfTheBansProvinceLiftsItAndFromThenItIsNotInForce() {
		ExitBan ban = ExitBan.impose(request(null, null, null), TODAY, this.hanoiOfficer, NOW).ban();
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ban.lift(this.hcmLead, NOW))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(ProblemType.FORBIDDEN));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> ban.lift(this.hanoiOfficer, NOW))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(ProblemType.FORBIDDEN));
		assertThat(ban.isActiveOn(TODAY)).isTrue();

		Instant later = NOW.plusSeconds(3600);
		assertThat(ban.lift(this.hanoiLead, later)).singleElement()
			.isInstanceOfSatisfying(ExitBanLifted.class, (lifted) -> {
				assertThat(lifted.liftedAt()).isEqualTo(later);
				assertThat(lifted.province()).isEqualTo("01");
			});
		assertThat(ban.isActiveOn(TODAY)).isFalse();
	}

	@Test
	void liftingTwiceIsAConflict() {
		ExitBan ban = ExitBan.impose(request(null, null, null), TODAY, this.hanoiOfficer, NOW).ban();
		ban.lift(this.hanoiLead, NOW);
		assertThatExceptionOfType(IllegalTransitionException.class).isThrownBy(() -> ban.lift(this.hanoiLead, NOW))
			.satisfies((ex) -> assertThat(ex.type().status().value()).isEqualTo(409));
	}

	private static BanRequest request(LocalDate from, LocalDate until, String province) {
		return new BanRequest(HOLDER, "Khoản 1 Điều 36", "Bị can trong vụ án hình sự", from, until, province);
	}

}
