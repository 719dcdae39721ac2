package vn.gov.bca.passport.application;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.core.codec.DecodingException;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.dossier.Channel;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.DossierQueries;
import vn.gov.bca.platform.dossier.DossierStatus;
import vn.gov.bca.platform.dossier.ProgressEntry;
import vn.gov.bca.platform.dossier.attachment.Attachment;
import vn.gov.bca.platform.dossier.attachment.Attachments;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;

/**
 * Passport dossiers: citizens (level 2) and the national portal submit online, officers at the
 * counter; the applicant follows, withdraws and supplements; officers of the handling province
 * accept, ask for what is missing or for the fee, approve (the passport is issued) and return the
 * result. Submission takes an {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/passport")
class PassportApplicationController {

	/** Limit of one upload read into memory; the attachments' own limit (5 MB) is checked after. */
	static final long MAX_UPLOAD = 5L * 1024 * 1024 + 1;

	private final PassportApplicationService applications;

	private final DossierQueries queries;

	PassportApplicationController(PassportApplicationService applications, DossierQueries queries) {
		this.applications = applications;
		this.queries = queries;
	}

	private DossierView view(PassportApplication dossier) {
		return DossierView.of(dossier, this.applications.today());
	}

	@PostMapping("/dossiers")
	Mono<ResponseEntity<DossierView>> submit(@Valid @RequestBody SubmissionRequest request, Caller caller) {
		return this.applications.submit(request.toSubmission(), caller)
			.map((dossier) -> ResponseEntity.created(URI.create("/api/passport/dossiers/" + dossier.code()))
				.body(view(dossier)));
	}

	@GetMapping("/me/dossiers")
	Mono<List<DossierView>> mine(Caller caller) {
		if (caller.personalId() == null) {
			return Mono.just(List.of());
		}
		return this.applications.ofApplicant(caller.personalId()).map(this::view).collectList();
	}

	@GetMapping("/dossiers/{code}")
	Mono<DossierView> dossier(@PathVariable String code, Caller caller) {
		return this.applications.find(code, caller).map(this::view);
	}

	/** The officer's work queue: their unit's dossiers, earliest appointment first. */
	@GetMapping("/queue")
	Mono<DossierQueries.QueuePage<DossierView>> queue(@RequestParam(required = false) DossierStatus status,
			@RequestParam(required = false) String procedure, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
		return this.queries
			.workQueue(PassportApplication.class, PassportApplicationService.COLLECTION, caller,
					new DossierQueries.QueueFilter(status, procedure, overdue, mine),
					this.applications.today(), page, size)
			.map((found) -> new DossierQueries.QueuePage<>(found.items().stream().map(this::view).toList(),
					found.page(), found.size(), found.hasMore()));
	}

	/** Days from 2000-01-01 to 2099-12-31, {@code from} not after {@code to}; else 400 naming them. */
	@GetMapping("/statistics")
	Mono<DossierQueries.Statistics> statistics(@RequestParam LocalDate from, @RequestParam LocalDate to,
			Caller caller) {
		return this.queries.statistics(PassportApplicationService.COLLECTION, caller, from, to);
	}

	@PostMapping("/dossiers/{code}/accept")
	Mono<DossierView> accept(@PathVariable String code, @RequestBody(required = false) Note note, Caller caller) {
		return this.applications.accept(code, caller, (note != null) ? note.text() : null).map(this::view);
	}

	@PostMapping("/dossiers/{code}/not-accept")
	Mono<DossierView> notAccept(@PathVariable String code, @Valid @RequestBody Reason reason, Caller caller) {
		return this.applications.notAccept(code, caller, reason.reason()).map(this::view);
	}

	@PostMapping("/dossiers/{code}/claim")
	Mono<DossierView> claim(@PathVariable String code, Caller caller) {
		return this.applications.claim(code, caller).map(this::view);
	}

	@PostMapping("/dossiers/{code}/supplement-request")
	Mono<DossierView> requestSupplement(@PathVariable String code, @Valid @RequestBody Missing missing,
			Caller caller) {
		return this.applications.requestSupplement(code, caller, missing.missing()).map(this::view);
	}

	@PostMapping("/dossiers/{code}/supplement")
	Mono<DossierView> supplemented(@PathVariable String code, Caller caller) {
		return this.applications.supplemented(code, caller).map(this::view);
	}

	@PostMapping("/dossiers/{code}/payment-request")
	Mono<DossierView> requestPayment(@PathVariable String code, Caller caller) {
		return this.applications.requestPayment(code, caller).map(this::view);
	}

	@PostMapping("/dossiers/{code}/approve")
	Mono<DossierView> approve(@PathVariable String code, Caller caller) {
		return this.applications.approve(code, caller).map(this::view);
	}

	@PostMapping("/dossiers/{code}/return")
	Mono<DossierView> returnResult(@PathVariable String code, @Valid @RequestBody ReturnRequest request,
			Caller caller) {
		return this.applications.returnResult(code, caller, request.method()).map(this::view);
	}

	@PostMapping("/dossiers/{code}/withdraw")
	Mono<DossierView> withdraw(@PathVariable String code, @RequestBody(required = false) Reason reason,
			Caller caller) {
		return this.applications.withdraw(code, caller, (reason != null) ? reason.reason() : null)
			.map(this::view);
	}

	@PostMapping("/dossiers/{code}/stop")
	Mono<DossierView> stop(@PathVariable String code, @Valid @RequestBody Reason reason, Caller caller) {
		return this.applications.stop(code, caller, reason.reason()).map(this::view);
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
				Part kindPart = parts.getFirst("kind");
				Mono<String> kind = (kindPart != null) ? DataBufferUtils
					.join(kindPart.content(), 1024)
					.map((buffer) -> {
						String text = buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
						DataBufferUtils.release(buffer);
						return text.strip();
					})
					.onErrorMap(DataBufferLimitException.class,
							(tooLong) -> new ApiException(ProblemType.UNPROCESSABLE, "attachment.kind-invalid")
								.withError("kind", "attachment.kind-invalid"))
					.defaultIfEmpty("") : Mono.just(Attachments.OTHER);
				return kind.flatMap((kindText) -> DataBufferUtils.join(file.content(), (int) MAX_UPLOAD)
					.map((buffer) -> {
						byte[] bytes = new byte[buffer.readableByteCount()];
						buffer.read(bytes);
						DataBufferUtils.release(buffer);
						return bytes;
					})
					.onErrorMap(DataBufferLimitException.class,
							(tooLarge) -> new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "attachment.too-large",
									MAX_UPLOAD))
					.onErrorMap(DecodingException.class,
							(malformed) -> new ApiException(ProblemType.MALFORMED_REQUEST, "malformed-request"))
					.flatMap((bytes) -> this.applications.attach(code, kindText, file.filename(), bytes, caller)));
			})
			.map((attachment) -> ResponseEntity.status(201).body(attachment));
	}

	@GetMapping("/dossiers/{code}/attachments")
	Mono<List<Attachment>> attachments(@PathVariable String code, Caller caller) {
		return this.applications.attachments(code, caller).collectList();
	}

	@GetMapping("/dossiers/{code}/attachments/{id}")
	Mono<ResponseEntity<byte[]>> download(@PathVariable String code, @PathVariable String id, Caller caller) {
		return this.applications.download(code, id, caller)
			.map((download) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(download.attachment().mediaType()))
				.header("Content-Disposition",
						ContentDisposition.attachment()
							.filename(download.attachment().filename(), java.nio.charset.StandardCharsets.UTF_8)
							.build()
							.toString())
				.header("X-Content-Type-Options", "nosniff")
				.body(download.content()));
	}

	record Note(@Size(max = 500) String text) {
	}

	record Reason(@NotBlank @Size(max = 500) String reason) {
	}

	record Missing(@NotEmpty List<@NotBlank @Size(max = 300) String> missing) {
	}

	record ReturnRequest(@NotNull Dossier.ReturnMethod method) {
	}

	record FormRequest(@NotBlank @Pattern(regexp = "[0-9]{12}") String holderPersonalId,
			@NotBlank @Size(max = 100) String holderFullName,
			@NotBlank @Pattern(regexp = BirthDate.PATTERN) String holderBirthDate,
			@NotBlank @Pattern(regexp = "MALE|FEMALE") String sex, @Size(max = 100) String placeOfBirth,
			@Pattern(regexp = "(0|\\+84)[0-9]{9}") String phone, @Size(max = 100) String occupation,
			@Size(max = 200) String employer, boolean chip, @Pattern(regexp = "[A-Z][0-9]{7}") String previousPassportNumber,
			@Pattern(regexp = "LOST|DAMAGED") String lostOrDamaged) {

		PassportForm toForm() {
			return new PassportForm(this.holderPersonalId, this.holderFullName.strip(), this.holderBirthDate, this.sex,
					this.placeOfBirth, this.phone, this.occupation, this.employer, this.chip,
					this.previousPassportNumber, this.lostOrDamaged);
		}

	}

	record SubmissionRequest(@NotNull PassportProcedure procedure,
			@NotBlank @Pattern(regexp = "[0-9]{2}") String handlingProvince, @Valid @NotNull FormRequest form,
			@Pattern(regexp = "[0-9]{12}") String applicantPersonalId, @Size(max = 100) String applicantFullName,
			@Pattern(regexp = BirthDate.PATTERN) String applicantBirthDate,
			@Pattern(regexp = "(0|\\+84)[0-9]{9}") String phone, @Email @Size(max = 254) String email) {

		PassportApplicationService.Submission toSubmission() {
			return new PassportApplicationService.Submission(this.procedure, this.handlingProvince, this.form.toForm(),
					this.applicantPersonalId, this.applicantFullName, this.applicantBirthDate, this.phone, this.email);
		}

	}

	/**
	 * A dossier with its status history, appointment, fee and, once issued, the passport;
	 * {@code appointmentProvisional} when the appointment was counted past the holiday file's last
	 * year (weekends only there) and may move when that year's holidays are decided.
	 */
	record DossierView(String code, String procedureCode, PassportProcedure procedure, Channel channel,
			DossierStatus status, int statusCode, String handlingUnit, Instant receivedAt, LocalDate appointmentDate,
			boolean appointmentProvisional, boolean overdue, PassportForm form, Dossier.Fee fee,
			Dossier.SupplementRequest supplementRequest, IssuedPassport passport, Dossier.Result result,
			List<ProgressEntry> progress) {

		static DossierView of(PassportApplication dossier, LocalDate today) {
			return new DossierView(dossier.code(), dossier.procedureCode(), dossier.procedure(), dossier.channel(),
					dossier.status(), dossier.status().code(), dossier.handlingUnit().code(), dossier.receivedAt(),
					dossier.appointmentDate(), dossier.appointmentProvisional(), dossier.isOverdue(today),
					dossier.form(), dossier.fee(), dossier.supplementRequest(), dossier.passport(), dossier.result(),
					dossier.progress());
		}

	}

	/** The parts of an attachment upload, as the API description shows them (the body is read by hand). */
	record AttachmentUpload(
			@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file,
			@Schema(description = "one of the procedure's document codes, or OTHER", maxLength = 40,
					pattern = "^[A-Z0-9_-]{1,40}$") String kind) {
	}

}
