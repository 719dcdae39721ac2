package vn.gov.bca.platform.dossier.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import vn.gov.bca.platform.data.lease.JobLeases;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.workflow.DossierWorkflow;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The daily reconciliation with the national portal: every dossier whose sync changed that day
 * (Vietnam's day) is looked up there ({@code TraCuuHoSo}) and compared with what was last sent: the
 * status and the appointment. A dossier the portal lacks or holds otherwise is sent again whole, with
 * its progress (the portal keeps an entry once). A dossier whose update is still being tried or is
 * dead-lettered is counted, not compared: the sync itself is on it. The report, kept per day in
 * {@code national_portal_reconciliations}, lists each difference and whether it was repaired. One
 * instance runs it ({@link JobLeases}); the catalogue is published again on the way.
 */
public class PortalReconciliation {

	static final String COLLECTION = "national_portal_reconciliations";

	private static final Logger log = LoggerFactory.getLogger(PortalReconciliation.class);

	private static final int PAGE = 200;

	/** Kept in the report; the count says how many there were in all. */
	private static final int LISTED = 1000;

	/** One dossier found otherwise at the portal. */
	public record Difference(String code, String field, String ours, String theirs, boolean repaired, String error) {
	}

	/** A day's reconciliation. */
	public record Report(@Id String day, Instant startedAt, Instant finishedAt, int checked, int skipped,
			int differenceCount, List<Difference> differences, String error) {
	}

	private final DossierWorkflow<?, ?> workflow;

	private final PortalDossiers dossiers;

	private final NationalPortalClient portal;

	private final SyncStates states;

	private final NationalCodes codes;

	private final CataloguePublication catalogue;

	private final JobLeases leases;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final MeterRegistry metrics;

	/** @param metrics {@code vneid.national.portal.reconciliation.differences} (tag {@code repaired}) */
	public PortalReconciliation(DossierWorkflow<?, ?> workflow, PortalDossiers dossiers, NationalPortalClient portal,
			SyncStates states, NationalCodes codes, CataloguePublication catalogue, JobLeases leases,
			ReactiveMongoTemplate mongo, Clock clock, MeterRegistry metrics) {
		this.workflow = workflow;
		this.dossiers = dossiers;
		this.portal = portal;
		this.states = states;
		this.codes = codes;
		this.catalogue = catalogue;
		this.leases = leases;
		this.mongo = mongo;
		this.clock = clock;
		this.metrics = metrics;
	}

	@Scheduled(cron = "${vneid.national-portal.reconciliation-cron:0 45 23 * * *}", zone = VietnamTime.ZONE_ID)
	void daily() {
		LocalDate today = VietnamTime.today(this.clock);
		this.catalogue.publish()
			.onErrorResume((failure) -> Mono.empty())
			.then(run(today))
			.subscribe((report) -> log.info("National portal reconciliation of {}: {} checked, {} differences",
					report.day(), report.checked(), report.differenceCount()),
					(failure) -> log.warn("National portal reconciliation of {} failed: {}", today, failure.toString()));
	}

	/** Runs the day's reconciliation on this instance, unless another one is running it (empty then). */
	public Mono<Report> run(LocalDate day) {
		return this.leases.runExclusively("national-portal-reconciliation", Duration.ofHours(2), reconcile(day));
	}

	public Mono<Report> report(LocalDate day) {
		return this.mongo.findById(day.toString(), Report.class, COLLECTION);
	}

	private Mono<Report> reconcile(LocalDate day) {
		Instant started = this.clock.instant();
		int[] checked = { 0 };
		int[] skipped = { 0 };
		List<Difference> found = new ArrayList<>();
		return pages(day.toString(), null).concatMap((state) -> {
			if (state.state() != SyncState.State.IN_STEP || state.lastStatus() == null) {
				skipped[0]++;
				return Mono.empty();
			}
			checked[0]++;
			return compare(state);
		}).doOnNext((difference) -> {
			found.add(difference);
			this.metrics.counter("vneid.national.portal.reconciliation.differences", "repaired",
					Boolean.toString(difference.repaired())).increment();
		}).then(Mono.defer(() -> save(new Report(day.toString(), started, this.clock.instant(),
				checked[0], skipped[0], found.size(), List.copyOf(found.subList(0, Math.min(LISTED, found.size()))),
				null))))
			.onErrorResume(PortalFailure.class,
					(failure) -> save(new Report(day.toString(), started, this.clock.instant(), checked[0], skipped[0],
							found.size(), List.copyOf(found.subList(0, Math.min(LISTED, found.size()))),
							"the national portal did not answer: " + failure.getMessage())));
	}

	private Flux<SyncState> pages(String day, String after) {
		return this.states.changedOn(day, after, PAGE).collectList().flatMapMany((page) -> {
			if (page.size() < PAGE) {
				return Flux.fromIterable(page);
			}
			return Flux.fromIterable(page).concatWith(Flux.defer(() -> pages(day, page.get(page.size() - 1).code())));
		});
	}

	/** The dossier's difference, if it has one, after repairing it. */
	private Mono<Difference> compare(SyncState state) {
		return this.workflow.stored(state.code()).cast(Dossier.class).flatMap((dossier) -> {
			String ourAppointment = PortalMessages.endOf(dossier.appointmentDate());
			return this.portal.lookUp(state.code())
				.map((held) -> difference(state, ourAppointment, held))
				.defaultIfEmpty(new Difference(state.code(), "MaHoSo", state.code(), null, false, null))
				.flatMap((difference) -> (difference.field() == null) ? Mono.empty() : repair(state, dossier, difference));
		});
	}

	private static Difference difference(SyncState state, String ourAppointment, JsonNode held) {
		String theirStatus = held.path("TrangThaiHoSo").asString(null);
		if (!Objects.equals(state.lastStatus(), theirStatus)) {
			return new Difference(state.code(), "TrangThaiHoSo", state.lastStatus(), theirStatus, false, null);
		}
		String theirAppointment = held.path("NgayHenTra").asString(null);
		if (!Objects.equals(ourAppointment, theirAppointment)) {
			return new Difference(state.code(), "NgayHenTra", ourAppointment, theirAppointment, false, null);
		}
		return new Difference(state.code(), null, null, null, false, null);
	}

	private Mono<Difference> repair(SyncState state, Dossier dossier, Difference difference) {
		return this.dossiers.dossier(dossier, this.codes.statusOf(state.lastStatus()))
			.flatMap((message) -> this.portal.syncDossiers(List.of(message)))
			.then(Mono.defer(() -> {
				List<PortalMessages.ProgressUpdate> progress = this.dossiers.progress(dossier, null,
						state.progressSentUpTo());
				return progress.isEmpty() ? Mono.empty() : this.portal.updateProgress(progress);
			}))
			.then(Mono.defer(() -> this.states.save(state, state.repaired(this.clock.instant()))))
			.thenReturn(new Difference(difference.code(), difference.field(), difference.ours(), difference.theirs(),
					true, null))
			.onErrorResume((failure) -> !(failure instanceof PortalFailure.Unavailable),
					(failure) -> Mono.just(new Difference(difference.code(), difference.field(), difference.ours(),
							difference.theirs(), false, failure.getMessage())));
	}

	private Mono<Report> save(Report report) {
		return this.mongo.save(report, COLLECTION);
	}

}
