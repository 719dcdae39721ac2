package vn.gov.bca.platform.runner;

import java.util.LinkedHashMap;
import java.util.Map;

/** The environment contract of the services and the gateway (see each module's application.yml). */
final class ServiceEnvironment {

	private ServiceEnvironment() {
	}

	/**
	 * @param mongoUriFor the connection string of a service's database
	 */
	static Map<String, String> of(Service service, LocalStackOptions options, String kafkaBootstrapServers,
			String keycloakUrl, java.util.function.Function<String, String> mongoUriFor) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SERVER_PORT", Integer.toString(options.port(service.port())));
		// Set rather than left to platform-web's "server port + 1000", so that --port-offset and an
		// explicitly moved port (Ports.with) reach the management port too.
		environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(options.port(service.managementPort())));
		environment.put("KEYCLOAK_URL", keycloakUrl);
		for (Service target : Service.values()) {
			if (!target.isGateway()) {
				environment.put(urlVariable(target), "http://localhost:" + options.port(target.port()));
			}
		}
		if (!service.isGateway()) {
			environment.put("MONGODB_URI", mongoUriFor.apply(service.database().orElseThrow()));
			environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
			environment.put("SERVICE_CLIENT_ID", service.module());
			environment.put("SERVICE_CLIENT_SECRET", devSecret(service));
			environment.putAll(documents(service, options));
		}
		if (service.hasDossiers()) {
			environment.putAll(nationalPortal(options));
		}
		if (service == Service.IDENTITY) {
			environment.put("IDENTITY_SYNTHETIC_POPULATION", Integer.toString(options.syntheticPopulation()));
			// One-time codes of account registration land here as files instead of an SMS or e-mail.
			environment.put("VNEID_NOTIFICATIONS_DEV_SINK_DIR", notificationsDir(options).toString());
		}
		if (service == Service.FINE_PAYMENT) {
			environment.putAll(paymentPlatform(options));
			environment.put("VNEID_DEMO_DATA_ENABLED", "true");
		}
		if (service == Service.RESIDENCE) {
			// The demo accommodation establishment of khachsan.hoguom.
			environment.put("VNEID_DEMO_DATA_ENABLED", "true");
		}
		if (service == Service.SEAL) {
			// The demo organisations of daidien.truonghoc and daidien.hoi.
			environment.put("VNEID_DEMO_DATA_ENABLED", "true");
		}
		return environment;
	}

	/**
	 * What differs between the instances of a service run with replicas: their ports, and only the
	 * first loads the synthetic population. For the gateway: every instance of each service, which
	 * its load balancer takes turns with (a list, so given whole as SPRING_APPLICATION_JSON).
	 */
	static Map<String, String> instance(Service service, int instance, LocalStackOptions options) {
		Map<String, String> environment = new LinkedHashMap<>();
		if (service.isGateway()) {
			StringBuilder json = new StringBuilder();
			for (Service target : Service.values()) {
				if (target.isGateway() || options.replicas(target) == 1) {
					continue;
				}
				json.append(json.isEmpty() ? "" : ",").append('"').append(target.module()).append("\":[");
				for (int k = 1; k <= options.replicas(target); k++) {
					json.append((k > 1) ? "," : "")
						.append("{\"uri\":\"http://localhost:")
						.append(options.port(target, k))
						.append("\"}");
				}
				json.append(']');
			}
			if (!json.isEmpty()) {
				environment.put("SPRING_APPLICATION_JSON",
						"{\"spring\":{\"cloud\":{\"discovery\":{\"client\":{\"simple\":{\"instances\":{" + json
								+ "}}}}}}}");
			}
			return environment;
		}
		if (instance > 1) {
			environment.put("SERVER_PORT", Integer.toString(options.port(service, instance)));
			environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(options.managementPort(service, instance)));
			if (service == Service.IDENTITY) {
				environment.put("IDENTITY_SYNTHETIC_POPULATION", "0");
			}
		}
		return environment;
	}

	/**
	 * The payment platform fine-payment-service talks to (the sandbox) and where the platform reaches
	 * back: callbacks and the citizen's browser come in through the gateway, as they would in production.
	 */
	static Map<String, String> paymentPlatform(LocalStackOptions options) {
		String gateway = "http://localhost:" + options.port(Service.GATEWAY.port());
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("PAYMENT_PLATFORM_URL", PaymentSandboxProcess.url(options));
		environment.put("PAYMENT_PLATFORM_MERCHANT_ID", PaymentSandboxProcess.MERCHANT_ID);
		environment.put("PAYMENT_PLATFORM_SECRET", PaymentSandboxProcess.SECRET);
		environment.put("PAYMENT_CALLBACK_URL", gateway + "/api/payment/public/platform-callbacks");
		environment.put("PAYMENT_RETURN_URL", gateway + "/api/payment/public/checkout-return");
		return environment;
	}

	/** The national portal a procedure service keeps in step with its dossiers: the sandbox, here. */
	static Map<String, String> nationalPortal(LocalStackOptions options) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("NATIONAL_PORTAL_URL", NationalPortalSandboxProcess.url(options));
		environment.put("NATIONAL_PORTAL_USERNAME", NationalPortalSandboxProcess.USERNAME);
		environment.put("NATIONAL_PORTAL_PASSWORD", NationalPortalSandboxProcess.PASSWORD);
		return environment;
	}

	/**
	 * A service that issues documents signs them with its units' keys: here each writes a development
	 * CA and its units' keys on first start into the local data folder (never committed, trusted
	 * nowhere else); its password is {@link DevelopmentKeystores#password}. The QR codes point at the
	 * gateway.
	 */
	static Map<String, String> documents(Service service, LocalStackOptions options) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("DOCUMENTS_KEYSTORE_PATH", DevelopmentKeystores.keystore(options.dataDir(), service).toString());
		environment.put("DOCUMENTS_DEVELOPMENT_CA", "true");
		environment.put("DOCUMENTS_PUBLIC_URL", "http://localhost:" + options.port(Service.GATEWAY.port()));
		return environment;
	}

	/** Where identity-service's development notification sink writes (identity-service/README.md). */
	static java.nio.file.Path notificationsDir(LocalStackOptions options) {
		return options.dataDir().resolve("notifications");
	}

	/** {@code fine-payment-service} reads {@code FINE_PAYMENT_SERVICE_URL}. */
	static String urlVariable(Service service) {
		return service.module().toUpperCase().replace('-', '_') + "_URL";
	}

	/** The dev realm gives each service client the secret {@code <client-id>-dev-secret}. */
	static String devSecret(Service service) {
		return service.module() + "-dev-secret";
	}
}
