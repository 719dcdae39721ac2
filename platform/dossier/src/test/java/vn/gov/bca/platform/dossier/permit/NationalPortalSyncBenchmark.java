package vn.gov.bca.platform.dossier.permit;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.nationalportalsandbox.NationalPortalSandbox;
import vn.gov.bca.nationalportalsandbox.Settings;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.ServiceStubs;
import vn.gov.bca.platform.testkit.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The national portal sync under load: how many dossier status changes per second reach the portal
 * (the sandbox, over HTTP) and how long after the change. Not part of {@code ./mvnw verify}; run
 * <pre>{@code
 * ./mvnw -pl platform/dossier test -Dtest=NationalPortalSyncBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Drate=100 -Dseconds=60 -Ddossiers=200
 * }</pre>
 * Two phases, in one JVM with the test kit's Kafka broker (KRaft), MongoDB-protocol server (memory
 * backend), the sandbox and the service (a procedure service of the workflow's tests):
 * <ol>
 * <li>{@code dossiers} dossiers submitted through the service's HTTP API, one after another: the lag
 * of each one's first status, from its receipt to its arrival at the portal, includes the whole path
 * (the dossier's write, the outbox relay, Kafka, the sync's read of the dossier and its files, the
 * portal's call);</li>
 * <li>{@code rate} status changes per second for {@code seconds} (after a warm-up of 10 s), spread
 * round-robin over those dossiers (each asked for a supplement first, so that it has been in both
 * statuses the changes alternate), written to the service's topic as its outbox relay writes them
 * (CloudEvents headers, keyed by the dossier): the sync's own rate and lag, without the cost of each
 * transition's follow-up (receipts, documents), which belongs to the procedure, not to the sync.</li>
 * </ol>
 * The lag of a change is the time the portal recorded it arriving minus the change's time (one
 * clock). The report is printed and written to {@code target/national-portal-sync-benchmark.txt};
 * the run fails if the p99 lag of phase 2 is above 2 s.
 */
@IntegrationTest
class NationalPortalSyncBenchmark {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final ServiceStubs services = new ServiceStubs();

	private static final NationalPortalSandbox portal = NationalPortalSandbox.start(Settings.forTests());

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final String DOMAIN = "permit-bench";

	@Autowired
	private WebTestClient client;

	private final String officer = jwt.officer("001080001111", "CAP-HK-HN", "01");

	@DynamicPropertySource
	static void service(DynamicPropertyRegistry registry) {
		PermitWorkflowApplication.properties(registry, DOMAIN, services);
		PermitWorkflowApplication.nationalPortal(registry, portal);
	}

	@AfterAll
	static void stop() {
		services.close();
		portal.close();
	}

	@Test
	void statusChangesReachThePortalWithinTwoSecondsAtTheRate() throws Exception {
		int rate = Integer.getInteger("rate", 100);
		int seconds = Integer.getInteger("seconds", 60);
		int count = Integer.getInteger("dossiers", 200);
		StringBuilder report = new StringBuilder();

		// Phase 1: submissions, end to end.
		Map<String, Instant> received = new HashMap<>();
		for (int i = 0; i < count; i++) {
			String holder = "0011904%05d".formatted(i);
			String body = this.client.post()
				.uri("/api/" + DOMAIN + "/dossiers")
				.headers((headers) -> headers.setBearerAuth(jwt.citizen(holder, 2)))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("""
						{"handlingProvince": "01", "form": {"holderPersonalId": "%s", "holderFullName": "Người Thử Tải",
						 "holderBirthDate": "1990-01-01", "purpose": "Đo tải"}}""".formatted(holder))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			received.put(JsonPath.read(body, "$.code"), Instant.parse(JsonPath.read(body, "$.receivedAt")));
		}
		List<String> codes = new ArrayList<>(received.keySet());
		Map<String, List<Instant>> arrivals = awaitArrivals(codes, (code) -> 1, Duration.ofSeconds(120));
		// Each dossier then asked for a supplement: it has been 1 and 5, the statuses phase 2 alternates
		// (the sync sends a status only if the dossier's progress shows it).
		for (String code : codes) {
			this.client.post()
				.uri("/api/" + DOMAIN + "/dossiers/" + code + "/supplement-request")
				.headers((headers) -> headers.setBearerAuth(officer))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"missing\": [\"Bản sao giấy tờ\"]}")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult();
		}
		awaitArrivals(codes, (code) -> 2, Duration.ofSeconds(120));
		List<Long> submissionLags = new ArrayList<>();
		codes.forEach((code) -> submissionLags
			.add(Duration.between(received.get(code), arrivals.get(code).get(0)).toMillis()));
		report.append("phase 1: %d dossiers submitted one after another through the HTTP API%n".formatted(count));
		report.append("  lag of the first status (receipt -> portal): %s%n".formatted(percentiles(submissionLags)));

		// Phase 2: status changes at the rate.
		Map<String, List<Instant>> changes = new ConcurrentHashMap<>();
		codes.forEach((code) -> changes.put(code, new CopyOnWriteArrayList<>()));
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.get().kafkaBootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.LINGER_MS_CONFIG, 0);
		long warmUpChanges = 10L * rate;
		long total = warmUpChanges + (long) seconds * rate;
		AtomicLong sent = new AtomicLong();
		long cpuBefore = 0;
		Instant measuredFrom = null;
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
			long[] cpuAtMeasure = { 0 };
			Instant[] measureStart = { null };
			ticker.scheduleAtFixedRate(() -> {
				long n = sent.getAndIncrement();
				if (n >= total) {
					return;
				}
				if (n == warmUpChanges) {
					cpuAtMeasure[0] = processCpuNanos();
					measureStart[0] = Instant.now();
				}
				String code = codes.get((int) (n % codes.size()));
				List<Instant> times = changes.get(code);
				// Alternating 1 and 5 after 5: each change is one the portal records in the dossier's history.
				boolean submitted = times.size() % 2 == 0;
				Instant now = Instant.now();
				times.add(now);
				producer.send(record(code, submitted ? "DossierSupplemented" : "SupplementRequested",
						submitted ? "SUBMITTED" : "SUPPLEMENT_REQUESTED", now));
			}, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
			while (sent.get() < total) {
				Thread.sleep(100);
			}
			ticker.shutdown();
			ticker.awaitTermination(5, TimeUnit.SECONDS);
			producer.flush();
			cpuBefore = cpuAtMeasure[0];
			measuredFrom = measureStart[0];
		}
		Instant lastSent = Instant.now();
		Map<String, List<Instant>> arrived = awaitArrivals(codes, (code) -> 2 + changes.get(code).size(),
				Duration.ofSeconds(120));
		long cpuAfter = processCpuNanos();
		List<Long> lags = new ArrayList<>();
		Instant lastArrival = Instant.MIN;
		for (String code : codes) {
			List<Instant> times = changes.get(code);
			List<Instant> at = arrived.get(code);
			for (int i = 0; i < times.size(); i++) {
				if (!times.get(i).isBefore(measuredFrom)) {
					lags.add(Duration.between(times.get(i), at.get(i + 2)).toMillis());
					lastArrival = at.get(i + 2).isAfter(lastArrival) ? at.get(i + 2) : lastArrival;
				}
			}
		}
		double window = Duration.between(measuredFrom, lastArrival).toMillis() / 1000.0;
		report.append("phase 2: %d status changes offered at %d/s for %d s after a 10 s warm-up, over %d dossiers%n"
			.formatted(lags.size(), rate, seconds, count));
		report.append("  synced: %.1f changes/s (measured changes / first change to last arrival, %.1f s; offering ended %.1f s before the last arrival)%n"
			.formatted(lags.size() / window, window, Duration.between(lastSent, lastArrival).toMillis() / 1000.0));
		report.append("  lag (change -> portal): %s%n".formatted(percentiles(lags)));
		report.append("  CPU of the whole JVM (service, broker, store, sandbox, load generator): %.2f ms per change, %.2f cores%n"
			.formatted((cpuAfter - cpuBefore) / 1e6 / lags.size(), (cpuAfter - cpuBefore) / 1e9 / window));
		report.append("  %s, %d cores, Java %s%n".formatted(System.getProperty("os.name"),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
		System.out.println("\n=== National portal sync benchmark ===\n" + report);
		Files.writeString(Path.of("target", "national-portal-sync-benchmark.txt"), report, StandardCharsets.UTF_8);

		List<Long> sorted = lags.stream().sorted().toList();
		assertThat(sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1)).as("p99 lag in ms").isLessThanOrEqualTo(2000);
	}

	private static ProducerRecord<String, String> record(String code, String type, String status, Instant at) {
		String id = UUID.randomUUID().toString();
		String data = """
				{"eventId": "%s", "occurredAt": "%s", "aggregateId": "%s", "procedureCode": "SAMPLE-01", "status": "%s"}"""
			.formatted(id, at, code, status);
		ProducerRecord<String, String> record = new ProducerRecord<>(DOMAIN + ".events.v1", null, at.toEpochMilli(), code,
				data);
		record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_type", ("vn.gov.bca." + DOMAIN + "." + type).getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_source", "/permit-service".getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_time", at.toString().getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_subject", code.getBytes(StandardCharsets.UTF_8));
		return record;
	}

	/** Waits until each dossier's status history at the portal has its expected length; the arrival times. */
	private static Map<String, List<Instant>> awaitArrivals(List<String> codes,
			java.util.function.ToIntFunction<String> expected, Duration timeout) throws Exception {
		Instant deadline = Instant.now().plus(timeout);
		while (true) {
			String all = http.send(HttpRequest.newBuilder(URI.create(portal.url() + "/sandbox/dossiers")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			Map<String, List<Instant>> arrivals = new HashMap<>();
			List<Map<String, Object>> held = JsonPath.read(all, "$[*]");
			for (Map<String, Object> dossier : held) {
				@SuppressWarnings("unchecked")
				List<Map<String, Object>> history = (List<Map<String, Object>>) dossier.get("LichSuTrangThai");
				arrivals.put((String) dossier.get("MaHoSo"),
						history.stream().map((change) -> Instant.parse((String) change.get("ThoiDiemNhan"))).toList());
			}
			boolean complete = codes.stream()
				.allMatch((code) -> arrivals.containsKey(code) && arrivals.get(code).size() >= expected.applyAsInt(code));
			if (complete) {
				return arrivals;
			}
			assertThat(Instant.now()).as("every change arrived in time").isBefore(deadline);
			Thread.sleep(500);
		}
	}

	private static String percentiles(List<Long> millis) {
		List<Long> sorted = millis.stream().sorted().toList();
		return "p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (n=%d)".formatted(at(sorted, 0.50), at(sorted, 0.95),
				at(sorted, 0.99), sorted.get(sorted.size() - 1), sorted.size());
	}

	private static long at(List<Long> sorted, double quantile) {
		return sorted.get((int) Math.ceil(sorted.size() * quantile) - 1);
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

}
