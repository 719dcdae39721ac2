package vn.gov.bca.identity.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.identity.notification.Notification;
import vn.gov.bca.identity.privacy.Pseudonyms;
import vn.gov.bca.identity.registry.Citizen;
import vn.gov.bca.identity.registry.CitizenRegistry;
import vn.gov.bca.identity.registry.RegistryAccess;
import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.lease.JobLeases;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.security.PersonalIds;

/**
 * VNeID accounts: creation once a registration is confirmed ({@link RegistrationService}), the
 * level-2 upgrade after an officer's in-person check, and locking. Officers act only on accounts
 * of citizens of their province ({@link RegistryAccess}; 404 otherwise) and never lock staff. The account record here decides; Keycloak is brought in
 * line right after each change, and again by a periodic pass for any change it missed (Keycloak
 * down, instance stopped), so its state converges on this one.
 */
@Service
public class AccountService {

	static final String COLLECTION = "accounts";

	/** A registration that has not completed in this time was interrupted and is settled by the pass. */
	static final Duration PROVISIONING_TIMEOUT = Duration.ofMinutes(5);

	private static final Logger log = LoggerFactory.getLogger(AccountService.class);

	private final AggregateStore<Account> accounts;

	private final ReactiveMongoTemplate mongo;

	private final CitizenRegistry registry;

	private final KeycloakAccounts keycloak;

	private final JobLeases leases;

	private final Pseudonyms pseudonyms;

	private final Clock clock;

	/** Roles whose accounts only an administrator may lock. */
	static final Set<String> STAFF_ROLES = Set.of(Caller.OFFICER, Caller.SUPERVISOR, Caller.ADMIN);

	AccountService(AggregateStores stores, ReactiveMongoTemplate mongo, CitizenRegistry registry,
			KeycloakAccounts keycloak, JobLeases leases, Pseudonyms pseudonyms, Clock clock) {
		this.accounts = stores.forCollection(Account.class, COLLECTION);
		this.mongo = mongo;
		this.registry = registry;
		this.keycloak = keycloak;
		this.leases = leases;
		this.pseudonyms = pseudonyms;
		this.clock = clock;
	}

	/** Whether this service holds an account record for the number (no Keycloak call: the same cost for every start). */
	Mono<Boolean> hasRecord(String personalId) {
		return this.accounts.findById(personalId).hasElement();
	}

	/**
	 * Creates the level-1 account of a citizen whose registration was confirmed: the contact the
	 * code went to is the account's (an e-mail counts as verified); one account per personal id.
	 */
	Mono<Account> createAccount(Citizen citizen, Notification.Channel channel, String destination, String password) {
		String phone = (channel == Notification.Channel.SMS) ? destination
				: (citizen.contact() != null) ? citizen.contact().phone() : null;
		String email = (channel == Notification.Channel.EMAIL) ? destination
				: (citizen.contact() != null) ? citizen.contact().email() : null;
		return requireNoAccount(citizen.personalId()).then(requireNoKeycloakUser(citizen.personalId()))
			.then(startProvisioning(citizen.personalId(), phone, email))
			.flatMap((account) -> createUser(account, citizen, password, channel == Notification.Channel.EMAIL));
	}

	private Mono<Void> requireNoAccount(String personalId) {
		return this.accounts.findById(personalId)
			.flatMap((account) -> Mono.<Void>error(ApiException.conflict("account.already-registered")));
	}

	private Mono<Void> requireNoKeycloakUser(String personalId) {
		return this.keycloak.findByPersonalId(personalId)
			.flatMap((user) -> adopt(user).then(Mono.<Void>error(ApiException.conflict("account.already-registered"))));
	}

	private Mono<Account> startProvisioning(String personalId, String phone, String email) {
		Account account = Account.provisioning(personalId, phone, email, this.clock.instant());
		return this.accounts.insert(account, List.of())
			.onErrorMap(DuplicateKeyException.class, (duplicate) -> ApiException.conflict("account.already-registered"));
	}

	private Mono<Account> createUser(Account account, Citizen citizen, String password, boolean emailVerified) {
		String[] names = splitName(citizen.fullName());
		KeycloakAccounts.NewUser user = new KeycloakAccounts.NewUser(account.personalId(), names[0], names[1],
				account.email(), emailVerified, account.phone(), password);
		return this.keycloak.createCitizen(user)
			.onErrorResume((failure) -> removeProvisioning(account).then(Mono.error(failure)))
			.flatMap((userId) -> {
				AccountEvent.AccountRegistered event = account.provisioned(userId, this.clock.instant());
				return this.accounts.update(account, account.version(), published(event));
			})
			.doOnNext((registered) -> log.info("VNeID account registered for {}", PersonalIds.mask(registered.personalId())));
	}

	private Mono<Void> removeProvisioning(Account account) {
		Query query = Query.query(Criteria.where("_id")
			.is(account.personalId())
			.and("status")
			.is(Account.Status.PROVISIONING)
			.and("version")
			.is(account.version()));
		return this.mongo.remove(query, COLLECTION).then();
	}

	/** Vietnamese order: the family name first, the given names after it. */
	static String[] splitName(String fullName) {
		int space = fullName.indexOf(' ');
		return (space < 0) ? new String[] { fullName, fullName }
				: new String[] { fullName.substring(0, space), fullName.substring(space + 1) };
	}

	/**
	 * The account of a personal id; one that exists only in Keycloak (demo users, accounts older
	 * than this service's records) is taken over on first use.
	 */
	public Mono<Account> find(String personalId) {
		return this.accounts.findById(personalId)
			.filter((account) -> account.status() != Account.Status.PROVISIONING)
			.switchIfEmpty(Mono.defer(() -> this.keycloak.findByPersonalId(personalId).flatMap(this::adopt)));
	}

	private Mono<Account> adopt(KeycloakAccounts.User user) {
		return this.keycloak.realmRoles(user.id())
			.onErrorResume((failure) -> Mono.just(Set.of()))
			.flatMap((roles) -> {
				Account adopted = Account.adopted(user.personalId(), user.id(), user.identityLevel(), user.enabled(),
						user.email(), roles.isEmpty() ? null : roles, this.clock.instant());
				return this.accounts.insert(adopted, List.of());
			})
			.onErrorResume(DuplicateKeyException.class, (raced) -> this.accounts.findById(user.personalId()));
	}

	/** The citizen asks for level 2; the request names their province, whose officers will see it. */
	public Mono<Account> requestLevel2(String personalId) {
		return require(personalId).flatMap((account) -> this.registry.find(personalId)
			.map(Citizen::responsibleProvince)
			.defaultIfEmpty("")
			.flatMap((province) -> {
				long version = account.version();
				if (!account.requestLevel2(this.clock.instant(), province.isEmpty() ? null : province)) {
					return Mono.just(account);
				}
				return this.accounts.update(account, version, List.of());
			}));
	}

	/** An account as an officer of the citizen's province (or an administrator) may see it; 404 otherwise. */
	public Mono<Account> findFor(String personalId, Caller caller) {
		return requireInReach(personalId, caller).then(find(personalId));
	}

	public Mono<Applied> approveLevel2(String personalId, Account.Verification verification, Caller caller) {
		return change(personalId, caller, (account) -> Mono.empty(), (account) -> account.approveLevel2(verification));
	}

	/**
	 * An identity card produced after the holder's biometrics were taken at the counter raises their
	 * account to level 2 ({@link Account#verifiedInPerson}), from the card dossier's follow-up (no caller:
	 * the officer's right was checked on the dossier). Empty when the holder has no account or it is at
	 * level 2 already; harmless when repeated.
	 */
	public Mono<Applied> verifiedInPerson(String personalId, Account.Verification verification, String province) {
		// An account known only to Keycloak is taken over first; with Keycloak unreachable the card
		// stands and the raise is not made (the citizen may still ask for level 2 the usual way).
		return find(personalId).onErrorResume((failure) -> {
			log.warn("Level 2 of {} not raised after the card's issue: account not readable ({})",
					PersonalIds.mask(personalId), failure.toString());
			return Mono.empty();
		})
			.filter((account) -> account.status() == Account.Status.ACTIVE && account.identityLevel() < 2)
			.flatMap((found) -> this.accounts.change(personalId, (account) -> account
				.verifiedInPerson(verification, province)
				.map((event) -> published(event))
				.orElse(List.of())))
			.flatMap((saved) -> applyToKeycloak(saved, saved.version() + 1));
	}

	/**
	 * Locks an account. An officer or supervisor locks only citizens: an account holding a staff
	 * role (officer, supervisor, admin) is locked by an administrator only (403). The roles are read
	 * from Keycloak; while it is unreachable, from those recorded on the account, and without any
	 * only an administrator may lock (503 for an officer).
	 */
	public Mono<Applied> lock(String personalId, Account.Lock lock, Caller caller) {
		return change(personalId, caller, (account) -> requireMayLock(account, caller), (account) -> account.lock(lock));
	}

	public Mono<Applied> unlock(String personalId, Caller caller) {
		return change(personalId, caller, (account) -> requireMayLock(account, caller),
				(account) -> account.unlock(this.clock.instant()));
	}

	private Mono<Void> requireMayLock(Account account, Caller caller) {
		if (caller.hasRole(Caller.ADMIN)) {
			return Mono.empty();
		}
		Mono<Set<String>> recorded = Mono.justOrEmpty(account.roles())
			.switchIfEmpty(Mono.error(() -> ApiException.unavailable("keycloak")));
		Mono<Set<String>> roles = (account.keycloakUserId() != null)
				? this.keycloak.realmRoles(account.keycloakUserId()).onErrorResume((failure) -> recorded) : recorded;
		return roles.flatMap((held) -> held.stream().anyMatch(STAFF_ROLES::contains)
				? Mono.<Void>error(ApiException.forbidden("account.lock-staff")) : Mono.<Void>empty());
	}

	/** The account's citizen must be within the caller's reach (their province, or any for an administrator). */
	private Mono<Void> requireInReach(String personalId, Caller caller) {
		return this.registry.findFor(personalId, caller)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("account")))
			.then();
	}

	/** Level-2 requests of the officer's province waiting for an in-person check, oldest first. */
	public Flux<Account> pendingLevel2Requests(String province, int page, int size) {
		Query query = Query.query(Criteria.where("level2Request.requestedAt")
			.exists(true)
			.and("level2Request.verification")
			.exists(false)
			.and("level2Request.province")
			.is(province)
			.and("status")
			.is(Account.Status.ACTIVE))
			.with(Sort.by("level2Request.requestedAt", "_id"))
			.skip((long) page * size)
			.limit(size);
		return this.mongo.find(query, Account.class, COLLECTION);
	}

	private Mono<Account> require(String personalId) {
		return find(personalId).switchIfEmpty(Mono.error(() -> ApiException.notFound("account")));
	}

	/**
	 * A transition of an account: the asynchronous checks first (the citizen within reach, the
	 * account, e.g. whether the caller may lock it), then the transition on a fresh read with the
	 * platform's optimistic-lock retry ({@link AggregateStore#change}), then Keycloak.
	 */
	private Mono<Applied> change(String personalId, Caller caller, Function<Account, Mono<Void>> check,
			Function<Account, AccountEvent> transition) {
		return requireInReach(personalId, caller).then(require(personalId))
			.flatMap(check)
			.then(Mono.defer(() -> this.accounts.change(personalId, (account) -> published(transition.apply(account)))))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("account")))
			// The account carries the version it was read at; the stored one is the next.
			.flatMap((saved) -> applyToKeycloak(saved, saved.version() + 1));
	}

	/** The event as it leaves the service: the citizen's pseudonym in place of the personal id. */
	private List<AccountEvent> published(AccountEvent event) {
		return List.of(event.withAggregateId(this.pseudonyms.of(event.aggregateId())));
	}

	/**
	 * Pushes the account's level and status to Keycloak, then notes that it is applied (only if the
	 * record has not changed meanwhile). Keycloak being unavailable is not an error here: the change
	 * is recorded and the periodic pass applies it.
	 */
	private Mono<Applied> applyToKeycloak(Account account, long version) {
		return this.keycloak.apply(account)
			.then(this.mongo.updateFirst(
					Query.query(Criteria.where("_id").is(account.personalId()).and("version").is(version)),
					new Update().set("keycloakApplied", true), COLLECTION))
			.then(Mono.fromCallable(() -> {
				account.keycloakUpdated();
				return new Applied(account, true);
			}))
			.onErrorResume((failure) -> {
				log.warn("Account change of {} not applied to Keycloak yet, will retry: {}",
						PersonalIds.mask(account.personalId()), failure.toString());
				return Mono.just(new Applied(account, false));
			});
	}

	/**
	 * The periodic pass (one instance at a time): applies to Keycloak every change not yet applied,
	 * and settles registrations that were interrupted (completed if Keycloak has the user, removed
	 * otherwise).
	 */
	@Scheduled(initialDelayString = "${vneid.identity.keycloak-sync-interval:PT30S}",
			fixedDelayString = "${vneid.identity.keycloak-sync-interval:PT30S}")
	public Mono<Void> applyPendingChanges() {
		return this.leases.runExclusively("keycloak-account-pass", Duration.ofMinutes(5), pendingChanges());
	}

	private Mono<Void> pendingChanges() {
		Query unapplied = Query.query(Criteria.where("keycloakApplied")
			.is(false)
			.and("status")
			.ne(Account.Status.PROVISIONING)).limit(500);
		Query interrupted = Query.query(Criteria.where("status")
			.is(Account.Status.PROVISIONING)
			.and("registeredAt")
			.lt(this.clock.instant().minus(PROVISIONING_TIMEOUT))).limit(500);
		return this.mongo.find(unapplied, Account.class, COLLECTION)
			.concatMap((account) -> applyToKeycloak(account, account.version()))
			.thenMany(this.mongo.find(interrupted, Account.class, COLLECTION).concatMap(this::settleInterrupted))
			.onErrorResume((failure) -> {
				log.warn("Account pass failed, next one retries: {}", failure.toString());
				return Mono.empty();
			})
			.then();
	}

	private Mono<Account> settleInterrupted(Account account) {
		return this.keycloak.findByPersonalId(account.personalId())
			.flatMap((user) -> this.accounts.update(account, account.version(),
					published(account.provisioned(user.id(), this.clock.instant()))))
			.switchIfEmpty(Mono.defer(() -> removeProvisioning(account).then(Mono.empty())));
	}

	/** An account after a change, and whether Keycloak reflects it already. */
	public record Applied(Account account, boolean inKeycloak) {
	}

}
