package vn.gov.bca.payment.decision;

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

/**
 * The public fine lookup (tra cứu phạt nguội), without login, rate-limited per address at the
 * gateway: by plate and vehicle type, the unpaid decisions with the violator's data masked; by
 * decision number and issuing unit, that decision's state and amount due.
 */
@RestController
@RequestMapping("/api/payment/public")
class PublicLookupController {

	private final DecisionService decisions;

	PublicLookupController(DecisionService decisions) {
		this.decisions = decisions;
	}

	@GetMapping("/fines")
	Mono<PlateLookup> byPlate(@RequestParam @NotBlank @Size(max = 20) String plate,
			@RequestParam @NotNull VehicleType vehicleType) {
		VehiclePlate normalised = VehiclePlate.parse(plate, "plate");
		LocalDate today = DecisionController.today();
		return this.decisions.unpaidOf(normalised, vehicleType)
			.map((decision) -> PublicDecision.of(decision, today))
			.collectList()
			.map((unpaid) -> new PlateLookup(normalised.value(), vehicleType, unpaid));
	}

	@GetMapping("/decisions")
	Mono<DecisionLookup> byNumber(@RequestParam @NotBlank @Size(max = 40) String issuingUnit,
			@RequestParam @NotBlank @Size(max = 50) String number) {
		LocalDate today = DecisionController.today();
		return this.decisions.find(issuingUnit.strip().toUpperCase(Locale.ROOT), number.strip())
			.map((decision) -> new DecisionLookup(
					(decision.status() == PenaltyDecision.Status.PAID) ? Result.PAID : Result.UNPAID,
					PublicDecision.of(decision, today)))
			.defaultIfEmpty(new DecisionLookup(Result.NO_DECISION, null));
	}

	enum Result {

		NO_DECISION, UNPAID, PAID

	}

	record PlateLookup(String plate, VehicleType vehicleType, List<PublicDecision> unpaid) {
	}

	record DecisionLookup(Result result, PublicDecision decision) {
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
			if (violator.personalId() == null) {
				return violator.name();
			}
			StringBuilder initials = new StringBuilder();
			for (String word : violator.name().split("\\s+")) {
				if (!word.isEmpty()) {
					initials.append(initials.length() > 0 ? " " : "").appendCodePoint(word.codePointAt(0)).append('.');
				}
			}
			return initials.toString();
		}

	}

}
