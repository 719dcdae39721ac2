package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceEnvironmentTests {

	private final LocalStackOptions options = LocalStackOptions.defaults(Path.of("/repo"));

	@Test
	void aServiceGetsItsPortItsDatabaseKafkaKeycloakAndItsClient() {
		Map<String, String> environment = ServiceEnvironment.of(Service.FINE_PAYMENT, options, "localhost:9092",
				"http://localhost:8180", database -> "mongodb://localhost:27017/" + database);

		assertThat(environment)
				.containsEntry("SERVER_PORT", "8085")
				.containsEntry("MANAGEMENT_SERVER_PORT", "9085")
				.containsEntry("MONGODB_URI", "mongodb://localhost:27017/payment")
				.containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
				.containsEntry("KEYCLOAK_URL", "http://localhost:8180")
				.containsEntry("SERVICE_CLIENT_ID", "fine-payment-service")
				.containsEntry("SERVICE_CLIENT_SECRET", "fine-payment-service-dev-secret")
				.containsEntry("IDENTITY_SERVICE_URL", "http://localhost:8081")
				.containsEntry("FINE_PAYMENT_SERVICE_URL", "http://localhost:8085");
	}

	@Test
	void finePaymentTalksToTheSandboxAndIsCalledBackThroughTheGateway() {
		Map<String, String> environment = ServiceEnvironment.of(Service.FINE_PAYMENT, options.withPortOffset(10_000),
				"localhost:19092", "http://localhost:18180", database -> "mongodb://localhost:37017/" + database);

		assertThat(environment)
				.containsEntry("PAYMENT_PLATFORM_URL", "http://localhost:18086")
				.containsEntry("PAYMENT_PLATFORM_MERCHANT_ID", "BCA-DVC")
				.containsEntry("PAYMENT_PLATFORM_SECRET", "payment-sandbox-dev-secret")
				.containsEntry("PAYMENT_CALLBACK_URL", "http://localhost:18080/api/payment/public/platform-callbacks")
				.containsEntry("PAYMENT_RETURN_URL", "http://localhost:18080/api/payment/public/checkout-return");
		assertThat(ServiceEnvironment.of(Service.IDENTITY, options, "localhost:9092", "http://localhost:8180",
				database -> "unused")).doesNotContainKeys("PAYMENT_PLATFORM_URL", "PAYMENT_PLATFORM_SECRET");
	}

	@Test
	void everyProcedureServiceKeepsTheNationalPortalSandboxInStepAndNoOtherDoes() {
		for (Service service : Service.values()) {
			Map<String, String> environment = ServiceEnvironment.of(service, options.withPortOffset(10_000),
					"localhost:19092", "http://localhost:18180", database -> "unused");
			if (service == Service.IDENTITY || service == Service.RESIDENCE || service == Service.PASSPORT
					|| service == Service.SEAL) {
				assertThat(environment).as(service.module())
					.containsEntry("NATIONAL_PORTAL_URL", "http://localhost:18087")
					.containsEntry("NATIONAL_PORTAL_USERNAME", NationalPortalSandboxProcess.USERNAME)
					.containsEntry("NATIONAL_PORTAL_PASSWORD", NationalPortalSandboxProcess.PASSWORD);
				assertThat(NationalPortalSandboxProcess.environment(options, Path.of("/j.jsonl")))
					.containsEntry("NATIONAL_PORTAL_SANDBOX_USERNAME", NationalPortalSandboxProcess.USERNAME)
					.containsEntry("NATIONAL_PORTAL_SANDBOX_PASSWORD", NationalPortalSandboxProcess.PASSWORD);
			}
			else {
				assertThat(environment).as(service.module()).doesNotContainKey("NATIONAL_PORTAL_URL");
			}
		}
	}

	@Test
	void theSandboxGetsTheSameMerchantAndSecretItsPortAndItsJournal() {
		Map<String, String> environment = PaymentSandboxProcess.environment(options,
				Path.of("/repo/.local/data/payment-sandbox/journal.jsonl"));
		Map<String, String> payment = ServiceEnvironment.paymentPlatform(options);

		assertThat(environment)
				.containsEntry("SANDBOX_PORT", "8086")
				.containsEntry("SANDBOX_MERCHANT_ID", payment.get("PAYMENT_PLATFORM_MERCHANT_ID"))
				.containsEntry("SANDBOX_SECRET", payment.get("PAYMENT_PLATFORM_SECRET"))
				.containsEntry("SANDBOX_DATA_FILE", "/repo/.local/data/payment-sandbox/journal.jsonl")
				.containsEntry("SANDBOX_PUBLIC_URL", payment.get("PAYMENT_PLATFORM_URL"));
	}

	@Test
	void identityLoadsTheSyntheticPopulationOfTheOptionsAndNoOtherServiceDoes() {
		assertThat(ServiceEnvironment.of(Service.IDENTITY, options, "localhost:9092", "http://localhost:8180",
				database -> "unused")).containsEntry("IDENTITY_SYNTHETIC_POPULATION", "50000");
		assertThat(ServiceEnvironment.of(Service.IDENTITY, options.withSyntheticPopulation(0), "localhost:9092",
				"http://localhost:8180", database -> "unused")).containsEntry("IDENTITY_SYNTHETIC_POPULATION", "0");
		assertThat(ServiceEnvironment.of(Service.PASSPORT, options, "localhost:9092", "http://localhost:8180",
				database -> "unused")).doesNotContainKey("IDENTITY_SYNTHETIC_POPULATION");
	}

	@Test
	void identityWritesItsDevNotificationsIntoTheDataDirectory() {
		assertThat(ServiceEnvironment.of(Service.IDENTITY, options, "localhost:9092", "http://localhost:8180",
				database -> "unused")).containsEntry("VNEID_NOTIFICATIONS_DEV_SINK_DIR", "/repo/.local/data/notifications");
		assertThat(ServiceEnvironment.of(Service.PASSPORT, options, "localhost:9092", "http://localhost:8180",
				database -> "unused")).doesNotContainKey("VNEID_NOTIFICATIONS_DEV_SINK_DIR");
	}

	@Test
	void theGatewayGetsEveryRouteAndNoDatabase() {
		Map<String, String> environment = ServiceEnvironment.of(Service.GATEWAY, options.withPortOffset(10_000),
				"localhost:19092", "http://localhost:18180", database -> "unused");

		assertThat(environment)
				.containsEntry("SERVER_PORT", "18080")
				.containsEntry("MANAGEMENT_SERVER_PORT", "19080")
				.containsEntry("KEYCLOAK_URL", "http://localhost:18180")
				.containsEntry("IDENTITY_SERVICE_URL", "http://localhost:18081")
				.containsEntry("RESIDENCE_SERVICE_URL", "http://localhost:18082")
				.containsEntry("PASSPORT_SERVICE_URL", "http://localhost:18083")
				.containsEntry("SEAL_SERVICE_URL", "http://localhost:18084")
				.containsEntry("FINE_PAYMENT_SERVICE_URL", "http://localhost:18085")
				.doesNotContainKeys("MONGODB_URI", "SERVICE_CLIENT_SECRET", "PAYMENT_PLATFORM_SECRET");
	}
	@Test
	void aServiceSignsItsDocumentsWithADevelopmentKeystoreInTheDataFolderAndItsQrCodesPointAtTheGateway() {
		Map<String, String> environment = ServiceEnvironment.of(Service.PASSPORT, options.withPortOffset(10_000),
				"localhost:19092", "http://localhost:18180", database -> "mongodb://localhost:37017/" + database);

		assertThat(environment)
				.containsEntry("DOCUMENTS_KEYSTORE_PATH",
						options.dataDir().resolve("documents").resolve("passport-service.p12").toString())
				.containsEntry("DOCUMENTS_DEVELOPMENT_CA", "true")
				.containsEntry("DOCUMENTS_PUBLIC_URL", "http://localhost:18080");
	}

	@Test
	void theKeystoresPasswordIsGeneratedOnceAndKeptForTheOwnerOnly(@org.junit.jupiter.api.io.TempDir Path data)
			throws Exception {
		String first = DevelopmentKeystores.password(data);
		assertThat(first).hasSize(36).isEqualTo(DevelopmentKeystores.password(data));
		assertThat(java.nio.file.Files.getPosixFilePermissions(data.resolve("documents/keystore-password")))
				.containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
						java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
	}

}
