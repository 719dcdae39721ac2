package vn.gov.bca.residence.foreigner;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.error.Problems;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;
import vn.gov.bca.residence.establishment.Establishment;
import vn.gov.bca.residence.establishment.Establishments;

/**
 * Foreigners' temporary-residence declarations by accommodation establishments (form NA17): one
 * guest or a list of up to {@value #MAX_GUESTS} in one request, each row checked on its own and
 * answered on its own (accepted with its deadline and whether it was met, or refused with its
 * reasons, in the caller's language). The accepted rows are written as one document with one event:
 * all of them or, when the write fails, none. A list with no valid row is a 422 problem with the
 * same {@code rows} and writes nothing. The list comes as JSON or as a CSV file in NA17's layout
 * ({@link Na17Csv}); both are checked, answered and stored the same way.
 */
@RestController
@RequestMapping("/api/residence/foreign-guests")
class ForeignGuests {

	static final String COLLECTION = "residence_foreign_guests";

	static final int MAX_GUESTS = 1000;

	static final String TEXT_CSV = "text/csv";

	/** A declaration comes after the arrival; a few minutes of clock difference are allowed. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	/** How long after an arrival it may still be declared (late). */
	static final Duration LATEST = Duration.ofDays(30);

	private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,20}");

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private static final Set<String> SEXES = Set.of("MALE", "FEMALE");

	private final AggregateStore<ForeignGuestDeclaration> store;

	private final ReactiveMongoTemplate mongo;

	private final Establishments establishments;

	private final Problems problems;

	private final Clock clock;

	ForeignGuests(AggregateStores stores, ReactiveMongoTemplate mongo, Establishments establishments, Problems problems,
			Clock clock) {
		this.store = stores.forCollection(ForeignGuestDeclaration.class, COLLECTION);
		this.mongo = mongo;
		this.establishments = establishments;
		this.problems = problems;
		this.clock = clock;
	}

	/**
	 * One guest as NA17 lists them. Every field is text, read here row by row, so that one row's bad
	 * date is that row's error and not the whole list's.
	 *
	 * @param nationality ISO 3166-1 alpha-2 ("KR", "US")
	 * @param visa visa or temporary residence card number; blank for a visa exemption
	 * @param arrivedAt the instant of arrival at the establishment (ISO 8601 with its offset)
	 */
	record GuestRow(String passportNumber, String nationality, String fullName, String birthDate, String sex, String visa,
			String entryDate, String room, String arrivedAt, String plannedDeparture) {
	}

	record DeclarationRequest(@NotBlank @Size(max = 60) String establishmentId,
			@NotEmpty @Size(max = MAX_GUESTS) List<@NotNull GuestRow> guests) {
	}

	record RowError(String field, String code, String message) {
	}

	/**
	 * @param row the row's index in the request, from 0
	 * @param line the line of the CSV file the row begins on, from 1; absent for JSON
	 */
	record RowResult(int row, Integer line, String status, Instant deadline, Boolean onTime, List<RowError> errors) {
	}

	record DeclarationResult(String id, int accepted, int refused, int late, List<RowResult> rows) {
	}

	record Departure(@NotBlank @Size(max = 20) String passportNumber, @NotBlank @Size(min = 2, max = 2) String nationality,
			@NotNull Instant departedAt) {
	}

	@PostMapping
	Mono<ResponseEntity<DeclarationResult>> declare(@Valid @RequestBody DeclarationRequest request, Caller caller,
			ServerWebExchange exchange) {
		return declare(request.establishmentId(), request.guests(), null, caller, Problems.locale(exchange));
	}

	/**
	 * The same declaration as a CSV file in NA17's layout ({@link Na17Csv}), the establishment in the
	 * query: at most 2 MB (413 over it) and {@value #MAX_GUESTS} rows, each answered with the line of
	 * the file it begins on. The body is read here, never more of it than the limit.
	 */
	@PostMapping(consumes = TEXT_CSV)
	Mono<ResponseEntity<DeclarationResult>> declareCsv(@RequestParam @NotBlank @Size(max = 60) String establishmentId,
			Caller caller, ServerWebExchange exchange) {
		Charset charset = exchange.getRequest().getHeaders().getContentType().getCharset();
		if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
			return Mono.error(new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "foreigner.csv-charset"));
		}
		if (exchange.getRequest().getHeaders().getContentLength() > Na17Csv.MAX_BYTES) {
			return Mono.error(csvTooLarge());
		}
		return DataBufferUtils.join(exchange.getRequest().getBody(), Na17Csv.MAX_BYTES)
			.map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			})
			.onErrorMap(DataBufferLimitException.class, (tooLarge) -> csvTooLarge())
			.defaultIfEmpty(new byte[0])
			.flatMap((bytes) -> {
				List<Na17Csv.Row> rows = Na17Csv.read(bytes);
				if (rows.size() > MAX_GUESTS) {
					// As the JSON list's limit: a validation problem on guests.
					return Mono.error(new ApiException(ProblemType.VALIDATION, "validation").withError("guests",
							"foreigner.csv-too-many-rows", MAX_GUESTS));
				}
				return declare(establishmentId, rows.stream().map(Na17Csv.Row::guest).toList(),
						rows.stream().map(Na17Csv.Row::line).toList(), caller, Problems.locale(exchange));
			});
	}

	private static ApiException csvTooLarge() {
		return new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "foreigner.csv-too-large", Na17Csv.MAX_SIZE);
	}

	/**
	 * The declaration of JSON and CSV alike: each row checked and answered, the good ones stored.
	 *
	 * @param lines the line of the CSV file each row begins on, null for JSON
	 */
	private Mono<ResponseEntity<DeclarationResult>> declare(String establishmentId, List<GuestRow> guests,
			List<Integer> lines, Caller caller, Locale locale) {
		return this.establishments.find(establishmentId).flatMap((establishment) -> {
			if (!establishment.isOperatedBy(caller)) {
				return Mono.error(ApiException.forbidden("stay.not-operator"));
			}
			Instant now = this.clock.instant();
			List<RowResult> results = new ArrayList<>();
			List<ForeignGuestDeclaration.Guest> accepted = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (int i = 0; i < guests.size(); i++) {
				Row row = check(guests.get(i), establishment.remoteArea(), now, seen);
				Integer line = (lines != null) ? lines.get(i) : null;
				if (row.errors().isEmpty()) {
					accepted.add(row.guest());
					results.add(new RowResult(i, line, "ACCEPTED", row.guest().deadline(), row.guest().onTime(),
							List.of()));
				}
				else {
					results.add(new RowResult(i, line, "REFUSED", null, null, row.errors().stream()
						.map((error) -> new RowError(error.field(), error.code(),
								this.problems.message(error.code(), error.args(), locale, error.code())))
						.toList()));
				}
			}
			int refused = results.size() - accepted.size();
			if (accepted.isEmpty()) {
				return Mono.error(new ApiException(ProblemType.UNPROCESSABLE, "foreigner.rules-broken").with("rows", results));
			}
			ForeignGuestDeclaration.Declared declared = ForeignGuestDeclaration.declare(UUID.randomUUID().toString(),
					establishment.id(), establishment.name(), establishment.address(), establishment.remoteArea(), caller,
					accepted, now);
			return this.store.insert(declared.declaration(), List.of(declared.event()))
				.map((stored) -> ResponseEntity.status(HttpStatus.CREATED)
					.body(new DeclarationResult(stored.id(), accepted.size(), refused, declared.event().late(),
							results)));
		});
	}

	/** An operator declares that a guest of one of its declarations left. */
	@PostMapping("/{id}/departures")
	Mono<ForeignGuestDeclaration> depart(@PathVariable String id, @Valid @RequestBody Departure departure,
			Caller caller) {
		return this.store.findById(id)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("foreign-guest")))
			.flatMap((declaration) -> this.establishments.find(declaration.establishmentId()))
			.flatMap((establishment) -> {
				if (!establishment.isOperatedBy(caller)) {
					return Mono.error(ApiException.notFound("foreign-guest"));
				}
				return this.store.change(id, (declaration) -> declaration.depart(departure.passportNumber().strip()
					.toUpperCase(Locale.ROOT), departure.nationality().toUpperCase(Locale.ROOT), departure.departedAt()));
			});
	}

	/** The declarations of an establishment the caller operates, newest first. */
	@GetMapping("/mine")
	Mono<List<ForeignGuestDeclaration>> mine(@RequestParam @Size(max = 60) String establishmentId, Caller caller) {
		return this.establishments.find(establishmentId).flatMap((establishment) -> {
			if (!establishment.isOperatedBy(caller)) {
				return Mono.error(ApiException.notFound("establishment"));
			}
			return this.mongo.find(Query.query(Criteria.where("establishmentId").is(establishmentId))
				.with(Sort.by(Sort.Direction.DESC, "declaredAt"))
				.limit(200), ForeignGuestDeclaration.class, COLLECTION).collectList();
		});
	}

	/** For officers of the province: what was declared on one Vietnam day (today by default), in a commune or all. */
	@GetMapping
	Mono<List<ForeignGuestDeclaration>> ofArea(@RequestParam @jakarta.validation.constraints.Pattern(regexp = "[0-9]{2}") String province,
			@RequestParam(required = false) @Size(max = 100) String commune, @RequestParam(required = false) LocalDate day,
			Caller caller) {
		caller.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR).requireOfficerOf(province);
		LocalDate declared = (day != null) ? day : VietnamTime.today(this.clock);
		return this.mongo.find(Query.query(Criteria.where("address.provinceCode").is(province).and("declaredAt")
			.gte(declared.atStartOfDay(VietnamTime.ZONE).toInstant())
			.lt(declared.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant()))
			.with(Sort.by(Sort.Direction.DESC, "declaredAt"))
			.limit(500), ForeignGuestDeclaration.class, COLLECTION)
			.filter((declaration) -> commune == null || declaration.address().sameCommuneAs(province, commune))
			.collectList();
	}

	private record Problem(String field, String code, Object[] args) {
	}

	private record Row(ForeignGuestDeclaration.Guest guest, List<Problem> errors) {
	}

	/** One row: every field's problem, or the guest with its deadline. */
	static Row check(GuestRow row, boolean remoteArea, Instant now, Set<String> seen) {
		List<Problem> errors = new ArrayList<>();
		String passport = upper(row.passportNumber());
		if (passport == null || !PASSPORT.matcher(passport).matches()) {
			errors.add(new Problem("passportNumber", "foreigner.passport-invalid", new Object[0]));
		}
		String nationality = upper(row.nationality());
		if (nationality == null || !COUNTRIES.contains(nationality)) {
			errors.add(new Problem("nationality", "foreigner.nationality-invalid", new Object[0]));
		}
		else if (nationality.equals("VN")) {
			errors.add(new Problem("nationality", "foreigner.vietnamese", new Object[0]));
		}
		String name = (row.fullName() != null) ? row.fullName().strip() : "";
		if (name.isEmpty() || name.length() > 100) {
			errors.add(new Problem("fullName", "foreigner.name-invalid", new Object[0]));
		}
		LocalDate birthDate = date(row.birthDate(), "birthDate", errors);
		if (birthDate != null && (birthDate.isAfter(VietnamTime.dayOf(now)) || birthDate.getYear() < 1900)) {
			errors.add(new Problem("birthDate", "foreigner.birth-date-invalid", new Object[0]));
		}
		String sex = upper(row.sex());
		if (sex == null || !SEXES.contains(sex)) {
			errors.add(new Problem("sex", "foreigner.sex-invalid", new Object[0]));
		}
		String visa = (row.visa() != null && !row.visa().isBlank()) ? row.visa().strip() : null;
		if (visa != null && visa.length() > 30) {
			errors.add(new Problem("visa", "foreigner.visa-invalid", new Object[0]));
		}
		String room = (row.room() != null && !row.room().isBlank()) ? row.room().strip() : null;
		if (room != null && room.length() > 20) {
			errors.add(new Problem("room", "foreigner.room-invalid", new Object[0]));
		}
		Instant arrivedAt = instant(row.arrivedAt(), errors);
		LocalDate entryDate = date(row.entryDate(), "entryDate", errors);
		LocalDate plannedDeparture = date(row.plannedDeparture(), "plannedDeparture", errors);
		if (arrivedAt != null) {
			if (arrivedAt.isAfter(now.plus(CLOCK_SKEW))) {
				errors.add(new Problem("arrivedAt", "foreigner.arrival-in-future", new Object[0]));
			}
			else if (arrivedAt.isBefore(now.minus(LATEST))) {
				errors.add(new Problem("arrivedAt", "foreigner.arrival-too-old", new Object[] { LATEST.toDays() }));
			}
			LocalDate arrivalDay = VietnamTime.dayOf(arrivedAt);
			if (entryDate != null && entryDate.isAfter(arrivalDay)) {
				errors.add(new Problem("entryDate", "foreigner.entry-after-arrival", new Object[0]));
			}
			if (plannedDeparture != null && plannedDeparture.isBefore(arrivalDay)) {
				errors.add(new Problem("plannedDeparture", "foreigner.departs-before-arrival", new Object[0]));
			}
		}
		if (passport != null && nationality != null && !seen.add(nationality + ":" + passport)) {
			errors.add(new Problem("passportNumber", "foreigner.guest-twice", new Object[0]));
		}
		if (!errors.isEmpty()) {
			return new Row(null, errors);
		}
		return new Row(new ForeignGuestDeclaration.Guest(passport, nationality, name, birthDate, sex, visa, entryDate,
				room, arrivedAt, plannedDeparture, ForeignGuestDeadline.of(arrivedAt, remoteArea),
				ForeignGuestDeadline.onTime(arrivedAt, remoteArea, now), null), List.of());
	}

	private static String upper(String value) {
		return (value == null || value.isBlank()) ? null : value.strip().toUpperCase(Locale.ROOT);
	}

	private static LocalDate date(String value, String field, List<Problem> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new Problem(field, "foreigner.date-required", new Object[0]));
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(new Problem(field, "foreigner.date-invalid", new Object[0]));
			return null;
		}
	}

	private static Instant instant(String value, List<Problem> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new Problem("arrivedAt", "foreigner.date-required", new Object[0]));
			return null;
		}
		try {
			return OffsetDateTime.parse(value.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			errors.add(new Problem("arrivedAt", "foreigner.instant-invalid", new Object[0]));
			return null;
		}
	}

}
