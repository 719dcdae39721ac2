package vn.gov.bca.payment.decision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A penalty decision as the issuing violation system states it; never changed here afterwards.
 *
 * @param decisionNumber the decision's number, e.g. {@code 1234/QĐ-XPHC}
 * @param decisionDate the day it was signed
 * @param issuingUnit code of the unit that issued it, e.g. {@code PC08-HN}
 * @param issuingUnitName its name
 * @param violator who must pay
 * @param plate the vehicle's normalised plate
 * @param vehicleType the kind of vehicle
 * @param violation what happened, where and when, and the rule broken
 * @param fineAmount the fine in VND
 * @param receivedOn when the violator received the decision (the 10 days to pay start then);
 *        null while not known
 * @param cameraDetected whether a camera detected the violation (phạt nguội)
 */
public record DecisionData(String decisionNumber, LocalDate decisionDate, String issuingUnit, String issuingUnitName,
		Violator violator, VehiclePlate plate, VehicleType vehicleType, Violation violation, long fineAmount,
		LocalDate receivedOn, boolean cameraDetected) {

	/** The decision's key: decision numbers are unique per issuing unit only. */
	public String id() {
		return idOf(this.issuingUnit, this.decisionNumber);
	}

	public static String idOf(String issuingUnit, String decisionNumber) {
		return issuingUnit + "|" + decisionNumber;
	}

	/**
	 * A person (by personal id) or an organisation (by tax code) and the name in the decision.
	 */
	public record Violator(String personalId, String taxCode, String name) {
	}

	/** The violation: legal reference (e.g. "Điểm a khoản 9 Điều 6 Nghị định 168/2024/NĐ-CP"). */
	public record Violation(String legalReference, String description, String place, Instant occurredAt) {
	}

}
