package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PortsTests {

	@Test
	void defaultsAreTheDesignsPorts() {
		Ports ports = Ports.defaults();
		assertThat(ports.of(Port.GATEWAY)).isEqualTo(8080);
		assertThat(ports.of(Port.IDENTITY)).isEqualTo(8081);
		assertThat(ports.of(Port.FINE_PAYMENT)).isEqualTo(8085);
		assertThat(ports.of(Port.PAYMENT_SANDBOX)).isEqualTo(8086);
		assertThat(ports.of(Port.KEYCLOAK)).isEqualTo(8180);
		assertThat(ports.of(Port.KEYCLOAK_MANAGEMENT)).isEqualTo(9180);
		assertThat(ports.of(Port.KAFKA)).isEqualTo(9092);
		assertThat(ports.of(Port.MONGO)).isEqualTo(27017);
	}

	/** The contract of issue 10: each service's actuator on its server port + 1000. */
	@Test
	void everyServicesManagementPortIsItsServerPortPlus1000() {
		for (Ports ports : java.util.List.of(Ports.defaults(), Ports.withOffset(10_000))) {
			for (Service service : Service.values()) {
				assertThat(ports.of(service.managementPort())).as(service.module())
					.isEqualTo(ports.of(service.port()) + 1000);
			}
		}
		assertThat(Ports.withOffset(10_000).of(Port.IDENTITY_MANAGEMENT)).isEqualTo(19081);
	}

	@Test
	void noTwoPartsShareAPort() {
		assertThat(new java.util.HashSet<>(Ports.defaults().byPort().values())).hasSize(Port.values().length);
	}

	@Test
	void anOffsetMovesTheWholeStack() {
		Ports ports = Ports.withOffset(10_000);
		assertThat(ports.of(Port.GATEWAY)).isEqualTo(18080);
		assertThat(ports.of(Port.KEYCLOAK)).isEqualTo(18180);
		assertThat(ports.of(Port.PAYMENT_SANDBOX)).isEqualTo(18086);
		assertThat(ports.of(Port.KAFKA)).isEqualTo(19092);
		assertThat(ports.of(Port.KAFKA_CONTROLLER)).isEqualTo(19093);
		assertThat(ports.of(Port.MONGO)).isEqualTo(37017);
	}

	@Test
	void onePortCanBeSetExplicitly() {
		Ports ports = Ports.defaults().with(Port.MONGO, 27018);
		assertThat(ports.of(Port.MONGO)).isEqualTo(27018);
		assertThat(ports.of(Port.KAFKA)).isEqualTo(9092);
	}

	@Test
	void rejectsMissingAndImpossiblePorts() {
		assertThatThrownBy(() -> new Ports(Map.of(Port.GATEWAY, 8080))).hasMessageContaining("No port for");
		assertThatThrownBy(() -> Ports.withOffset(60_000)).hasMessageContaining("out of range");
	}
}
