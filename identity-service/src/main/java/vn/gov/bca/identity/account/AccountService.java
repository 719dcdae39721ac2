package vn.gov.bca.identity.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

import vn.gov.bca.identity.registry.Citizen;
import vn.gov.bca.identity.registry.CitizenRegistry;
import vn.gov.bca.identity.registry.VietnameseText;
import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.lease.JobLeases;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.PersonalIds;

/**
 * VNeID accounts: registration against the population registry, the level-2 upgrade after an
 * officer's in-person check, and locking. The account record here decides; Keycloak is brought in
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

	AccountService(AggregateStores stores, ReactiveMongoTemplate mongo, CitizenRegistry registry,
			KeycloakAccounts keycloak, JobLeases leases) {
		this.accounts = stores.forCollection(Account.class, COLLECTION);
		this.mongo = mongo;
		this.registry = registry;
		this.keycloak = keycloak;
		this.leases = leases;
	}

	/**
	 * Level-1 registration. The registry must hold a living citizen with that number, name and date
	 * of birth (a mismatch says nothing about which part differs); one account per personal id.
	 */
	public Mono<Account> register(Registration registration) {
		return this.registry.find(registration.personalId())
			.filter((citizen) -> matches(citizen, registration))
			.switchIfEmpty(Mono.error(() -> ApiException.unprocessable("account.registry-mismatch")))
			.flatMap((citizen) -> requireNoAccount(registration.personalId())
				.then(requireNoKeycloakUser(registration.personalId()))
				.then(startProvisioning(registration))
				.flatMap((account) -> createUser(account, citizen, registration)));
	}

	private static boolean matches(Citizen citizen, Registration registration) {
		return citizen.lifeStatus() == Citizen.LifeStatus.ALIVE
				&& citizen.fullNameFolded().equals(VietnameseText.fold(registration.fullName()))
				&& citizen.birthDate().toString().equals(registration.birthDate());
	}

	private Mono<Void> requireNoAccount(String personalId) {
		return this.accounts.findById(personalId)
			.flatMap((account) -> Mono.<Void>error(ApiException.conflict("account.already-registered")));
	}

	private Mono<Void> requireNoKeycloakUser(String personalId) {
		return this.keycloak.findByPersonalId(personalId)
			.flatMap((user) -> adopt(user).then(Mono.<Void>error(ApiException.conflict("account.already-registered"))));
	}

	private Mono<Account> startProvisioning(Registration registration) {
		Account account = Account.provisioning(registration.personalId(), registration.phone(), registration.email(),
				Instant.now());
		return this.accounts.insert(account, List.of())
			.onErrorMap(DuplicateKeyException.class, (duplicate) -> ApiException.conflict("account.already-registered"));
	}

	private Mono<Account> createUser(Account account, Citizen citizen, Registration registration) {
		String[] names = splitName(citizen.fullName());
		KeycloakAccounts.NewUser user = new KeycloakAccounts.NewUser(account.personalId(), names[0], names[1],
				registration.email(), registration.phone(), registration.password());
		return this.keycloak.createCitizen(user)
			.onErrorResume((failure) -> removeProvisioning(account).then(Mono.error(failure)))
			.flatMap((userId) -> {
				AccountEvent.AccountRegistered event = account.provisioned(userId);
				return this.accounts.update(account, account.version(), List.of(event));
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
		Account adopted = Account.adopted(user.personalId(), user.id(), user.identityLevel(), user.enabled(),
				user.email(), Instant.now());
		return this.accounts.insert(adopted, List.of())
			.onErrorResume(DuplicateKeyException.class, (raced) -> this.accounts.findById(user.personalId()));
	}

	public Mono<Account> requestLevel2(String personalId) {
		return require(personalId).flatMap((account) -> {
			long version = account.version();
			if (!account.requestLevel2(Instant.now())) {
				return Mono.just(account);
			}
			return this.accounts.update(account, version, List.of());
		});
	}

	public Mono<Applied> approveLevel2(String personalId, Account.Verification verification) {
		return change(personalId, (account) -> account.approveLevel2(verification));
	}

	public Mono<Applied> lock(String personalId, Account.Lock lock) {
		return change(personalId, (account) -> account.lock(lock));
	}

	public Mono<Applied> unlock(String personalId) {
		return change(personalId, (account) -> account.unlock(Instant.now()));
	}

	/** Level-2 requests waiting for an in-person check, oldest first. */
	public Flux<Account> pendingLevel2Requests(int page, int size) {
		Query query = Query.query(Criteria.where("level2Request.requestedAt")
			.exists(true)
			.and("level2Request.verification")
			.exists(false)
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

	private Mono<Applied> change(String personalId, java.util.function.Function<Account, AccountEvent> transition) {
		return require(personalId).flatMap((account) -> {
			long version = account.version();
			AccountEvent event = transition.apply(account);
			return this.accounts.update(account, version, List.of(event))
				.flatMap((saved) -> applyToKeycloak(saved, version + 1));
		});
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
			.lt(Instant.now().minus(PROVISIONING_TIMEOUT))).limit(500);
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
					List.of(account.provisioned(user.id()))))
			.switchIfEmpty(Mono.defer(() -> removeProvisioning(account).then(Mono.empty())));
	}

	/** What a level-1 registration gives. */
	public record Registration(String personalId, String fullName, String birthDate, String phone, String email,
			String password) {

		@Override
		public String toString() {
			return "Registration[" + PersonalIds.mask(this.personalId) + "]";
		}

	}

	/** An account after a change, and whether Keycloak reflects it already. */
	public record Applied(Account account, boolean inKeycloak) {
	}

}
