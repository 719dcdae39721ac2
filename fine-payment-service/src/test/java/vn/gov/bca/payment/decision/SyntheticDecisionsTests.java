package vn.gov.bca.payment.decision;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticDecisionsTests {

	private final SyntheticDecisions decisions = new SyntheticDecisions(20_261_101L);

	@Test
	void theSameSeedAndIndexGiveTheSameDecision() {
		PenaltyDecision first = this.decisions.decision(123_456);
		PenaltyDecision again = new SyntheticDecisions(20_261_101L).decision(123_456);
		assertThat(again.data()).isEqualTo(first.data());
		assertThat(again.status()).isEqualTo(first.status());
		assertThat(new SyntheticDecisions(7).decision(123_456).data()).isNotEqualTo(first.data());
	}

	@Test
	void vehiclesHaveOneOrTwoDecisionsAndAPlateOfTheirOwn() {
		Map<String, Set<Long>> byPlate = new HashMap<>();
		int paid = 0;
		for (long i = 0; i < 30_000; i++) {
			PenaltyDecision decision = this.decisions.decision(i);
			String key = DecisionKeys.plate(decision.data().plate(), decision.data().vehicleType());
			byPlate.computeIfAbsent(key, (k) -> new HashSet<>()).add(SyntheticDecisions.vehicleOf(i));
			assertThat(decision.id()).isEqualTo(DecisionData.idOf(this.decisions.unitOf(i), SyntheticDecisions.numberOf(i)));
			assertThat(decision.data().fineAmount()).isPositive();
			assertThat(decision.data().violator().personalId()).matches("[0-9]{12}");
			if (decision.status() == PenaltyDecision.Status.PAID) {
				paid++;
			}
		}
		assertThat(byPlate).hasSize(20_000);
		assertThat(byPlate.values()).allSatisfy((vehicles) -> assertThat(vehicles).hasSize(1));
		assertThat(paid).isBetween(8_000, 11_000);
		assertThat(SyntheticDecisions.decisionsOf(SyntheticDecisions.vehicleOf(4))).containsExactly(4L, 5L);
		assertThat(SyntheticDecisions.decisionsOf(SyntheticDecisions.vehicleOf(3))).isEqualTo(List.of(3L));
	}

	@Test
	void everyVehicleUpToTheMaximumHasItsOwnPlateAndOwner() {
		long vehicles = SyntheticDecisions.vehicleOf(SyntheticDecisions.MAX_SIZE - 1) + 1;
		Set<String> plates = new HashSet<>();
		Set<String> owners = new HashSet<>();
		for (long v = 0; v < vehicles; v++) {
			SyntheticDecisions.Vehicle vehicle = this.decisions.vehicle(v);
			assertThat(plates.add(DecisionKeys.plate(vehicle.plate(), vehicle.type()))).as("plate of vehicle %d", v)
				.isTrue();
			assertThat(owners.add(vehicle.ownerId())).as("owner of vehicle %d", v).isTrue();
		}
	}

	@Test
	void theDecisionsOfAVehicleShareItsPlateAndOwner() {
		PenaltyDecision a = this.decisions.decision(4);
		PenaltyDecision b = this.decisions.decision(5);
		assertThat(a.data().plate()).isEqualTo(b.data().plate());
		assertThat(a.data().violator()).isEqualTo(b.data().violator());
		assertThat(this.decisions.decision(3).data().plate()).isNotEqualTo(a.data().plate());
	}

}
