package vn.gov.bca.payment.decision;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * Penalty decisions: pushed by the traffic police's violation systems (their own service
 * accounts, role {@code violation-source}), read by officers, and listed for the citizen they
 * concern.
 */
@RestController
@RequestMapping("/api/payment")
class DecisionController {

	static final String VIOLATION_SOURCE = "violation-source";

	private final DecisionService decisions;

	private final Clock clock;

	DecisionController(DecisionService decisions, Clock clock) {
		this.decisions = decisions;
		this.clock = clock;
	}

	/** 201 the first time; 200 with the stored decision when the same one is sent again. */
	@PostMapping("/decisions")
	Mono<ResponseEntity<DecisionView>> receive(@Valid @RequestBody DecisionRequest request, Caller caller) {
		caller.requireAnyRole(VIOLATION_SOURCE);
		DecisionData data = request.toData(today());
		return this.decisions.receive(data, caller.clientId()).map((receipt) -> {
			URI location = UriComponentsBuilder.fromPath("/api/payment/decisions")
				.queryParam("issuingUnit", data.issuingUnit())
				.queryParam("number", data.decisionNumber())
				.encode()
				.build()
				.toUri();
			return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.location(location)
				.body(DecisionView.of(receipt.decision(), today()));
		});
	}

	@GetMapping("/decisions")
	Mono<DecisionView> decision(@RequestParam @NotBlank String issuingUnit, @RequestParam @NotBlank String number,
			Caller caller) {
		caller.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR, Caller.ADMIN, VIOLATION_SOURCE);
		return this.decisions.find(issuingUnit, number)
			.map((decision) -> DecisionView.of(decision, today()))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("decision")));
	}

	/** The signed-in citizen's decisions, paid or not. */
	@GetMapping("/me/decisions")
	Mono<List<DecisionView>> myDecisions(Caller caller) {
		if (caller.personalId() == null) {
			return Mono.just(List.of());
		}
		LocalDate today = today();
		return this.decisions.ofViolator(caller.personalId())
			.map((decision) -> DecisionView.of(decision, today))
			.collectList();
	}

	/** The day in Vietnam, from the service's clock. */
	private LocalDate today() {
		return VietnamTime.today(this.clock);
	}

	record ViolatorRequest(@Pattern(regexp = "[0-9]{12}") String personalId,
			@Pattern(regexp = "[0-9]{10}([0-9]{3})?") String taxCode, @NotBlank @Size(max = 200) String name) {
	}

	record VehicleRequest(@NotBlank @Size(max = 20) String plate, @NotNull VehicleType type) {
	}

	record ViolationRequest(@NotBlank @Size(max = 300) String legalReference,
			@NotBlank @Size(max = 1000) String description, @NotBlank @Size(max = 300) String place,
			@NotNull Instant occurredAt) {
	}

	record DecisionRequest(@NotBlank @Size(max = 50) String decisionNumber, @NotNull LocalDate decisionDate,
			@NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9.\\-/]{1,39}") String issuingUnit,
			@NotBlank @Size(max = 200) String issuingUnitName, @Valid @NotNull ViolatorRequest violator,
			@Valid @NotNull VehicleRequest vehicle, @Valid @NotNull ViolationRequest violation,
			@NotNull @Min(1) @Max(200_000_000) Long fineAmount, LocalDate receivedOn, @NotNull Boolean cameraDetected) {

		/** Boxed {@code fineAmount} and {@code cameraDetected}: a missing one is a field error, not a default. */
		DecisionData toData(LocalDate today) {
			ApiException invalid = new ApiException(ProblemType.VALIDATION, "validation");
			VehiclePlate plate = null;
			try {
				plate = VehiclePlate.parse(this.vehicle.plate(), "vehicle.plate");
			}
			catch (ApiException ex) {
				ex.errors().forEach((error) -> invalid.withError(error.field(), error.code(), error.args()));
			}
			if ((this.violator.personalId() == null) == (this.violator.taxCode() == null)) {
				invalid.withError("violator", "violator.one-identifier");
			}
			if (this.decisionDate.isAfter(today)) {
				invalid.withError("decisionDate", "decision-date.future");
			}
			if (this.receivedOn != null && (this.receivedOn.isBefore(this.decisionDate) || this.receivedOn.isAfter(today))) {
				invalid.withError("receivedOn", "received-on.impossible");
			}
			if (!invalid.errors().isEmpty()) {
				throw invalid;
			}
			return new DecisionData(this.decisionNumber.strip(), this.decisionDate, this.issuingUnit,
					this.issuingUnitName.strip(),
					new DecisionData.Violator(this.violator.personalId(), this.violator.taxCode(),
							this.violator.name().strip()),
					plate, this.vehicle.type(),
					new DecisionData.Violation(this.violation.legalReference().strip(),
							this.violation.description().strip(), this.violation.place().strip(),
							this.violation.occurredAt()),
					this.fineAmount, this.receivedOn, this.cameraDetected);
		}

	}

	/** The whole decision with its status and, while unpaid, what is due today. */
	record DecisionView(String id, String decisionNumber, LocalDate decisionDate, String issuingUnit,
			String issuingUnitName, DecisionData.Violator violator, String plate, VehicleType vehicleType,
			DecisionData.Violation violation, long fineAmount, LocalDate receivedOn, boolean cameraDetected,
			PenaltyDecision.Status status, AmountDue amountDue, PenaltyDecision.Payment payment) {

		static DecisionView of(PenaltyDecision decision, LocalDate today) {
			DecisionData data = decision.data();
			return new DecisionView(decision.id(), data.decisionNumber(), data.decisionDate(), data.issuingUnit(),
					data.issuingUnitName(), data.violator(), data.plate().value(), data.vehicleType(),
					data.violation(), data.fineAmount(), data.receivedOn(), data.cameraDetected(), decision.status(),
					(decision.status() == PenaltyDecision.Status.UNPAID) ? decision.amountDue(today) : null,
					decision.payment());
		}

	}

}
