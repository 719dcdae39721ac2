package vn.gov.bca.platform.dossier.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.CodecException;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The national portal's integration API as the public integrations document it: a session from
 * {@code POST /api/auth} with the ministry's account, then {@code POST /api/service} naming the
 * operation, every answer an {@code error_code}. One session is shared by all calls of the instance
 * and renewed before the end it announced ({@code sessionMargin}); a session the portal says is no
 * longer valid ({@code error_code} -1, e.g. after the portal restarted) is renewed at once and the call
 * made again, once.
 */
public class NationalPortalClient {

	public static final String SYNC_DOSSIERS = "DongBoHoSoMC";

	public static final String UPDATE_PROGRESS = "CapNhatTienDoHoSoMC";

	public static final String LOOK_UP_DOSSIER = "TraCuuHoSo";

	public static final String PUBLISH_PROCEDURES = "DongBoThuTuc";

	static final int OK = 0;

	static final int INVALID_DATA = 2;

	static final int UNKNOWN_SERVICE = 3;

	static final int SESSION_INVALID = -1;

	private static final Logger log = LoggerFactory.getLogger(NationalPortalClient.class);

	record SignIn(String username, String password) {
	}

	record Call(String session, String madonvi, String service, Object data) {
	}

	/** The lookup's data: the dossier's code. */
	record LookUp(@JsonProperty("MaHoSo") String code) {
	}

	/** Every answer of the portal. */
	record Answer(@JsonProperty("error_code") Integer errorCode, String message, String session,
			@JsonProperty("expires_in") Long expiresIn, JsonNode result) {
	}

	record Session(String token, Instant expiresAt) {
	}

	private final WebClient web;

	private final NationalPortalProperties properties;

	private final Clock clock;

	private Session current;

	private Mono<Session> signingIn;

	public NationalPortalClient(WebClient.Builder builder, NationalPortalProperties properties, Clock clock) {
		this.web = builder.clone().baseUrl(properties.url()).build();
		this.properties = properties;
		this.clock = clock;
	}

	/** Sends dossiers ({@code DongBoHoSoMC}). */
	public Mono<Void> syncDossiers(List<PortalMessages.SyncedDossier> dossiers) {
		return call(SYNC_DOSSIERS, dossiers).then();
	}

	/** Sends progress entries ({@code CapNhatTienDoHoSoMC}). */
	public Mono<Void> updateProgress(List<PortalMessages.ProgressUpdate> entries) {
		return call(UPDATE_PROGRESS, entries).then();
	}

	/** Publishes procedures ({@code DongBoThuTuc}). */
	public Mono<Void> publishProcedures(List<PortalMessages.PublishedProcedure> procedures) {
		return call(PUBLISH_PROCEDURES, procedures).then();
	}

	/**
	 * The dossier as the portal holds it ({@code TraCuuHoSo}); empty when the portal does not hold
	 * it (it answers {@code error_code} 2 for an unknown code).
	 */
	public Mono<JsonNode> lookUp(String code) {
		return call(LOOK_UP_DOSSIER, new LookUp(code)).onErrorResume(PortalFailure.Refused.class, (unknown) -> Mono.empty());
	}

	private Mono<JsonNode> call(String service, Object data) {
		return session().flatMap((session) -> post(session, service, data).flatMap((answer) -> {
			if (code(answer) == SESSION_INVALID) {
				log.info("National portal: session no longer valid, signing in again");
				invalidate(session);
				return session().flatMap((fresh) -> post(fresh, service, data));
			}
			return Mono.just(answer);
		})).flatMap((answer) -> check(service, answer));
	}

	private Mono<Answer> post(Session session, String service, Object data) {
		return exchange("/api/service", new Call(session.token(), this.properties.unitCode(), service, data));
	}

	/** The shared session, or a new one when it is missing or about to end; one sign-in at a time. */
	synchronized Mono<Session> session() {
		Session held = this.current;
		if (held != null && this.clock.instant().plus(this.properties.sessionMargin()).isBefore(held.expiresAt())) {
			return Mono.just(held);
		}
		if (this.signingIn == null) {
			// Forgotten as soon as it gave its session or failed, before anyone sees its outcome: a
			// finished sign-in is never handed out again in place of a new one.
			this.signingIn = signIn().doOnNext(this::keep).doOnError((failure) -> signedIn()).cache();
		}
		return this.signingIn;
	}

	private synchronized void keep(Session session) {
		this.current = session;
		this.signingIn = null;
	}

	private synchronized void signedIn() {
		this.signingIn = null;
	}

	private synchronized void invalidate(Session session) {
		if (this.current == session) {
			this.current = null;
		}
	}

	private Mono<Session> signIn() {
		Instant asked = this.clock.instant();
		return exchange("/api/auth", new SignIn(this.properties.username(), this.properties.password()))
			.flatMap((answer) -> {
				if (code(answer) != OK || answer.session() == null || answer.expiresIn() == null) {
					// Wrong credentials are an operator's matter: the sync waits, and says why.
					return Mono.error(new PortalFailure.Unavailable(
							"sign-in refused (error_code " + answer.errorCode() + "): " + answer.message(), null));
				}
				return Mono.just(new Session(answer.session(), asked.plusSeconds(answer.expiresIn())));
			});
	}

	private Mono<Answer> exchange(String path, Object body) {
		return this.web.post()
			.uri(path)
			.bodyValue(body)
			.retrieve()
			.onStatus((status) -> !status.is2xxSuccessful(),
					(response) -> response.releaseBody()
						.then(Mono.error(new PortalFailure.Unavailable("HTTP " + response.statusCode().value(), null))))
			.bodyToMono(Answer.class)
			.switchIfEmpty(Mono.error(() -> new PortalFailure.Unavailable("empty answer", null)))
			.timeout(this.properties.timeout())
			.onErrorMap((ex) -> !(ex instanceof PortalFailure), NationalPortalClient::unavailable);
	}

	private static PortalFailure unavailable(Throwable ex) {
		if (ex instanceof TimeoutException) {
			return new PortalFailure.Unavailable("no answer in time", ex);
		}
		if (ex instanceof WebClientException || ex instanceof CodecException) {
			return new PortalFailure.Unavailable(ex.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
		}
		return new PortalFailure.Unavailable(String.valueOf(ex.getMessage()), ex);
	}

	private static Mono<JsonNode> check(String service, Answer answer) {
		int code = code(answer);
		if (code == OK) {
			return Mono.justOrEmpty(answer.result());
		}
		if (code == INVALID_DATA || code == UNKNOWN_SERVICE) {
			return Mono.error(new PortalFailure.Refused(service + " refused (error_code " + code + "): " + answer.message()));
		}
		return Mono.error(new PortalFailure.Unavailable(service + ": error_code " + code + ": " + answer.message(), null));
	}

	private static int code(Answer answer) {
		return (answer.errorCode() != null) ? answer.errorCode() : Integer.MIN_VALUE;
	}

}
