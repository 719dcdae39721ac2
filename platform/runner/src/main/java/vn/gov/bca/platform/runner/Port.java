package vn.gov.bca.platform.runner;

/** Every port the local stack listens on, with its default from DESIGN.md. */
public enum Port {

	GATEWAY(8080),
	IDENTITY(8081),
	RESIDENCE(8082),
	PASSPORT(8083),
	SEAL(8084),
	FINE_PAYMENT(8085),
	// Each service's actuator (health details, metrics, prometheus) on its server port + 1000, never
	// on the public port nor through the gateway (platform-web's PlatformDefaults, issue 10).
	GATEWAY_MANAGEMENT(9080),
	IDENTITY_MANAGEMENT(9081),
	RESIDENCE_MANAGEMENT(9082),
	PASSPORT_MANAGEMENT(9083),
	SEAL_MANAGEMENT(9084),
	FINE_PAYMENT_MANAGEMENT(9085),
	PAYMENT_SANDBOX(8086),
	NATIONAL_PORTAL_SANDBOX(8087),
	KEYCLOAK(8180),
	// Keycloak's own default (9000) collides with too many tools on developer machines.
	KEYCLOAK_MANAGEMENT(9180),
	// Zipkin's API and UI, started by ./run --observability.
	ZIPKIN(9411),
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
