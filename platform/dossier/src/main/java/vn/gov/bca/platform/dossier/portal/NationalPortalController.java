package vn.gov.bca.platform.dossier.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.DossierCodes;
import vn.gov.bca.platform.dossier.DossierStatus;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;
import vn.gov.bca.platform.dossier.workflow.DossierWorkflow;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The national portal's side of the service, under its path ({@code /api/passport/...}):
 * <ul>
 * <li>{@code GET /national-portal/dossiers/{code}}: the lookup the portal calls when a citizen types
 * a dossier code there (role {@code national-portal}). A code is easy to guess, so the answer holds
 * only what its holder may be shown without more proof: the procedure, the statuses with their
 * times, the dates, the unit, the fee and what is missing; no name, number, contact, officer or
 * free text.</li>
 * <li>{@code /admin/national-portal/...} (role {@code admin}): a dossier's sync state, the dossiers
 * waiting behind a dead-lettered update, their retry and the skip of the update in front, the day's reconciliation (run, report), the
 * catalogue's publication (last outcome, publish now).</li>
 * </ul>
 */
@RestController
@RequestMapping("${vneid.dossier.path:/api/${vneid.outbox.domain}}")
public class NationalPortalController {

	/** What a citizen is shown at the national portal. */
	public record DossierLookup(String code, String procedureCode, String procedureName, String status,
			String statusName, Instant receivedAt, LocalDate appointmentDate, Instant processedAt, Instant returnedAt,
			String handlingUnit, Long feeAmount, Boolean feePaid, List<String> missing, List<Step> steps) {
	}

	/** One step, without who took it or what they wrote. */
	public record Step(Instant at, String status, String statusName) {
	}

	private final DossierWorkflow<?, ?> workflow;

	private final NationalCodes codes;

	private final ProcedureCatalogue procedures;

	private final SyncStates states;

	private final PortalSync sync;

	private final PortalReconciliation reconciliation;

	private final CataloguePublication catalogue;

	private final Clock clock;

	public NationalPortalController(DossierWorkflow<?, ?> workflow, NationalCodes codes, ProcedureCatalogue procedures,
			SyncStates states, PortalSync sync, PortalReconciliation reconciliation, CataloguePublication catalogue,
			Clock clock) {
		this.workflow = workflow;
		this.codes = codes;
		this.procedures = procedures;
		this.states = states;
		this.sync = sync;
		this.reconciliation = reconciliation;
		this.catalogue = catalogue;
		this.clock = clock;
	}

	@GetMapping("/national-portal/dossiers/{code}")
	Mono<DossierLookup> lookUp(@PathVariable String code, Caller caller) {
		caller.requireAnyRole(DossierWorkflow.NATIONAL_PORTAL);
		if (!DossierCodes.isCode(code)) {
			return Mono.error(ApiException.notFound("dossier"));
		}
		return this.workflow.stored(code)
			.cast(Dossier.class)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("dossier")))
			.map(this::lookup);
	}

	private DossierLookup lookup(Dossier dossier) {
		NationalCodes.NationalStatus status = this.codes.status(dossier.status());
		List<Step> steps = dossier.progress()
			.stream()
			.filter((entry) -> !"claim".equals(entry.action()))
			.map((entry) -> new Step(entry.at(), this.codes.status(entry.status()).code(),
					this.codes.status(entry.status()).nameVi()))
			.toList();
		Dossier.Fee fee = dossier.fee();
		List<String> missing = (dossier.status() == DossierStatus.SUPPLEMENT_REQUESTED
				&& dossier.supplementRequest() != null) ? dossier.supplementRequest().missing() : List.of();
		return new DossierLookup(dossier.code(), this.codes.procedure(dossier.procedureCode()).nationalCode(),
				this.procedures.require(dossier.procedureCode()).nameVi(), status.code(), status.nameVi(),
				dossier.receivedAt(), dossier.appointmentDate(),
				(dossier.result() != null) ? dossier.result().processedAt() : null,
				(dossier.result() != null) ? dossier.result().returnedAt() : null, dossier.handlingUnit().name(),
				(fee != null) ? fee.amount() : null, (fee != null) ? fee.paidAt() != null : null, missing, steps);
	}

	@GetMapping("/admin/national-portal/dossiers/{code}")
	Mono<SyncState> syncState(@PathVariable String code, Caller caller) {
		caller.requireAnyRole(Caller.ADMIN);
		return this.states.find(code).switchIfEmpty(Mono.error(() -> ApiException.notFound("sync-state")));
	}

	/** The dossiers whose updates wait for an administrator, by code (at most 200). */
	@GetMapping("/admin/national-portal/dead-letters")
	Mono<List<SyncState>> deadLetters(Caller caller) {
		caller.requireAnyRole(Caller.ADMIN);
		return this.states.deadLettered(200).collectList();
	}

	/** Sends the dossier's held updates again, in order; 409 if none are held. */
	@PostMapping("/admin/national-portal/dead-letters/{code}/retry")
	Mono<SyncState> retry(@PathVariable String code, Caller caller) {
		caller.requireAnyRole(Caller.ADMIN);
		return this.sync.retry(code);
	}

	/** Drops the held update in front (named, so that a stale page cannot drop another) and sends the rest. */
	@PostMapping("/admin/national-portal/dead-letters/{code}/held/{eventId}/skip")
	Mono<SyncState> skip(@PathVariable String code, @PathVariable String eventId, Caller caller) {
		caller.requireAnyRole(Caller.ADMIN);
		return this.sync.skip(code, eventId, caller.subject());
	}

	/** Runs the reconciliation of that day (today's or an earlier one) now, and answers its report. */
	@PostMapping("/admin/national-portal/reconciliations/{day}")
	Mono<PortalReconciliation.Report> reconcile(@PathVariable String day, Caller caller) {
		caller.requireAnyRole(Caller.ADMIN);
		return this.reconciliation.run(day(day))
			.switchIfEmpty(Mono.error(() -> ApiException.conflict("national-portal.reconciliation-running")));
	}

	@GetMapping("/admin/national-portal/reconciliations/{day}")
	Mono<PortalReconciliation.Report> report(@PathVariable String day, Caller caller) {
		caller.requireAnyRole(Caller.ADMIN);
		return this.reconciliation.report(day(day))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("reconciliation")));
	}

	@GetMapping("/admin/national-portal/catalogue")
	Mono<CataloguePublication.Outcome> catalogue(Caller caller) {
		caller.requireAnyRole(Caller.ADMIN);
		return this.catalogue.last().switchIfEmpty(Mono.error(() -> ApiException.notFound("catalogue-publication")));
	}

	/** Publishes the catalogue now; 503 if the portal does not take it. */
	@PostMapping("/admin/national-portal/catalogue")
	Mono<CataloguePublication.Outcome> publish(Caller caller) {
		caller.requireAnyRole(Caller.ADMIN);
		return this.catalogue.publish()
			.onErrorMap(PortalFailure.class, (failure) -> ApiException.unavailable("national-portal", failure));
	}

	private LocalDate day(String text) {
		try {
			LocalDate day = LocalDate.parse(text);
			if (day.isAfter(VietnamTime.today(this.clock))) {
				throw ApiException.unprocessable("national-portal.day-invalid");
			}
			return day;
		}
		catch (DateTimeParseException ex) {
			throw ApiException.unprocessable("national-portal.day-invalid");
		}
	}

}
