package vn.gov.bca.passport.restriction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.data.paging.KeysetPages;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/** Exit bans over HTTP, seen by every officer as one blocks a passport in every province; the ban guards the rest. */
@RestController
@RequestMapping("/api/passport/exit-bans")
public class ExitBans {

	/**
	 * Bans read per reply when a passport is checked: the check goes on to the next page only until
	 * it meets an active ban, so however many decisions were recorded about a person no reply is large.
	 */
	static final int CHECK_PAGE = 100;

	/**
	 * The most bans an officer is shown for one person, oldest first: a person has a handful (each is
	 * a decision of a court or an investigating body); the bound keeps the answer small whatever is recorded.
	 */
	static final int MAX_LISTED = 1_000;

	private final AggregateStore<ExitBan> store;
	private final ReactiveMongoTemplate mongo;
	private final Clock clock;

	ExitBans(AggregateStores stores, ReactiveMongoTemplate mongo, Clock clock) {
		this.store = stores.forCollection(ExitBan.class, "passport_exit_bans");
		this.mongo = mongo;
		this.clock = clock;
		mongo.indexOps(this.store.collection())
			.createIndex(new Index().on("decision.personalId", Sort.Direction.ASC).named("personal_id"))
			.subscribe(null, (ex) -> LoggerFactory.getLogger(ExitBans.class).warn("No exit bans index: {}", ex.toString()));
	}

	/** Whether any ban of the person is active that day: every ban is looked at (never only the first {@link #MAX_LISTED}). */
	public Mono<Boolean> isBanned(String personalId, LocalDate day) {
		return KeysetPages.all(this.mongo, ofPerson(personalId), ExitBan.class, this.store.collection(), CHECK_PAGE,
				ExitBan::id)
			.any((ban) -> ban.isActiveOn(day));
	}

	@GetMapping("/{personalId}")
	Mono<List<ExitBan>> of(@PathVariable String personalId, Caller officer) {
		officer.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR);
		return bansOf(personalId);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<ExitBan> impose(@Valid @RequestBody BanRequest request, Caller officer) {
		ExitBan.Imposed imposed = ExitBan.impose(request, VietnamTime.today(this.clock), officer, this.clock.instant());
		return this.store.insert(imposed.ban(), List.of(imposed.event()));
	}

	/** Another person's ban, or none, is 404 (to a supervisor: anyone else is 403 first). */
	@PostMapping("/{personalId}/{banId}/lift")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> lift(@PathVariable String personalId, @PathVariable String banId, Caller supervisor) {
		supervisor.requireAnyRole(Caller.SUPERVISOR);
		return this.store.change(banId, (ban) -> {
			if (!ban.isOf(personalId)) {
				throw ApiException.notFound("exit-ban");
			}
			return ban.lift(supervisor, this.clock.instant());
		}).switchIfEmpty(Mono.error(() -> ApiException.notFound("exit-ban"))).then();
	}

	private Mono<List<ExitBan>> bansOf(String personalId) {
		Query query = Query.query(ofPerson(personalId))
			.with(Sort.by("decision.recordedAt", "_id"))
			.limit(MAX_LISTED);
		return this.mongo.find(query, ExitBan.class, this.store.collection()).collectList();
	}

	private static Criteria ofPerson(String personalId) {
		return Criteria.where("decision.personalId").is(personalId);
	}

	record BanRequest(@NotBlank @Pattern(regexp = "[0-9]{12}") String personalId,
			@NotBlank @Size(max = 200) String legalBasis, @NotBlank @Size(max = 500) String reason, LocalDate from,
			LocalDate until, @Pattern(regexp = "[0-9]{2}") String province) {
	}

}
