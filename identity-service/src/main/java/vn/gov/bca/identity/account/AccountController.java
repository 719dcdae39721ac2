package vn.gov.bca.identity.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.identity.access.AccessLog;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;

/**
 * VNeID accounts: the citizen follows their account and asks for level 2; officers of the
 * citizen's province verify in person, approve level 2, lock and unlock. Registration is
 * {@link RegistrationController}.
 */
@RestController
@RequestMapping("/api/identity")
class AccountController {

	private final AccountService accounts;

	private final AccessLog accessLog;

	private final Clock clock;

	AccountController(AccountService accounts, AccessLog accessLog, Clock clock) {
		this.accounts = accounts;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	@GetMapping("/me/account")
	Mono<AccountView> myAccount(Caller caller) {
		return Mono.justOrEmpty(caller.personalId())
			.flatMap(this.accounts::find)
			.map(AccountView::of)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("account")));
	}

	/** The citizen asks to be verified in person for level 2 (at any police unit that does it). */
	@PostMapping("/me/account/level-2-request")
	Mono<AccountView> requestLevel2(Caller caller) {
		caller.requireAnyRole(Caller.CITIZEN);
		return Mono.justOrEmpty(caller.personalId())
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("account")))
			.flatMap(this.accounts::requestLevel2)
			.map(AccountView::of);
	}

	/** Accounts of the officer's province waiting for an in-person check, oldest request first. */
	@GetMapping("/accounts/level-2-requests")
	Mono<List<AccountView>> pendingLevel2(@RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
		caller.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR);
		if (caller.province() == null) {
			throw ApiException.forbidden("forbidden");
		}
		return this.accounts.pendingLevel2Requests(caller.province(), page, size).map(AccountView::of).collectList();
	}

	@GetMapping("/accounts/{personalId}")
	Mono<AccountView> account(@PathVariable String personalId, Caller caller) {
		caller.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR, Caller.ADMIN);
		return this.accounts.findFor(personalId, caller)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("account")))
			.flatMap((account) -> this.accessLog.record(personalId, caller, "OFFICER_ACCOUNT_READ", "account view")
				.thenReturn(AccountView.of(account)));
	}

	/**
	 * The officer records the in-person check (document, face, fingerprints) and raises the account
	 * to level 2. 200 when Keycloak already reflects it; 202 when Keycloak is unreachable and the
	 * change will be applied by the periodic pass.
	 */
	@PostMapping("/accounts/{personalId}/level-2-approval")
	Mono<ResponseEntity<AccountView>> approveLevel2(@PathVariable String personalId,
			@Valid @RequestBody VerificationRequest request, Caller caller) {
		caller.requireAnyRole(Caller.OFFICER);
		Account.Verification verification = new Account.Verification(caller.subject(), caller.agency(),
				this.clock.instant(), request.documentChecked(), request.faceMatched(), request.fingerprintsMatched(),
				request.note());
		return this.accounts.approveLevel2(personalId, verification, caller).map(AccountController::answer);
	}

	@PostMapping("/accounts/{personalId}/lock")
	Mono<ResponseEntity<AccountView>> lock(@PathVariable String personalId, @Valid @RequestBody LockRequest request,
			Caller caller) {
		caller.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR, Caller.ADMIN);
		Account.Lock lock = new Account.Lock(request.reason(), request.note(), caller.subject(), caller.agency(),
				this.clock.instant());
		return this.accounts.lock(personalId, lock, caller).map(AccountController::answer);
	}

	@PostMapping("/accounts/{personalId}/unlock")
	Mono<ResponseEntity<AccountView>> unlock(@PathVariable String personalId, Caller caller) {
		caller.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR, Caller.ADMIN);
		return this.accounts.unlock(personalId, caller).map(AccountController::answer);
	}

	static ResponseEntity<AccountView> answer(AccountService.Applied applied) {
		return ResponseEntity.status(applied.inKeycloak() ? HttpStatus.OK : HttpStatus.ACCEPTED)
			.body(AccountView.of(applied.account()));
	}

	/** Both comparisons must have matched: an officer cannot raise a level on a failed check. */
	record VerificationRequest(@NotBlank @Size(max = 100) String documentChecked,
			@AssertTrue boolean faceMatched, @AssertTrue boolean fingerprintsMatched, @Size(max = 500) String note) {
	}

	record LockRequest(@NotNull Account.LockReason reason, @Size(max = 500) String note) {
	}

	/** What the citizen and officers see of an account: never the contact details in full. */
	record AccountView(String personalId, Account.Status status, int identityLevel, Instant registeredAt,
			String phone, Level2View level2Request, Account.LockReason lockReason, boolean appliedToAccountStore) {

		static AccountView of(Account account) {
			Account.Level2Request request = account.level2Request();
			return new AccountView(account.personalId(), account.status(), account.identityLevel(),
					account.registeredAt(), maskPhone(account.phone()),
					(request != null) ? new Level2View(request.requestedAt(),
							(request.verification() != null) ? request.verification().verifiedAt() : null,
							(request.verification() != null) ? request.verification().officerAgency() : null)
							: null,
					(account.lock() != null) ? account.lock().reason() : null, account.keycloakApplied());
		}

		private static String maskPhone(String phone) {
			return (phone == null || phone.length() < 7) ? phone
					: phone.substring(0, 3) + "****" + phone.substring(phone.length() - 3);
		}

	}

	record Level2View(Instant requestedAt, Instant verifiedAt, String verifyingAgency) {
	}

}
