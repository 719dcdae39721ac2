package vn.gov.bca.platform.runner;

import java.nio.file.Path;
import java.util.Optional;

/** The deployables the stack starts after the infrastructure, each a Boot jar built by Maven. */
public enum Service {

	IDENTITY("identity-service", "identity", Port.IDENTITY, Port.IDENTITY_MANAGEMENT),
	RESIDENCE("residence-service", "residence", Port.RESIDENCE, Port.RESIDENCE_MANAGEMENT),
	PASSPORT("passport-service", "passport", Port.PASSPORT, Port.PASSPORT_MANAGEMENT),
	SEAL("seal-service", "seal", Port.SEAL, Port.SEAL_MANAGEMENT),
	FINE_PAYMENT("fine-payment-service", "payment", Port.FINE_PAYMENT, Port.FINE_PAYMENT_MANAGEMENT),
	GATEWAY("gateway", null, Port.GATEWAY, Port.GATEWAY_MANAGEMENT);

	private final String module;
	private final String database;
	private final Port port;
	private final Port managementPort;

	Service(String module, String database, Port port, Port managementPort) {
		this.module = module;
		this.database = database;
		this.port = port;
		this.managementPort = managementPort;
	}

	/** The Maven module, which is also the process name, the log name and the Keycloak client id. */
	public String module() {
		return module;
	}

	/** The service's own MongoDB database; the gateway has none. */
	public Optional<String> database() {
		return Optional.ofNullable(database);
	}

	public Port port() {
		return port;
	}

	/** Where the actuator answers (health details, metrics); the public port has only /livez and /readyz. */
	public Port managementPort() {
		return managementPort;
	}

	public boolean isGateway() {
		return this == GATEWAY;
	}

	/** A procedure service: it handles dossiers, and keeps the national portal in step with them. */
	public boolean hasDossiers() {
		return this == IDENTITY || this == RESIDENCE || this == PASSPORT || this == SEAL;
	}

	public Path jar(Path repoRoot) {
		return repoRoot.resolve(module).resolve("target").resolve(module + ".jar");
	}

	/** Accepts the module name or a short form: "identity", "fine-payment", "FINE_PAYMENT". */
	public static Service parse(String name) {
		String wanted = name.trim().toLowerCase().replace('_', '-');
		for (Service service : values()) {
			if (service.module.equals(wanted) || service.module.equals(wanted + "-service")) {
				return service;
			}
		}
		throw new IllegalArgumentException("Unknown service '" + name + "'");
	}
}
