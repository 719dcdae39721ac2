package vn.gov.bca.identity.account;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.web.error.IllegalTransitionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountTests {

	private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");

	private final Account account = registered();

	private static Account registered() {
		Account account = Account.provisioning("001085012345", "0912345678", "an@example.vn", NOW);
		account.provisioned("kc-user-1", NOW);
		return account;
	}

	private static Account.Verification check() {
		return new Account.Verification("officer-1", "PA08-HN", NOW, "Căn cước 001085012345", true, true, null);
	}

	@Test
	void aRegistrationCompletesAsAnActiveLevelOneAccount() {
		Account account = Account.provisioning("001085012345", "0912345678", "an@example.vn", NOW);
		AccountEvent.AccountRegistered event = account.provisioned("kc-user-1", NOW);

		assertThat(account.status()).isEqualTo(Account.Status.ACTIVE);
		assertThat(account.identityLevel()).isEqualTo(1);
		assertThat(account.keycloakApplied()).isTrue();
		assertThat(event.aggregateId()).isEqualTo("001085012345");
		assertThat(event.identityLevel()).isEqualTo(1);
	}

	@Test
	void levelTwoNeedsTheCitizensRequestThenAnOfficersCheck() {
		assertThatThrownBy(() -> this.account.approveLevel2(check())).isInstanceOf(IllegalTransitionException.class);

		assertThat(this.account.requestLevel2(NOW, "01")).isTrue();
		assertThat(this.account.requestLevel2(NOW.plusSeconds(60), "01")).isFalse();
		AccountEvent.AccountLevelRaised raised = this.account.approveLevel2(check());

		assertThat(this.account.identityLevel()).isEqualTo(2);
		assertThat(this.account.keycloakApplied()).isFalse();
		assertThat(this.account.level2Request().verification().officerAgency()).isEqualTo("PA08-HN");
		assertThat(raised.fromLevel()).isEqualTo(1);
		assertThat(raised.toLevel()).isEqualTo(2);
	}

	@Test
	void aLevelTwoAccountCannotBeRaisedOrRequestAgain() {
		this.account.requestLevel2(NOW, "01");
		this.account.approveLevel2(check());

		assertThatThrownBy(() -> this.account.approveLevel2(check())).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> this.account.requestLevel2(NOW, "01")).isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void aLockedAccountCannotSignInNorBeRaisedUntilUnlocked() {
		this.account.requestLevel2(NOW, "01");
		AccountEvent.AccountLocked locked = this.account
			.lock(new Account.Lock(Account.LockReason.LOST_DEVICE, "mất điện thoại", "officer-1", "PA08-HN", NOW));

		assertThat(this.account.enabled()).isFalse();
		assertThat(locked.reason()).isEqualTo(Account.LockReason.LOST_DEVICE);
		assertThatThrownBy(() -> this.account.approveLevel2(check())).isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> this.account
			.lock(new Account.Lock(Account.LockReason.FRAUD_SUSPECTED, null, "officer-1", "PA08-HN", NOW)))
			.isInstanceOfSatisfying(IllegalTransitionException.class,
					(refused) -> assertThat(refused.getMessage()).contains("lock").contains("LOCKED"));

		this.account.unlock(NOW);
		assertThat(this.account.enabled()).isTrue();
		assertThat(this.account.lock()).isNull();
		assertThatThrownBy(() -> this.account.unlock(NOW)).isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void aRegistrationStillProvisioningCannotBeLocked() {
		Account provisioning = Account.provisioning("001085012345", "0912345678", "an@example.vn", NOW);
		assertThatThrownBy(() -> provisioning
			.lock(new Account.Lock(Account.LockReason.OTHER, null, "officer-1", "PA08-HN", NOW)))
			.isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void theFamilyNameComesFirst() {
		assertThat(AccountService.splitName("Nguyễn Văn An")).containsExactly("Nguyễn", "Văn An");
		assertThat(AccountService.splitName("Lý")).containsExactly("Lý", "Lý");
	}

	@Test
	void theCheckInPersonOfACardDossierRaisesToLevelTwoAsAnApprovedRequestDoesOnce() {
		AccountEvent.AccountLevelRaised raised = this.account.verifiedInPerson(check(), "01").orElseThrow();

		assertThat(raised.toLevel()).isEqualTo(2);
		assertThat(this.account.identityLevel()).isEqualTo(2);
		assertThat(this.account.level2Request().verification()).isEqualTo(check());
		assertThat(this.account.level2Request().province()).isEqualTo("01");
		assertThat(this.account.verifiedInPerson(check(), "01")).isEmpty();
	}

}
