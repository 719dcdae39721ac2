package vn.gov.bca.payment.decision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.security.PersonalIds;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The public fine lookup (tra cứu phạt nguội), without login, rate-limited per address at the
 * gateway: by plate and vehicle type, the unpaid decisions with the violator's data masked; by
 * decision number and issuing unit, that decision's state and amount due. A decision number alone
 * (printed on a notice, easy to guess in sequence) gives only that: the vehicle, the place and the
 * time of the violation are shown only to someone who also gives the decision's plate.
 */
@RestController
@RequestMapping("/api/payment/public")
class PublicLookupController {

	private final DecisionService decisions;

	private final Clock clock;

	PublicLookupController(DecisionService decisions, Clock clock) {
		this.decisions = decisions;
		this.clock = clock;
	}

	@GetMapping("/fines")
	Mono<PlateLookup> byPlate(@RequestParam @NotBlank @Size(max = 20) String plate,
			@RequestParam @NotNull VehicleType vehicleType) {
		VehiclePlate normalised = VehiclePlate.parse(plate, "plate");
		LocalDate today = VietnamTime.today(this.clock);
		return this.decisions.unpaidOf(normalised, vehicleType)
			.map((decision) -> PublicDecision.of(decision, today))
			.collectList()
			.map((unpaid) -> new PlateLookup(normalised.value(), vehicleType, unpaid));
	}

	/**
	 * With the decision's plate: the decision as the plate lookup shows it (a wrong plate is
	 * {@code NO_DECISION}, as for a number that does not exist). Without a plate: the state and the
	 * amount due only ({@code summary}), nothing of the vehicle, the violation, its place or time.
	 */
	@GetMapping("/decisions")
	Mono<DecisionLookup> byNumber(@RequestParam @NotBlank @Size(max = 40) String issuingUnit,
			@RequestParam @NotBlank @Size(max = 50) String number,
			@RequestParam(required = false) @Size(max = 20) String plate) {
		VehiclePlate givenPlate = (plate != null) ? VehiclePlate.parse(plate, "plate") : null;
		LocalDate today = VietnamTime.today(this.clock);
		return this.decisions.find(issuingUnit.strip().toUpperCase(Locale.ROOT), number.strip())
			.filter((decision) -> givenPlate == null || decision.data().plate().equals(givenPlate))
			.map((decision) -> new DecisionLookup(
					(decision.status() == PenaltyDecision.Status.PAID) ? Result.PAID : Result.UNPAID,
					DecisionSummary.of(decision, today), (givenPlate != null) ? PublicDecision.of(decision, today) : null))
			.defaultIfEmpty(new DecisionLookup(Result.NO_DECISION, null, null));
	}

	enum Result {

		NO_DECISION, UNPAID, PAID

	}

	record PlateLookup(String plate, VehicleType vehicleType, List<PublicDecision> unpaid) {
	}

	/**
	 * @param summary the decision's state and amount due, whenever it exists
	 * @param decision the masked decision, only when the plate was given and matches
	 */
	record DecisionLookup(Result result, DecisionSummary summary, PublicDecision decision) {
	}

	/** What a decision number alone tells: who issued it, when, whether paid and what is due. */
	record DecisionSummary(String decisionNumber, LocalDate decisionDate, String issuingUnit, String issuingUnitName,
			PenaltyDecision.Status status, AmountDue amountDue, Instant paidAt) {

		static DecisionSummary of(PenaltyDecision decision, LocalDate today) {
			DecisionData data = decision.data();
			boolean unpaid = decision.status() == PenaltyDecision.Status.UNPAID;
			return new DecisionSummary(data.decisionNumber(), data.decisionDate(), data.issuingUnit(),
					data.issuingUnitName(), decision.status(), unpaid ? decision.amountDue(today) : null,
					unpaid ? null : decision.payment().paidAt());
		}

	}

	/** A decision as anyone may see it: the violator masked, the amount due today while unpaid. */
	record PublicDecision(String decisionNumber, LocalDate decisionDate, String issuingUnit, String issuingUnitName,
			String violatorName, String violatorId, String plate, VehicleType vehicleType, String legalReference,
			String violation, String place, Instant occurredAt, boolean cameraDetected, PenaltyDecision.Status status,
			AmountDue amountDue, Instant paidAt) {

		static PublicDecision of(PenaltyDecision decision, LocalDate today) {
			DecisionData data = decision.data();
			boolean unpaid = decision.status() == PenaltyDecision.Status.UNPAID;
			String id = (data.violator().personalId() != null) ? PersonalIds.mask(data.violator().personalId())
					: data.violator().taxCode();
			return new PublicDecision(data.decisionNumber(), data.decisionDate(), data.issuingUnit(),
					data.issuingUnitName(), maskName(data.violator()), id, data.plate().value(), data.vehicleType(),
					data.violation().legalReference(), data.violation().description(), data.violation().place(),
					data.violation().occurredAt(), data.cameraDetected(), decision.status(),
					unpaid ? decision.amountDue(today) : null, unpaid ? null : decision.payment().paidAt());
		}

		/** A person's name as initials ("Nguyễn Văn An" → "N. V. A."); an organisation's in full. */
		static String maskName(DecisionData.Violator violator) {
			return (violator.personalId() == null) ? violator.name() : PersonalIds.initials(violator.name());
		}

	}

}
