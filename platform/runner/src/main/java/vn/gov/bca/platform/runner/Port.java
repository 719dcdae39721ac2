package vn.gov.bca.platform.runner;

/** Every port the local stack listens on, with its default from DESIGN.md. */
public enum Port {

	GATEWAY(8080),
	IDENTITY(8081),
	RESIDENCE(8082),
	PASSPORT(8083),
	SEAL(8084),
	FINE_PAYMENT(8085),
	PAYMENT_SANDBOX(8086),
	KEYCLOAK(8180),
	// Keycloak's own default (9000) collides with too many tools on developer machines.
	KEYCLOAK_MANAGEMENT(9180),
	KAFKA(9092),
	KAFKA_CONTROLLER(9093),
	MONGO(27017);

	private final int defaultPort;

	Port(int defaultPort) {
		this.defaultPort = defaultPort;
	}

	public int defaultPort() {
		return defaultPort;
	}
}
