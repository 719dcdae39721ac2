package vn.gov.bca.platform.dossier.workflow;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.DossierQueries;
import vn.gov.bca.platform.dossier.DossierStatus;
import vn.gov.bca.platform.dossier.attachment.Attachment;
import vn.gov.bca.platform.dossier.attachment.Attachments;
import vn.gov.bca.platform.dossier.calendar.CalendarEntry;
import vn.gov.bca.platform.dossier.calendar.HolidayCalendar;
import vn.gov.bca.platform.dossier.calendar.InvalidCalendarException;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;

/**
 * The dossier endpoints every procedure service has, under its path ({@code vneid.dossier.path}, by
 * default {@code /api/<domain>}: {@code /api/passport}): the dossier and the applicant's list, the
 * officers' queue and statistics, every transition, attachments, and the holiday calendar's
 * administration. A service adds only its own (submission with its form, what its procedure
 * produces). Access is decided by the workflow ({@code DossierAccess}); this class only maps HTTP.
 */
@RestController
@RequestMapping("${vneid.dossier.path:/api/${vneid.outbox.domain}}")
public class DossierController {

	/** Limit of one upload read into memory; the attachments' own limit (5 MB) is checked after. */
	static final long MAX_UPLOAD = 5L * 1024 * 1024 + 1;

	private final DossierWorkflow<Dossier, ?> workflow;

	@SuppressWarnings("unchecked")
	DossierController(DossierWorkflow<? extends Dossier, ?> workflow) {
		this.workflow = (DossierWorkflow<Dossier, ?>) workflow;
	}

	@GetMapping("/me/dossiers")
	Mono<List<DossierView>> mine(Caller caller) {
		return this.workflow.ofApplicant(caller).map(this.workflow::view).collectList();
	}

	@GetMapping("/dossiers/{code}")
	Mono<DossierView> dossier(@PathVariable String code, Caller caller) {
		return this.workflow.find(code, caller).map(this.workflow::view);
	}

	/** The officer's work queue: their unit's dossiers, earliest appointment first. */
	@GetMapping("/queue")
	Mono<DossierQueries.QueuePage<DossierView>> queue(@RequestParam(required = false) DossierStatus status,
			@RequestParam(required = false) String procedure, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
		return this.workflow.queue(new DossierQueries.QueueFilter(status, procedure, overdue, mine), page, size,
				caller);
	}

	/** Days from 2000-01-01 to 2099-12-31, {@code from} not after {@code to}; else 400 naming them. */
	@GetMapping("/statistics")
	Mono<DossierQueries.Statistics> statistics(@RequestParam LocalDate from, @RequestParam LocalDate to,
			Caller caller) {
		return this.workflow.statistics(from, to, caller);
	}

	@PostMapping("/dossiers/{code}/accept")
	Mono<DossierView> accept(@PathVariable String code, @Valid @RequestBody(required = false) Note note,
			Caller caller) {
		return view(this.workflow.accept(code, caller, (note != null) ? note.text() : null));
	}

	@PostMapping("/dossiers/{code}/not-accept")
	Mono<DossierView> notAccept(@PathVariable String code, @Valid @RequestBody Reason reason, Caller caller) {
		return view(this.workflow.notAccept(code, caller, reason.reason()));
	}

	@PostMapping("/dossiers/{code}/claim")
	Mono<DossierView> claim(@PathVariable String code, Caller caller) {
		return view(this.workflow.claim(code, caller));
	}

	@PostMapping("/dossiers/{code}/supplement-request")
	Mono<DossierView> requestSupplement(@PathVariable String code, @Valid @RequestBody Missing missing,
			Caller caller) {
		return view(this.workflow.requestSupplement(code, caller, missing.missing()));
	}

	@PostMapping("/dossiers/{code}/supplement")
	Mono<DossierView> supplemented(@PathVariable String code, Caller caller) {
		return view(this.workflow.supplemented(code, caller));
	}

	@PostMapping("/dossiers/{code}/payment-request")
	Mono<DossierView> requestPayment(@PathVariable String code, Caller caller) {
		return view(this.workflow.requestPayment(code, caller));
	}

	@PostMapping("/dossiers/{code}/approve")
	Mono<DossierView> approve(@PathVariable String code, Caller caller) {
		return view(this.workflow.approve(code, caller));
	}

	@PostMapping("/dossiers/{code}/return")
	Mono<DossierView> returnResult(@PathVariable String code, @Valid @RequestBody ReturnRequest request,
			Caller caller) {
		return view(this.workflow.returnResult(code, caller, request.method()));
	}

	@PostMapping("/dossiers/{code}/withdraw")
	Mono<DossierView> withdraw(@PathVariable String code, @Valid @RequestBody(required = false) Withdrawal reason,
			Caller caller) {
		return view(this.workflow.withdraw(code, caller, (reason != null) ? reason.reason() : null));
	}

	@PostMapping("/dossiers/{code}/stop")
	Mono<DossierView> stop(@PathVariable String code, @Valid @RequestBody Reason reason, Caller caller) {
		return view(this.workflow.stop(code, caller, reason.reason()));
	}

	private Mono<DossierView> view(Mono<Dossier> changed) {
		return changed.map(this.workflow::view);
	}

	/**
	 * A file of the dossier (multipart: {@code file} and {@code kind}); its type is read from its
	 * bytes. The multipart body is read here rather than bound, so that a malformed one (no
	 * boundary, garbage, no part named {@code file}) is a 400 problem, not a decoding failure.
	 */
	@PostMapping(path = "/dossiers/{code}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
					schema = @Schema(implementation = AttachmentUpload.class))))
	Mono<ResponseEntity<Attachment>> attach(@PathVariable String code, ServerWebExchange exchange, Caller caller) {
		return exchange.getMultipartData()
			// Spring's multipart reader fails with IllegalStateException ("No name available") on a part
			// without a name in its Content-Disposition: as malformed as a broken boundary.
			.onErrorMap((failure) -> failure instanceof DecodingException || failure instanceof IllegalStateException,
					(malformed) -> new ApiException(ProblemType.MALFORMED_REQUEST, "malformed-request"))
			.flatMap((parts) -> {
				if (!(parts.getFirst("file") instanceof FilePart file)) {
					return Mono.error(new ApiException(ProblemType.VALIDATION, "validation").withError("file",
							"attachment.file-required"));
				}
				return kind(parts.getFirst("kind")).flatMap((kind) -> bytes(file)
					.flatMap((bytes) -> this.workflow.attach(code, kind, file.filename(), bytes, caller)));
			})
			.map((attachment) -> ResponseEntity.status(201).body(attachment));
	}

	private static Mono<String> kind(Part part) {
		if (part == null) {
			return Mono.just(Attachments.OTHER);
		}
		return DataBufferUtils.join(part.content(), 1024).map((buffer) -> {
			String text = buffer.toString(StandardCharsets.UTF_8);
			DataBufferUtils.release(buffer);
			return text.strip();
		})
			.onErrorMap(DataBufferLimitException.class,
					(tooLong) -> new ApiException(ProblemType.UNPROCESSABLE, "attachment.kind-invalid")
						.withError("kind", "attachment.kind-invalid"))
			.defaultIfEmpty("");
	}

	private static Mono<byte[]> bytes(FilePart file) {
		return DataBufferUtils.join(file.content(), (int) MAX_UPLOAD).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		})
			.onErrorMap(DataBufferLimitException.class,
					(tooLarge) -> new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "attachment.too-large", MAX_UPLOAD))
			.onErrorMap(DecodingException.class,
					(malformed) -> new ApiException(ProblemType.MALFORMED_REQUEST, "malformed-request"));
	}

	@GetMapping("/dossiers/{code}/attachments")
	Mono<List<Attachment>> attachments(@PathVariable String code, Caller caller) {
		return this.workflow.attachments(code, caller).collectList();
	}

	@GetMapping("/dossiers/{code}/attachments/{id}")
	Mono<ResponseEntity<byte[]>> download(@PathVariable String code, @PathVariable String id, Caller caller) {
		return this.workflow.download(code, id, caller)
			.map((download) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(download.attachment().mediaType()))
				.header("Content-Disposition",
						ContentDisposition.attachment()
							.filename(download.attachment().filename(), StandardCharsets.UTF_8)
							.build()
							.toString())
				.header("X-Content-Type-Options", "nosniff")
				.body(download.content()));
	}

	/**
	 * Administrators read the holiday calendar in use and have the service read its file again after
	 * amending it (a new holiday, the government's decision on next year's Tết): no release, no
	 * restart. A file with a mistake is refused as a whole (422 naming it) and the calendar in use
	 * stays. Appointment dates already given do not move.
	 */
	@GetMapping("/admin/calendar")
	Mono<CalendarView> calendar(Caller caller) {
		caller.requireAnyRole(Caller.ADMIN);
		return Mono.just(CalendarView.of(this.workflow.parts().calendars().source(),
				this.workflow.parts().calendars().calendar()));
	}

	@PostMapping("/admin/calendar/reload")
	Mono<CalendarView> reload(Caller caller) {
		caller.requireAnyRole(Caller.ADMIN);
		return Mono.fromCallable(() -> {
			try {
				return CalendarView.of(this.workflow.parts().calendars().source(),
						this.workflow.parts().calendars().reload());
			}
			catch (InvalidCalendarException ex) {
				throw ApiException.unprocessable("calendar.invalid", ex.getMessage());
			}
			catch (java.io.UncheckedIOException ex) {
				throw ApiException.unprocessable("calendar.unreadable");
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

	record Note(@Size(max = 500) String text) {
	}

	record Withdrawal(@Size(max = 500) String reason) {
	}

	record Reason(@NotBlank @Size(max = 500) String reason) {
	}

	record Missing(@NotEmpty List<@NotBlank @Size(max = 300) String> missing) {
	}

	record ReturnRequest(@NotNull Dossier.ReturnMethod method) {
	}

	/** The parts of an attachment upload, as the API description shows them (the body is read by hand). */
	record AttachmentUpload(
			@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file,
			@Schema(description = "one of the procedure's document codes, or OTHER", maxLength = 40,
					pattern = "^[A-Z0-9_-]{1,40}$") String kind) {
	}

	/**
	 * The calendar in use: its years and the days still expected (entered ahead of the government's
	 * decision), each with its source, for the administrator to confirm.
	 */
	record CalendarView(String source, int firstYear, int lastYear, int daysListed, List<CalendarEntry> expected) {

		static CalendarView of(String source, HolidayCalendar calendar) {
			return new CalendarView(source, calendar.firstYear(), calendar.lastYear(), calendar.entries().size(),
					calendar.entries()
						.stream()
						.filter((entry) -> entry.status() == CalendarEntry.Status.EXPECTED)
						.toList());
		}

	}

}
