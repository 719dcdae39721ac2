package vn.gov.bca.identity.account;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;

import vn.gov.bca.platform.web.error.IllegalTransitionException;

/**
 * A citizen's VNeID account as this service governs it; Keycloak holds the credentials and is made
 * to reflect this record (identity level, enabled). Each transition checks the status, changes it
 * and returns its event; the record is then "not yet applied" to Keycloak until the change has
 * been pushed there ({@link #keycloakApplied()}), so a Keycloak outage delays a change, never loses it.
 */
public class Account {

	@Id
	private final String personalId;

	private String keycloakUserId;

	private Status status;

	private int identityLevel;

	private final String phone;

	private final String email;

	private final Set<String> roles;

	private final Instant registeredAt;

	private Level2Request level2Request;

	private Lock lock;

	private boolean keycloakApplied;

	private final long version;

	/**
	 * PROVISIONING while the Keycloak user is being created for a registration; ACTIVE; LOCKED by an
	 * officer (lost phone, fraud).
	 */
	public enum Status {

		PROVISIONING, ACTIVE, LOCKED

	}

	/** Why an officer locked an account. */
	public enum LockReason {

		LOST_DEVICE, FRAUD_SUSPECTED, CITIZEN_REQUEST, DECEASED, OTHER

	}

	/**
	 * A citizen's request to be verified in person for level 2, and its outcome once an officer has
	 * checked; {@code province} is the citizen's province when they asked, whose officers see it.
	 */
	public record Level2Request(Instant requestedAt, Verification verification, String province) {
	}

	/**
	 * What the officer checked in person before raising the level: who, where, when, against which
	 * document, and the outcome of the face and fingerprint comparison.
	 */
	public record Verification(String officerSubject, String officerAgency, Instant verifiedAt, String documentChecked,
			boolean faceMatched, boolean fingerprintsMatched, String note) {
	}

	/** The current lock: why, by whom, when. */
	public record Lock(LockReason reason, String note, String officerSubject, String officerAgency, Instant lockedAt) {
	}

	@PersistenceCreator
	Account(String personalId, String keycloakUserId, Status status, int identityLevel, String phone, String email,
			Set<String> roles, Instant registeredAt, Level2Request level2Request, Lock lock, boolean keycloakApplied,
			long version) {
		this.personalId = personalId;
		this.keycloakUserId = keycloakUserId;
		this.status = status;
		this.identityLevel = identityLevel;
		this.phone = phone;
		this.email = email;
		this.roles = (roles != null) ? Set.copyOf(roles) : null;
		this.registeredAt = registeredAt;
		this.level2Request = level2Request;
		this.lock = lock;
		this.keycloakApplied = keycloakApplied;
		this.version = version;
	}

	/** A registration under way: the Keycloak user is created next, with the citizen role only. */
	static Account provisioning(String personalId, String phone, String email, Instant now) {
		return new Account(personalId, null, Status.PROVISIONING, 1, phone, email, Set.of("citizen"), now, null, null,
				false, 0);
	}

	/**
	 * An account that exists in Keycloak without a record here (created before this service kept
	 * them, or by an administrator): taken over as it is.
	 */
	static Account adopted(String personalId, String keycloakUserId, int identityLevel, boolean enabled,
			String email, Set<String> roles, Instant now) {
		return new Account(personalId, keycloakUserId, enabled ? Status.ACTIVE : Status.LOCKED, identityLevel, null,
				email, roles, now, null, null, true, 0);
	}

	/** An account taken over from Keycloak whose realm roles could not be read. */
	static Account adopted(String personalId, String keycloakUserId, int identityLevel, boolean enabled,
			String email, Instant now) {
		return adopted(personalId, keycloakUserId, identityLevel, enabled, email, null, now);
	}

	/** The Keycloak user exists: the account is active at level 1. */
	AccountEvent.AccountRegistered provisioned(String keycloakUserId, Instant now) {
		requireStatus(Status.PROVISIONING, "complete-registration");
		this.keycloakUserId = keycloakUserId;
		this.status = Status.ACTIVE;
		this.keycloakApplied = true;
		return new AccountEvent.AccountRegistered(UUID.randomUUID(), now, this.personalId, this.identityLevel);
	}

	/** The citizen asks to be verified for level 2; asking again while a request is open changes nothing. */
	boolean requestLevel2(Instant now, String province) {
		requireStatus(Status.ACTIVE, "request-level-2");
		if (this.identityLevel >= 2) {
			throw new IllegalTransitionException(Level.TWO, "request-level-2");
		}
		if (this.level2Request != null) {
			return false;
		}
		this.level2Request = new Level2Request(now, null, province);
		return true;
	}

	/**
	 * An officer has verified the citizen in person against the registry (face and fingerprints):
	 * level 2 from the next token.
	 */
	AccountEvent.AccountLevelRaised approveLevel2(Verification verification) {
		requireStatus(Status.ACTIVE, "approve-level-2");
		if (this.identityLevel >= 2) {
			throw new IllegalTransitionException(Level.TWO, "approve-level-2");
		}
		if (this.level2Request == null) {
			throw new IllegalTransitionException(Level.ONE_NOT_REQUESTED, "approve-level-2");
		}
		int from = this.identityLevel;
		this.identityLevel = 2;
		this.level2Request = new Level2Request(this.level2Request.requestedAt(), verification,
				this.level2Request.province());
		this.keycloakApplied = false;
		return new AccountEvent.AccountLevelRaised(UUID.randomUUID(), verification.verifiedAt(), this.personalId, from,
				2, verification.officerAgency());
	}

	/**
	 * The check in person an identity-card dossier made at the counter (the holder's face and
	 * fingerprints taken against the registry, the card produced) raises the account exactly as an
	 * approved level-2 request does: the same transition and event. Without a pending request the
	 * check stands for it. Nothing for an account already at level 2 or not active.
	 */
	java.util.Optional<AccountEvent.AccountLevelRaised> verifiedInPerson(Verification verification, String province) {
		if (this.status != Status.ACTIVE || this.identityLevel >= 2) {
			return java.util.Optional.empty();
		}
		if (this.level2Request == null) {
			this.level2Request = new Level2Request(verification.verifiedAt(), null, province);
		}
		return java.util.Optional.of(approveLevel2(verification));
	}

	AccountEvent.AccountLocked lock(Lock lock) {
		requireStatus(Status.ACTIVE, "lock");
		this.status = Status.LOCKED;
		this.lock = lock;
		this.keycloakApplied = false;
		return new AccountEvent.AccountLocked(UUID.randomUUID(), lock.lockedAt(), this.personalId, lock.reason());
	}

	AccountEvent.AccountUnlocked unlock(Instant now) {
		requireStatus(Status.LOCKED, "unlock");
		this.status = Status.ACTIVE;
		this.lock = null;
		this.keycloakApplied = false;
		return new AccountEvent.AccountUnlocked(UUID.randomUUID(), now, this.personalId);
	}

	/** Keycloak now reflects this record. */
	void keycloakUpdated() {
		this.keycloakApplied = true;
	}

	private void requireStatus(Status required, String action) {
		if (this.status != required) {
			throw new IllegalTransitionException(this.status, action);
		}
	}

	/** Where an account stands on the way to level 2, named for the problem a refused action gives. */
	enum Level {

		ONE_NOT_REQUESTED, TWO

	}

	public String personalId() {
		return this.personalId;
	}

	public String keycloakUserId() {
		return this.keycloakUserId;
	}

	public Status status() {
		return this.status;
	}

	public int identityLevel() {
		return this.identityLevel;
	}

	public String phone() {
		return this.phone;
	}

	public String email() {
		return this.email;
	}

	/** The realm roles as last known (null when not known: an account adopted before they were recorded). */
	public Set<String> roles() {
		return this.roles;
	}

	public Instant registeredAt() {
		return this.registeredAt;
	}

	public Level2Request level2Request() {
		return this.level2Request;
	}

	public Lock lock() {
		return this.lock;
	}

	/** Whether Keycloak already reflects this record's level and status. */
	public boolean keycloakApplied() {
		return this.keycloakApplied;
	}

	public long version() {
		return this.version;
	}

	/** Whether the account may sign in (Keycloak's {@code enabled}). */
	public boolean enabled() {
		return this.status == Status.ACTIVE;
	}

}
