package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SummaryTests {

	private final RealmFile realm = new RealmFile(
			List.of(new RealmFile.Account("nguyenvanan", List.of("citizen"), "001085012345", "2")), Optional.empty());

	@Test
	void theTryItCommandCutsTheTokenOutWithSedAlone() throws Exception {
		String command = Summary.tryItCommand("http://localhost:8180/realms/vneid/protocol/openid-connect/token",
				"http://localhost:8080", realm);
		String sed = command.substring(command.indexOf("sed -n"), command.indexOf(") && curl"));
		String keycloakAnswer = "{\"access_token\":\"eyJhbGc.eyJzdWI.c2ln\",\"expires_in\":300,"
				+ "\"refresh_token\":\"eyJyZWZ\",\"token_type\":\"Bearer\"}";

		Process shell = new ProcessBuilder("sh", "-c", sed).start();
		shell.getOutputStream().write(keycloakAnswer.getBytes(StandardCharsets.UTF_8));
		shell.getOutputStream().close();

		assertThat(new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim())
				.isEqualTo("eyJhbGc.eyJzdWI.c2ln");
		assertThat(command)
				.contains("-d grant_type=password -d client_id=dev-scripts -d username=nguyenvanan")
				.contains("--data-urlencode 'password=Vneid@2026'")
				.contains("-H \"Authorization: Bearer $TOKEN\" http://localhost:8080/api/identity/session")
				.doesNotContain("jq");
	}

	@Test
	void aConfidentialScriptsClientSendsItsSecret() {
		String command = Summary.tryItCommand("http://k/token", "http://g",
				new RealmFile(List.of(), Optional.of("s3cret")));

		assertThat(command).contains("-d client_id=dev-scripts -d client_secret=s3cret");
	}

	@Test
	void listsEveryProcessTheAccountsAndTheTotalMemory() throws IOException {
		LocalStackOptions options = LocalStackOptions.defaults(Path.of("/repo"));
		List<LocalStack.StackProcess> processes = List.of(
				new LocalStack.StackProcess("kafka", 1, "localhost:9092", Path.of("/repo/.local/logs/kafka.log")),
				new LocalStack.StackProcess("keycloak", 2, "http://localhost:8180",
						Path.of("/repo/.local/logs/keycloak.log")),
				new LocalStack.StackProcess("payment-sandbox", 3, "http://localhost:8086",
						Path.of("/repo/.local/logs/payment-sandbox.log")),
				new LocalStack.StackProcess("identity-service", 4, "http://localhost:8081",
						Path.of("/repo/.local/logs/identity-service.log")));

		String text = Summary.render(options, processes,
				Map.of("kafka", 300L * 1024 * 1024, "keycloak", 600L * 1024 * 1024, "payment-sandbox", 40L * 1024 * 1024,
						"identity-service", 0L),
				Duration.ofMillis(15_250), realm,
				"http://localhost:8180/t", "http://localhost:8080", "http://localhost:8180");

		assertThat(text)
				.contains("ready in 15.3 s, 4 processes, total RSS 940 MB")
				.contains("kafka", "localhost:9092", ".local/logs/kafka.log", "300 MB")
				.contains("nguyenvanan", "citizen", "personal_id 001085012345, level 2", "Vneid@2026")
				.contains("http://localhost:8180/admin")
				.contains("Payment sandbox (stands in for PayGov): http://localhost:8086, merchant BCA-DVC",
						"POST http://localhost:8086/sandbox/control")
				.contains("management ports", "identity-service 9081")
				.doesNotContain("gateway 9080")
				.contains("One-time codes of account registration (dev notification sink): .local/data/notifications");
	}
}
