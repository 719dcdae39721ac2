package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real infrastructure as the system tests will (Kafka, mongo-java-server in memory,
 * Keycloak with the repository's realm, the payment sandbox) on ports of its own, uses each part,
 * and checks that closing the stack leaves nothing running.
 */
class LocalStackSystemTests {

	@TempDir
	Path dir;

	@Test
	void startsTheInfrastructureUsesItAndLeavesNothingRunning() throws Exception {
		LocalStackOptions options = LocalStackOptions.defaults(RepoRoot.find())
				.withPortOffset(20_000)
				.withInfrastructureOnly()
				.withMongoBackend(MongoBackend.MEMORY)
				.withDataDir(dir.resolve("data"))
				.withLogDir(dir.resolve("logs"));
		List<ProcessHandle> started;
		try (LocalStack stack = new LocalStack(options).start()) {
			started = stack.processes().stream()
					.map(process -> ProcessHandle.of(process.pid()).orElseThrow())
					.toList();
			assertThat(stack.processes()).extracting(LocalStack.StackProcess::name)
					.containsExactly("kafka", "mongo", "keycloak", "payment-sandbox", "national-portal-sandbox");
			assertThat(stack.residentSetBytes()).isGreaterThan(200L * 1024 * 1024);

			assertThat(roundTrip(stack.kafkaBootstrapServers())).isEqualTo("hello");
			assertThat(MongoPing.ping("127.0.0.1", options.port(Port.MONGO), 2000)).isTrue();
			assertThat(Files.readString(stack.processes().get(2).log())).contains("Keycloak");
			if (Files.isRegularFile(options.realmFile())) {
				assertThat(passwordGrant(stack.tokenUrl())).contains("\"access_token\"");
				// Finding 10 of issue 10: a failed sign-in must not write the user name (the personal id
				// in VNeID) to Keycloak's log: the realm stores its events in the database instead.
				assertThat(passwordGrant(stack.tokenUrl(), "079192004567", "sai-mat-khau")).contains("invalid_grant");
				assertThat(passwordGrant(stack.tokenUrl(), "nguyenvanan", "sai-mat-khau")).contains("invalid_grant");
				Thread.sleep(1000); // the log is written asynchronously
				assertThat(Files.readString(stack.processes().get(2).log()))
					.doesNotContain("079192004567", "username=nguyenvanan", "username=\"nguyenvanan\"", "LOGIN_ERROR")
					.doesNotContainPattern("(?<![0-9])[0-9]{12}(?![0-9])");
			}
			HttpResponse<String> checkout = signedCheckout(stack.paymentSandboxUrl());
			assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(201);
			assertThat(checkout.body()).contains("\"checkoutUrl\":\"" + stack.paymentSandboxUrl() + "/checkout/");
			assertThat(dir.resolve("data/payment-sandbox/journal.jsonl")).content().contains("LOCAL-STACK-1");
		}
		for (ProcessHandle process : started) {
			assertThat(process.isAlive()).as("pid %d after close", process.pid()).isFalse();
		}
	}

	private static String roundTrip(String bootstrapServers) {
		String topic = "local-stack.test.v1";
		try {
			TestTopics.create(bootstrapServers, topic);
		}
		catch (Exception e) {
			throw new AssertionError("could not create the topic", e);
		}
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
			producer.send(new ProducerRecord<>(topic, "key", "hello")).get(30, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new AssertionError("could not produce", e);
		}
		Properties consumer = new Properties();
		consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "local-stack-test");
		consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(consumer)) {
			reader.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (System.nanoTime() < deadline) {
				ConsumerRecords<String, String> records = reader.poll(Duration.ofSeconds(1));
				if (!records.isEmpty()) {
					return records.iterator().next().value();
				}
			}
		}
		throw new AssertionError("nothing consumed from " + topic + " within 60 s");
	}

	/** As fine-payment-service will: signed with the merchant secret the stack gives both sides. */
	private static HttpResponse<String> signedCheckout(String sandboxUrl) throws Exception {
		String body = "{\"merchantOrderId\":\"LOCAL-STACK-1\",\"amount\":150000,\"description\":\"test\","
				+ "\"callbackUrl\":\"http://localhost:1/callbacks\"}";
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(PaymentSandboxProcess.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String signature = "sha256="
				+ HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandboxUrl + "/api/v1/checkouts"))
				.header("Content-Type", "application/json")
				.header("X-Merchant-Id", PaymentSandboxProcess.MERCHANT_ID)
				.header("X-Timestamp", timestamp)
				.header("X-Signature", signature)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String passwordGrant(String tokenUrl) throws Exception {
		return passwordGrant(tokenUrl, "nguyenvanan", "Vneid@2026");
	}

	private static String passwordGrant(String tokenUrl, String username, String password) throws Exception {
		String form = "grant_type=password&client_id=dev-scripts&username=" + username + "&password="
				+ java.net.URLEncoder.encode(password, StandardCharsets.UTF_8);
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tokenUrl))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		return response.body();
	}
}
