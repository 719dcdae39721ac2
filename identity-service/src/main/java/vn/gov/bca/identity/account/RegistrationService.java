package vn.gov.bca.identity.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import vn.gov.bca.identity.notification.Notification;
import vn.gov.bca.identity.notification.Notifications;
import vn.gov.bca.identity.privacy.Pseudonyms;
import vn.gov.bca.identity.registry.BirthDate;
import vn.gov.bca.identity.registry.Citizen;
import vn.gov.bca.identity.registry.CitizenRegistry;
import vn.gov.bca.identity.registry.Contact;
import vn.gov.bca.identity.registry.VietnameseText;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.PersonalIds;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * VNeID level-1 registration in two steps (security review, finding 1). The start takes what is
 * public (personal id, name, date of birth) and always answers the same: a registration id and
 * when it expires. Only when the data match a living citizen does a code go, through the
 * {@link Notifications} port, to the phone or e-mail the registry holds (never to one given in the
 * request). The confirmation takes the registration id, the code and the password and creates the
 * account; until then nothing tells a right guess from a wrong one: a wrong code, an expired or
 * exhausted registration, one that never had a code and an unknown id all give the same 422.
 */
@Service
class RegistrationService {

	static final String COLLECTION = "account_registrations";

	private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
		.withZone(VietnamTime.ZONE);

	private final ReactiveMongoTemplate mongo;

	private final CitizenRegistry registry;

	private final AccountService accounts;

	private final RegistrationLimits limits;

	private final Notifications notifications;

	private final Pseudonyms pseudonyms;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	RegistrationService(ReactiveMongoTemplate mongo, CitizenRegistry registry, AccountService accounts,
			RegistrationLimits limits, Notifications notifications, Pseudonyms pseudonyms, Clock clock) {
		this.mongo = mongo;
		this.registry = registry;
		this.accounts = accounts;
		this.limits = limits;
		this.notifications = notifications;
		this.pseudonyms = pseudonyms;
		this.clock = clock;
	}

	/**
	 * Starts a registration. The answer is the same whether the data matched or not; only the
	 * limits (429) and a missing notification channel (503) refuse, and neither depends on the data.
	 */
	Mono<Started> start(Start start, String clientAddress) {
		if (!this.notifications.available()) {
			return Mono.error(new ApiException(ProblemType.SERVICE_UNAVAILABLE, "registration.notifications-unavailable"));
		}
		return this.limits.countStart(start.personalId(), clientAddress)
			.then(this.registry.find(start.personalId())
				.filter((citizen) -> matches(citizen, start))
				.map(Match::of)
				.defaultIfEmpty(Match.NONE))
			// The account check is made for every start, matched or not, so that both take the same path.
			.flatMap((match) -> this.accounts.hasRecord(start.personalId())
				.flatMap((hasAccount) -> record(start, match, hasAccount)));
	}

	private static boolean matches(Citizen citizen, Start start) {
		return citizen.lifeStatus() == Citizen.LifeStatus.ALIVE
				&& VietnameseText.sameName(citizen.fullName(), start.fullName())
				&& citizen.birthDate().equals(start.birthDate());
	}

	private Mono<Started> record(Start start, Match match, boolean hasAccount) {
		Instant now = this.clock.instant();
		String id = UUID.randomUUID().toString();
		String code = newCode();
		String codeHash = codeHash(id, code);
		Destination destination = match.destination(start.channel());
		PendingRegistration registration = (destination != null && !hasAccount)
				? PendingRegistration.withCode(id, start.personalId(), destination.channel(), destination.to(),
						codeHash, now)
				: PendingRegistration.withoutCode(id, start.personalId(), now);
		return this.mongo.insert(registration, COLLECTION).map((saved) -> {
			if (destination != null) {
				// Off the answer's path: sending takes time only when the data matched.
				notifyLater(hasAccount ? alreadyRegistered(destination, now)
						: codeMessage(destination, code, registration.expiresAt(), now));
			}
			log.info("Registration {} started for {}", id, PersonalIds.mask(start.personalId()));
			return new Started(id, registration.expiresAt(), PendingRegistration.CODE_DIGITS);
		});
	}

	private void notifyLater(Notification notification) {
		this.notifications.send(notification)
			.subscribeOn(Schedulers.boundedElastic())
			.subscribe(null, (failure) -> log.warn("Notification {} not sent: {}", notification, failure.toString()));
	}

	private Notification codeMessage(Destination destination, String code, Instant expiresAt, Instant now) {
		String text = "Mã xác thực đăng ký tài khoản định danh điện tử VNeID: " + code + ". Mã có hiệu lực đến "
				+ TIME.format(expiresAt) + ". Tuyệt đối không cung cấp mã này cho người khác.";
		return new Notification(UUID.randomUUID(), now, destination.channel(), destination.to(),
				Notification.Kind.ACCOUNT_REGISTRATION_CODE, code, expiresAt, text);
	}

	private Notification alreadyRegistered(Destination destination, Instant now) {
		String text = "Có yêu cầu đăng ký tài khoản VNeID bằng số định danh cá nhân của bạn lúc " + TIME.format(now)
				+ ", nhưng bạn đã có tài khoản. Nếu không phải bạn yêu cầu, hãy bỏ qua tin này.";
		return new Notification(UUID.randomUUID(), now, destination.channel(), destination.to(),
				Notification.Kind.ACCOUNT_ALREADY_EXISTS, null, null, text);
	}

	/**
	 * Confirms a registration with its code and creates the account (201). Before the code is
	 * proven every failure is the same 422; after it, the account rules speak (409 already
	 * registered, 503 Keycloak unreachable: the registration stays open to try again).
	 */
	Mono<Account> confirm(String registrationId, String code, String password) {
		Instant now = this.clock.instant();
		return claimAttempt(registrationId, now)
			.filter((registration) -> registration.hasCode()
					&& MessageDigest.isEqual(codeHash(registration.id(), code).getBytes(StandardCharsets.US_ASCII),
							registration.codeHash().getBytes(StandardCharsets.US_ASCII)))
			.flatMap((registration) -> this.registry.find(registration.personalId())
				.filter((citizen) -> citizen.lifeStatus() == Citizen.LifeStatus.ALIVE)
				.flatMap((citizen) -> this.accounts
					.createAccount(citizen, registration.channel(), registration.destination(), password)
					.flatMap((account) -> supersedeOthers(registration.personalId()).thenReturn(account))))
			.switchIfEmpty(Mono.error(() -> ApiException.unprocessable("registration.code-invalid")));
	}

	/** Counts one try against the registration if it still accepts one; empty otherwise. */
	private Mono<PendingRegistration> claimAttempt(String registrationId, Instant now) {
		try {
			UUID.fromString(registrationId);
		}
		catch (IllegalArgumentException ex) {
			return Mono.empty();
		}
		Query open = Query.query(Criteria.where("_id")
			.is(registrationId)
			.and("expiresAt")
			.gt(now)
			.and("attempts")
			.lt(PendingRegistration.MAX_ATTEMPTS));
		return this.mongo.findAndModify(open, new Update().inc("attempts", 1),
				FindAndModifyOptions.options().returnNew(false), PendingRegistration.class, COLLECTION)
			.filter((registration) -> registration.acceptsAttemptAt(now));
	}

	/** The account exists: every other registration of that personal id is void (the real owner's confirmation wins). */
	private Mono<Void> supersedeOthers(String personalId) {
		return this.mongo.remove(Query.query(Criteria.where("personalId").is(personalId)), COLLECTION).then();
	}

	private String newCode() {
		int bound = (int) Math.pow(10, PendingRegistration.CODE_DIGITS);
		return String.format("%0" + PendingRegistration.CODE_DIGITS + "d", this.random.nextInt(bound));
	}

	private String codeHash(String registrationId, String code) {
		return this.pseudonyms.keyedHash("registration-code:" + registrationId + ":" + code);
	}

	/** Expired registrations are removed by MongoDB (TTL index; mongo-java-server ignores it, they just stay unusable). */
	@EventListener(ApplicationReadyEvent.class)
	void declareIndexes() {
		this.mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(java.time.Duration.ofDays(1)).named("expiry"))
			.then(this.mongo.indexOps(COLLECTION)
				.createIndex(new Index().on("personalId", Sort.Direction.ASC).named("personal_id")))
			.then(this.mongo.indexOps(RegistrationLimits.COLLECTION)
				.createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(java.time.Duration.ZERO).named("expiry")))
			.subscribe(null, (ex) -> log.warn("Could not declare the registration indexes: {}", ex.toString()));
	}

	/** What the start takes: public data, and the preferred contact (the other is used if that one is not on record). */
	record Start(String personalId, String fullName, BirthDate birthDate, Notification.Channel channel) {

		@Override
		public String toString() {
			return "Start[" + PersonalIds.mask(this.personalId) + "]";
		}

	}

	/** The same answer for every start. */
	record Started(String registrationId, Instant expiresAt, int codeLength) {
	}

	private record Destination(Notification.Channel channel, String to) {
	}

	/** The contact of the citizen the data matched, if any. */
	private record Match(Contact contact) {

		static final Match NONE = new Match(null);

		static Match of(Citizen citizen) {
			return new Match(citizen.contact());
		}

		Destination destination(Notification.Channel preferred) {
			if (this.contact == null) {
				return null;
			}
			Destination sms = (this.contact.phone() != null)
					? new Destination(Notification.Channel.SMS, this.contact.phone()) : null;
			Destination email = (this.contact.email() != null)
					? new Destination(Notification.Channel.EMAIL, this.contact.email()) : null;
			if (preferred == Notification.Channel.EMAIL) {
				return (email != null) ? email : sms;
			}
			return (sms != null) ? sms : email;
		}

	}

}
