package vn.gov.bca.platform.data.sample;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ConsumerAndIdempotencyTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private KafkaTemplate<String, String> kafka;

	@Autowired
	private ParcelApplication.ParcelCounter counter;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Autowired
	private vn.gov.bca.platform.data.consumer.ProcessedEvents processedEvents;

	@Test
	void processesARedeliveredEventOnce() throws Exception {
		String eventId = UUID.randomUUID().toString();
		int before = this.counter.handled.get();
		for (int delivery = 0; delivery < 3; delivery++) {
			ProducerRecord<String, String> record = new ProducerRecord<>("parcel.events.v1", "parcel-x",
					"{\"location\":\"HN-01\"}");
			record.headers().add(new RecordHeader("ce_id", eventId.getBytes(StandardCharsets.UTF_8)));
			record.headers()
				.add(new RecordHeader("ce_type", "vn.gov.bca.parcel.ParcelRegistered".getBytes(StandardCharsets.UTF_8)));
			this.kafka.send(record).get();
		}
		long deadline = System.currentTimeMillis() + 20_000;
		while (this.counter.handled.get() == before && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		Thread.sleep(2000);
		assertThat(this.counter.handled.get() - before).isEqualTo(1);
	}

	@Test
	void concurrentDeliveriesOfOneEventRunTheHandlerOnce() {
		String eventId = UUID.randomUUID().toString();
		java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
		reactor.core.publisher.Mono<Object> handler = reactor.core.publisher.Mono.fromRunnable(runs::incrementAndGet)
			.delayElement(Duration.ofMillis(50))
			.then(reactor.core.publisher.Mono.empty());

		java.util.List<Boolean> results = reactor.core.publisher.Flux.range(0, 10)
			.flatMap((i) -> this.processedEvents.once("test-consumer", eventId, handler), 10)
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(runs.get()).isEqualTo(1);
		assertThat(results).containsOnlyOnce(true);
	}

	@Test
	void aFailedHandlerRunsAgainOnRedelivery() {
		String eventId = UUID.randomUUID().toString();
		java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
		reactor.core.publisher.Mono<Object> failing = reactor.core.publisher.Mono.fromRunnable(runs::incrementAndGet)
			.then(reactor.core.publisher.Mono.error(new IllegalStateException("registry down")));
		reactor.core.publisher.Mono<Object> working = reactor.core.publisher.Mono.fromRunnable(runs::incrementAndGet);

		reactor.test.StepVerifier.create(this.processedEvents.once("test-consumer", eventId, failing))
			.expectError(IllegalStateException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.processedEvents.once("test-consumer", eventId, working).block()).isTrue();
		assertThat(this.processedEvents.once("test-consumer", eventId, working).block()).isFalse();
		assertThat(runs.get()).isEqualTo(2);
	}

	@Test
	void theEventsOfARequestCarryItsRequestIdAndTraceToKafka() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		EntityExchangeResult<String> created = this.client.post()
			.uri("/api/parcels")
			.headers((headers) -> {
				headers.setBearerAuth(TestInfrastructure.get().jwt().citizen("001085012345", 2));
				headers.set("X-Request-Id", "portal-req-7777777");
				headers.set("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"location\":\"HN-01\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult();
		String id = created.getResponseHeaders().getLocation().getPath().replace("/api/parcels/", "");

		var records = TopicReader.await(TestInfrastructure.get().kafkaBootstrapServers(), "parcel.events.v1",
				(record) -> id.equals(record.key()), 1, Duration.ofSeconds(20));

		assertThat(records).hasSize(1);
		assertThat(TopicReader.header(records.get(0), "X-Request-Id")).isEqualTo("portal-req-7777777");
		assertThat(TopicReader.header(records.get(0), "traceparent")).startsWith("00-" + traceId + "-");
	}

	@Test
	void answersARepeatedRequestWithTheSameKeyFromTheFirstAnswer() {
		String token = TestInfrastructure.get().jwt().citizen("001085012345", 2);
		String key = UUID.randomUUID().toString();
		long before = parcelCount();

		EntityExchangeResult<String> first = post(token, key, "{\"location\":\"HN-01\"}").expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult();
		EntityExchangeResult<String> again = post(token, key, "{\"location\":\"HN-01\"}").expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody(String.class)
			.returnResult();

		assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
		assertThat(again.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
		assertThat(parcelCount()).isEqualTo(before + 1);
	}

	@Test
	void refusesTheSameKeyWithAnotherBodyWith422() {
		String token = TestInfrastructure.get().jwt().citizen("079192004567", 2);
		String key = UUID.randomUUID().toString();
		post(token, key, "{\"location\":\"HN-01\"}").expectStatus().isCreated();

		post(token, key, "{\"location\":\"HP-31\"}").expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://dichvucong.bca.gov.vn/problems/idempotency-key-reused");
	}

	@Test
	void scopesKeysToTheCaller() {
		String key = UUID.randomUUID().toString();
		post(TestInfrastructure.get().jwt().citizen("001080001111", 2), key, "{\"location\":\"HN-01\"}")
			.expectStatus()
			.isCreated()
			.expectHeader()
			.doesNotExist("Idempotent-Replayed");
		post(TestInfrastructure.get().jwt().citizen("001075003333", 2), key, "{\"location\":\"HN-01\"}")
			.expectStatus()
			.isCreated()
			.expectHeader()
			.doesNotExist("Idempotent-Replayed");
	}

	@Test
	void doesNotRememberARejectedRequest() {
		String token = TestInfrastructure.get().jwt().citizen("048201000321", 1);
		String key = UUID.randomUUID().toString();
		post(token, key, "{\"location\":\"nowhere\"}").expectStatus().isBadRequest();
		assertThat(this.mongo.count(new Query(), "idempotency_keys").block()).isNotNull();
		Document stored = this.mongo.findById("%s:%s".formatted(subjectOf(token), key), Document.class,
				"idempotency_keys").block(Duration.ofSeconds(5));
		assertThat(stored).isNull();
	}

	/**
	 * Review finding 9: a PDF attachment sent with an Idempotency-Key answered 500 "Could not find
	 * first boundary". The handler gets the upload unchanged, and a retry gets the first answer.
	 */
	@Test
	void aMultipartUploadWithAnIdempotencyKeyReachesTheHandlerWhole() {
		String token = TestInfrastructure.get().jwt().citizen("001085012345", 2);
		String key = UUID.randomUUID().toString();
		byte[] pdf = ("%PDF-1.7\n" + "0".repeat(200_000) + "\n%%EOF").getBytes(StandardCharsets.US_ASCII);
		EntityExchangeResult<byte[]> first = upload(token, key, pdf).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.filename")
			.isEqualTo("giay-khai-sinh.pdf")
			.jsonPath("$.kind")
			.isEqualTo("birth-certificate")
			.jsonPath("$.size")
			.isEqualTo(pdf.length)
			.returnResult();
		EntityExchangeResult<byte[]> again = upload(token, key, pdf).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody()
			.returnResult();
		assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
		// Another file with the same key is another request, whatever the boundary.
		byte[] other = ("%PDF-1.7\n" + "1".repeat(200_000) + "\n%%EOF").getBytes(StandardCharsets.US_ASCII);
		upload(token, key, other).expectStatus().isEqualTo(422);
	}

	/** Review finding 9: the body read for the fingerprint is bounded, chunked bodies included. */
	@Test
	void aBodyOverTheLimitIsRefusedWith413() {
		String token = TestInfrastructure.get().jwt().citizen("001085012345", 2);
		long before = parcelCount();
		byte[] chunk = new byte[64 * 1024];
		java.util.Arrays.fill(chunk, (byte) ' ');
		// 64 MB offered, chunked (no Content-Length); the JSON limit is 512 KB. (What the server
		// drains after answering is discarded, so the client's count says nothing of buffering.)
		Flux<DataBuffer> body = Flux.range(0, 1024).map((n) -> DefaultDataBufferFactory.sharedInstance.wrap(chunk));
		this.client.post()
			.uri("/api/parcels")
			.headers((headers) -> {
				headers.setBearerAuth(token);
				headers.set("Idempotency-Key", UUID.randomUUID().toString());
			})
			.contentType(MediaType.APPLICATION_JSON)
			.body(BodyInserters.fromDataBuffers(body))
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(parcelCount()).isEqualTo(before);
		// With a Content-Length over the limit: refused before reading.
		this.client.post()
			.uri("/api/parcels")
			.headers((headers) -> {
				headers.setBearerAuth(token);
				headers.set("Idempotency-Key", UUID.randomUUID().toString());
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"location\":\"" + "H".repeat(600 * 1024) + "\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(413);
	}

	private WebTestClient.ResponseSpec upload(String token, String key, byte[] pdf) {
		MultipartBodyBuilder multipart = new MultipartBodyBuilder();
		multipart.part("file", new ByteArrayResource(pdf) {
			@Override
			public String getFilename() {
				return "giay-khai-sinh.pdf";
			}
		}).contentType(MediaType.APPLICATION_PDF);
		multipart.part("kind", "birth-certificate");
		return this.client.post()
			.uri("/api/parcels/labels")
			.headers((headers) -> {
				headers.setBearerAuth(token);
				headers.set("Idempotency-Key", key);
			})
			.body(BodyInserters.fromMultipartData(multipart.build()))
			.exchange();
	}

	private WebTestClient.ResponseSpec post(String token, String key, String body) {
		return this.client.post()
			.uri("/api/parcels")
			.headers((headers) -> {
				headers.setBearerAuth(token);
				headers.set("Idempotency-Key", key);
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private long parcelCount() {
		return this.mongo.count(new Query(), "parcels").block();
	}

	private static String subjectOf(String token) {
		String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
				StandardCharsets.UTF_8);
		int start = payload.indexOf("\"sub\":\"") + 7;
		return payload.substring(start, payload.indexOf('"', start));
	}

}
