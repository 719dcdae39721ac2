package vn.gov.bca.residence.register;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.lease.JobLeases;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.IllegalTransitionException;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The automatic cases of deletion, found every night and proposed to the officers of the province,
 * never applied by the machine: an officer confirms a proposal (the registration is then deleted with
 * its legal ground, the person gets the signed notice of it, and the registry follows the event) or
 * dismisses it with a reason. The cases the
 * register can see:
 * <ul>
 * <li>a temporary residence whose registered period (Law on Residence Art. 27(3)) ended without a
 * renewal (Art. 28(4)): the day after its last day;</li>
 * <li>Art. 24(1)(d), "vắng mặt liên tục tại nơi thường trú từ 12 tháng trở lên mà không đăng ký tạm
 * trú tại chỗ ở khác hoặc không khai báo tạm vắng": the last thing the register knows places the
 * permanent resident elsewhere — a temporary residence in another commune, or a declared absence —
 * and it ended 12 months ago or more, with nothing registered or declared since. Whether the person
 * is really away is for the commune police to verify before confirming.</li>
 * </ul>
 * A case is proposed once (its id is the file's reference, the registration and the case).
 */
@RestController
public class DeletionProposals {

	static final String COLLECTION = "residence_deletion_proposals";

	private static final Logger log = LoggerFactory.getLogger(DeletionProposals.class);

	private static final int PAGE = 500;

	private final ResidenceRegister register;

	private final ReactiveMongoTemplate mongo;

	private final JobLeases leases;

	private final DeletionNotices notices;

	private final Clock clock;

	DeletionProposals(ResidenceRegister register, ReactiveMongoTemplate mongo, JobLeases leases,
			DeletionNotices notices, Clock clock) {
		this.notices = notices;
		this.register = register;
		this.mongo = mongo;
		this.leases = leases;
		this.clock = clock;
	}

	public enum Case {

		TEMPORARY_PERIOD_ENDED("Luật Cư trú Điều 27(3), 28(4): hết thời hạn tạm trú mà không gia hạn"),
		ABSENT_TWELVE_MONTHS("Luật Cư trú Điều 24(1)(d): vắng mặt liên tục tại nơi thường trú từ 12 tháng trở lên "
				+ "mà không đăng ký tạm trú tại chỗ ở khác hoặc không khai báo tạm vắng");

		private final String ground;

		Case(String ground) {
			this.ground = ground;
		}

		public String ground() {
			return this.ground;
		}

	}

	public enum Status {

		OPEN, CONFIRMED, DISMISSED

	}

	/** A proposed deletion: whose registration, why, since when it applies, and what an officer decided. */
	public record Proposal(@Id String id, String personalId, String entryId, ResidentFile.Kind kind, String province,
			String commune, Case reason, String ground, LocalDate appliesSince, LocalDate proposedOn, Status status,
			String decidedBy, Instant decidedAt, String note) {
	}

	record Dismissal(@NotBlank @Size(max = 500) String reason) {
	}

	@Scheduled(cron = "${vneid.residence.deletion-check-cron:0 30 1 * * *}", zone = VietnamTime.ZONE_ID)
	Mono<Integer> nightly() {
		LocalDate today = VietnamTime.today(this.clock);
		return this.leases.runExclusively("residence-deletion-check-" + today, Duration.ofHours(2), check(today))
			.onErrorResume((failure) -> {
				log.warn("The deletion check of {} failed, the next night's run finds the same cases: {}", today,
						failure.toString());
				return Mono.empty();
			});
	}

	/** Finds the cases of that day and proposes those not proposed before; the number proposed. */
	public Mono<Integer> check(LocalDate today) {
		Mono<Integer> temporary = pages(ResidentFile.Kind.TEMPORARY, (file) -> temporaryEnded(file, today));
		Mono<Integer> absent = pages(ResidentFile.Kind.PERMANENT, (file) -> absentTwelveMonths(file, today));
		return temporary.zipWith(absent, Integer::sum);
	}

	private Mono<Integer> pages(ResidentFile.Kind kind, java.util.function.Function<ResidentFile, Optional<Proposal>> find) {
		return page(kind, "", find, 0);
	}

	private Mono<Integer> page(ResidentFile.Kind kind, String after,
			java.util.function.Function<ResidentFile, Optional<Proposal>> find, int proposed) {
		return this.register.withCurrent(kind, after, PAGE).collectList().flatMap((files) -> {
			if (files.isEmpty()) {
				return Mono.just(proposed);
			}
			return Flux.fromIterable(files)
				.flatMap((file) -> Mono.justOrEmpty(find.apply(file)))
				.concatMap(this::propose)
				.reduce(0, (sum, one) -> sum + one)
				.flatMap((count) -> (files.size() < PAGE) ? Mono.just(proposed + count)
						: page(kind, files.get(files.size() - 1).personalId(), find, proposed + count));
		});
	}

	static Optional<Proposal> temporaryEnded(ResidentFile file, LocalDate today) {
		return file.currentOf(ResidentFile.Kind.TEMPORARY)
			.filter((entry) -> entry.until() != null && entry.until().isBefore(today))
			.map((entry) -> proposal(file, entry, Case.TEMPORARY_PERIOD_ENDED, entry.until().plusDays(1), today));
	}

	static Optional<Proposal> absentTwelveMonths(ResidentFile file, LocalDate today) {
		Optional<ResidentFile.Entry> permanent = file.currentOf(ResidentFile.Kind.PERMANENT);
		if (permanent.isEmpty()) {
			return Optional.empty();
		}
		ResidentFile.Entry home = permanent.get();
		List<ResidentFile.Entry> since = new ArrayList<>(file.entries()
			.stream()
			.filter((entry) -> entry.kind() != ResidentFile.Kind.PERMANENT && !entry.from().isBefore(home.from()))
			.toList());
		if (since.isEmpty()) {
			return Optional.empty();
		}
		ResidentFile.Entry last = since.stream().max(Comparator.comparing(ResidentFile.Entry::from)).orElseThrow();
		boolean elsewhere = last.kind() == ResidentFile.Kind.ABSENCE
				|| !last.address().sameCommuneAs(home.address().provinceCode(), home.address().commune());
		LocalDate ended = (last.endedOn() != null && (last.until() == null || last.endedOn().isBefore(last.until())))
				? last.endedOn() : last.until();
		if (!elsewhere || ended == null || last.isCurrent() && !ended.isBefore(today)) {
			return Optional.empty();
		}
		// Twelve months of absence counted from the day after the last known stay elsewhere ended.
		LocalDate appliesSince = ended.plusDays(1).plusMonths(12);
		return appliesSince.isAfter(today) ? Optional.empty()
				: Optional.of(proposal(file, home, Case.ABSENT_TWELVE_MONTHS, appliesSince, today));
	}

	private static Proposal proposal(ResidentFile file, ResidentFile.Entry entry, Case reason, LocalDate since,
			LocalDate today) {
		// The id goes into URLs and, through the deletion's decidedBy, into ResidenceDeleted: the file's
		// opaque reference, never the personal id; no slash (the entry's), which a path segment cannot carry.
		String id = file.reference() + "-" + entry.id().replace('/', '-') + "-" + reason;
		return new Proposal(id, file.personalId(), entry.id(),
				entry.kind(), entry.address().provinceCode(), entry.address().commune(), reason, reason.ground(), since,
				today, Status.OPEN, null, null, null);
	}

	private Mono<Integer> propose(Proposal proposal) {
		return this.mongo.insert(proposal, COLLECTION)
			.thenReturn(1)
			.onErrorResume(DuplicateKeyException.class, (already) -> Mono.just(0));
	}

	/** The province's proposals, open ones by default, oldest first. */
	@GetMapping("/api/residence/deletion-proposals")
	Mono<List<Proposal>> list(@RequestParam @Pattern(regexp = "[0-9]{2}") String province,
			@RequestParam(defaultValue = "OPEN") Status status, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size,
			Caller caller) {
		caller.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR).requireOfficerOf(province);
		return this.mongo
			.find(Query.query(Criteria.where("province").is(province).and("status").is(status.name()))
				.with(Sort.by("proposedOn", "_id"))
				.limit(size), Proposal.class, COLLECTION)
			.collectList();
	}

	/** An officer of the province confirms: the registration is deleted on the proposal's ground. */
	@PostMapping("/api/residence/deletion-proposals/{id}/confirmation")
	Mono<Proposal> confirm(@PathVariable @Size(max = 120) String id, Caller caller) {
		LocalDate today = VietnamTime.today(this.clock);
		// Each step is harmless when repeated: a confirmation that failed half-way is confirmed again.
		return open(id, caller).flatMap((proposal) -> this.register
			.apply(proposal.personalId(), (file) -> file.delete(proposal.kind(), proposal.entryId(), today,
					proposal.ground(), "proposal:" + proposal.id(), this.clock.instant()))
			.flatMap((file) -> Mono.justOrEmpty(file.entry(proposal.entryId())))
			.flatMap((entry) -> this.notices.issue(proposal, entry, today))
			.then(decide(proposal, Status.CONFIRMED, caller, null)));
	}

	/** An officer of the province dismisses the proposal (the person is there, renewed at the counter...). */
	@PostMapping("/api/residence/deletion-proposals/{id}/dismissal")
	Mono<Proposal> dismiss(@PathVariable @Size(max = 120) String id, @Valid @RequestBody Dismissal dismissal,
			Caller caller) {
		return open(id, caller).flatMap((proposal) -> decide(proposal, Status.DISMISSED, caller, dismissal.reason()));
	}

	private Mono<Proposal> open(String id, Caller caller) {
		caller.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR);
		return this.mongo.findById(id, Proposal.class, COLLECTION)
			.filter((proposal) -> proposal.province().equals(caller.province()))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("deletion-proposal")))
			.flatMap((proposal) -> proposal.status() == Status.OPEN ? Mono.just(proposal)
					: Mono.error(new IllegalTransitionException(proposal.status(), "decide")));
	}

	/** Decided once: a second decision (two officers at once) finds it no longer open, 409. */
	private Mono<Proposal> decide(Proposal proposal, Status status, Caller officer, String note) {
		Instant now = this.clock.instant();
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(proposal.id()).and("status").is(Status.OPEN.name())),
					new Update().set("status", status.name())
						.set("decidedBy", officer.subject())
						.set("decidedAt", now)
						.set("note", note),
					COLLECTION)
			.flatMap((result) -> result.getModifiedCount() == 0
					? Mono.<Proposal>error(new IllegalTransitionException(Status.OPEN, "decide"))
					: Mono.just(new Proposal(proposal.id(), proposal.personalId(), proposal.entryId(), proposal.kind(),
							proposal.province(), proposal.commune(), proposal.reason(), proposal.ground(),
							proposal.appliesSince(), proposal.proposedOn(), status, officer.subject(), now, note)));
	}

}
