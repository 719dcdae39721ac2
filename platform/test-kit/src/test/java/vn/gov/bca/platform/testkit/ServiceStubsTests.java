package vn.gov.bca.platform.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceStubsTests {

	private static final ServiceStubs stubs = new ServiceStubs();

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterAll
	static void stop() {
		stubs.close();
	}

	@Test
	void theRegistryConfirmsAnyoneButTheUnknownWithABirthDateOfAShapeItCompares() throws Exception {
		stubs.unknownToRegistry.add("001099000001");
		assertThat(post("/api/identity/registry/verifications", verification("001099000002", "1990-03-12")).body())
			.isEqualTo("{\"match\": true}");
		assertThat(post("/api/identity/registry/verifications", verification("001099000002", "1990")).body())
			.contains("true");
		assertThat(post("/api/identity/registry/verifications", verification("001099000001", "1990-03-12")).body())
			.contains("false");
		assertThat(post("/api/identity/registry/verifications", verification("001099000002", "12/03/1990")).body())
			.contains("false");
		assertThat(stubs.verifications).contains(verification("001099000001", "1990-03-12"));
	}

	@Test
	void aParentIsConfirmedOnlyForTheirChild() throws Exception {
		stubs.parentChild.add("001220000001>001085000001");
		String relation = "{\"personalId\": \"%s\", \"relativePersonalId\": \"%s\", \"relation\": \"PARENT\"}";
		assertThat(post("/api/identity/registry/relations", relation.formatted("001220000001", "001085000001")).body())
			.contains("true");
		assertThat(post("/api/identity/registry/relations", relation.formatted("001220000001", "001085000002")).body())
			.contains("false");
	}

	@Test
	void theRegistryGivesTheMinimalDataOfTheRegisteredOnly() throws Exception {
		stubs.register("001085000009", "Nguyễn Văn An", "1985-04", "MALE");
		HttpResponse<String> known = get("/api/identity/registry/citizens/001085000009");
		assertThat(known.statusCode()).isEqualTo(200);
		assertThat(known.body()).contains("\"fullName\":\"Nguyễn Văn An\"", "\"birthDate\":\"1985-04\"",
				"\"lifeStatus\":\"ALIVE\"");
		assertThat(get("/api/identity/registry/citizens/001085000010").statusCode()).isEqualTo(404);
	}

	@Test
	void feeOrdersGetConsecutiveIdsAndAreRecorded() throws Exception {
		String body = "{\"referenceId\": \"PA08-HN-260105-0001\", \"amount\": 100000, \"payerPersonalId\": \"001085012345\"}";
		HttpResponse<String> first = post("/api/payment/fee-orders", body);
		HttpResponse<String> second = post("/api/payment/fee-orders", body);
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(first.body()).contains("\"referenceId\":\"PA08-HN-260105-0001\"", "\"amount\":100000",
				"\"status\":\"CREATED\"");
		int one = Integer.parseInt(first.body().replaceAll(".*\"id\":\"PO-TEST-([0-9]+)\".*", "$1"));
		assertThat(second.body()).contains("\"id\":\"PO-TEST-" + (one + 1) + "\"");
		assertThat(stubs.feeOrders).contains(body);
	}

	private static String verification(String personalId, String birthDate) {
		return "{\"personalId\": \"%s\", \"fullName\": \"Lê Văn Hùng\", \"birthDate\": \"%s\"}".formatted(personalId,
				birthDate);
	}

	private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(stubs.url() + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(stubs.url() + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
