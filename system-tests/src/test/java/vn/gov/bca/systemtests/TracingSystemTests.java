package vn.gov.bca.systemtests;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator follows in Zipkin: the representative of the demo college files a seal dossier
 * through the gateway, and the request's id (its {@code X-Request-Id}, the one a citizen's error
 * page shows) finds one trace holding the gateway's span, seal-service's server span, its MongoDB
 * commands, and the Kafka consumer that received the event the dossier's submission caused, joined
 * to the request through the outbox. Runs right after the first request (the college has no seal
 * yet) and withdraws its dossier again; the withdrawal's trace holds the follow-up consumer's own
 * MongoDB commands (it gives the open-dossier claim back), so that the seal journey files its own.
 */
@Order(2)
class TracingSystemTests {

	@Test
	void oneRequestThroughTheGatewayIsOneTraceFromTheGatewayToTheConsumerOfItsEvent() throws Exception {
		String requestId = "trace-check-" + UUID.randomUUID();
		HttpResponse<String> submitted = SystemStack.post(SystemStack.gateway() + "/api/seal/dossiers", """
				{"procedure": "NEW_SEAL",
				 "form": {"organisationId": "TC-DEMO0001", "inscription": "TRƯỜNG CAO ĐẲNG CÔNG NGHỆ THỦ ĐÔ"}}""",
				"Authorization", "Bearer " + SystemStack.userToken("daidien.truonghoc"), "X-Request-Id", requestId);
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
		assertThat(submitted.headers().firstValue("X-Request-Id")).hasValue(requestId);
		String code = JsonPath.read(submitted.body(), "$.code");

		List<Map<String, Object>> trace = awaitTrace(requestId);
		Map<String, Map<String, Object>> byId = new HashMap<>();
		trace.forEach((span) -> byId.put((String) span.get("id"), span));
		String described = describe(trace);

		Map<String, Object> gateway = only(trace, "gateway", "SERVER", described);
		assertThat(gateway.get("parentId")).as("the gateway's span is the root: " + described).isNull();
		Map<String, Object> service = only(trace, "seal-service", "SERVER", described);
		assertThat(ancestors(service, byId)).as("seal-service's span is under the gateway's: " + described)
			.contains(gateway.get("id"));
		assertThat(trace).as("seal-service's MongoDB commands: " + described)
			.anySatisfy((span) -> {
				assertThat(service(span)).isEqualTo("seal-service");
				assertThat(tags(span)).containsEntry("db.system", "mongodb");
				assertThat(ancestors(span, byId)).contains(service.get("id"));
			});
		// The dossier's DossierSubmitted: written with the dossier, published by the outbox relay,
		// received by the dossier follow-up consumer (nothing follows from a seal's submission).
		Map<String, Object> consumer = followUp(trace, described);
		assertThat(ancestors(consumer, byId)).as("the consumer's span joins the request: " + described)
			.contains(service.get("id"), gateway.get("id"));

		String withdrawal = "trace-check-" + UUID.randomUUID();
		HttpResponse<String> withdrawn = SystemStack.post(SystemStack.gateway() + "/api/seal/dossiers/" + code + "/withdraw",
				"{\"reason\": \"Kiểm thử theo dõi\"}", "Authorization",
				"Bearer " + SystemStack.userToken("daidien.truonghoc"), "X-Request-Id", withdrawal);
		assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
		// Its follow-up claims the event, reads the dossier and gives the college's open-dossier claim
		// back: the consumer's own MongoDB commands are in the withdrawal's trace, under its span.
		List<Map<String, Object>> withdrawalTrace = awaitTrace(withdrawal);
		Map<String, Map<String, Object>> withdrawalById = new HashMap<>();
		withdrawalTrace.forEach((span) -> withdrawalById.put((String) span.get("id"), span));
		String withdrawalDescribed = describe(withdrawalTrace);
		Map<String, Object> withdrawalConsumer = followUp(withdrawalTrace, withdrawalDescribed);
		assertThat(withdrawalTrace)
			.as("the consumer's own MongoDB commands for dossier " + code + ": " + withdrawalDescribed)
			.anySatisfy((span) -> {
				assertThat(tags(span)).containsEntry("db.system", "mongodb");
				assertThat(ancestors(span, withdrawalById)).contains(withdrawalConsumer.get("id"));
			});
	}

	/** The span of seal-service's dossier follow-up consumer in a trace, on the service's topic. */
	private static Map<String, Object> followUp(List<Map<String, Object>> trace, String described) {
		Map<String, Object> consumer = trace.stream()
			.filter(TracingSystemTests::isFollowUp)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no span of seal-service.dossier-follow-up in " + described));
		assertThat(tags(consumer)).as("the consumer's topic: " + described).containsValue("seal.events.v1");
		return consumer;
	}

	/** The spans of the one trace whose server spans carry the request id, once the follow-up consumer's has arrived. */
	private static List<Map<String, Object>> awaitTrace(String requestId) throws InterruptedException {
		String url = SystemStack.get().zipkinUrl() + "/api/v2/traces?limit=10&lookback=600000&annotationQuery="
				+ URLEncoder.encode("request.id=" + requestId, StandardCharsets.UTF_8);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		String last = "";
		while (Instant.now().isBefore(deadline)) {
			HttpResponse<String> answer = SystemStack.get(url);
			last = answer.body();
			if (answer.statusCode() == 200) {
				List<List<Map<String, Object>>> traces = JsonPath.read(last, "$");
				if (traces.size() > 1) {
					throw new AssertionError("the request is in " + traces.size() + " traces: " + last);
				}
				if (traces.size() == 1 && traces.get(0).stream().anyMatch(TracingSystemTests::isFollowUp)) {
					// The consumer's MongoDB read is reported a moment after its span starts.
					Thread.sleep(2_000);
					List<List<Map<String, Object>>> settled = JsonPath.read(SystemStack.get(url).body(), "$");
					assertThat(settled).hasSize(1);
					return settled.get(0);
				}
			}
			Thread.sleep(500);
		}
		throw new AssertionError("no trace with the consumer's span for request " + requestId + ": " + last);
	}

	private static boolean isFollowUp(Map<String, Object> span) {
		return "seal-service".equals(service(span)) && "CONSUMER".equals(span.get("kind"))
				&& tags(span).containsValue("seal-service.dossier-follow-up");
	}

	private static Map<String, Object> only(List<Map<String, Object>> trace, String service, String kind,
			String described) {
		List<Map<String, Object>> found = trace.stream()
			.filter((span) -> service.equals(service(span)) && kind.equals(span.get("kind")))
			.toList();
		assertThat(found).as("the " + kind + " spans of " + service + ": " + described).hasSize(1);
		return found.get(0);
	}

	private static List<Object> ancestors(Map<String, Object> span, Map<String, Map<String, Object>> byId) {
		List<Object> ancestors = new ArrayList<>();
		Object parent = span.get("parentId");
		while (parent != null && byId.containsKey(parent) && !ancestors.contains(parent)) {
			ancestors.add(parent);
			parent = byId.get(parent).get("parentId");
		}
		return ancestors;
	}

	@SuppressWarnings("unchecked")
	private static String service(Map<String, Object> span) {
		Map<String, Object> endpoint = (Map<String, Object>) span.get("localEndpoint");
		return (endpoint != null) ? (String) endpoint.get("serviceName") : null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> tags(Map<String, Object> span) {
		Object tags = span.get("tags");
		return (tags != null) ? (Map<String, Object>) tags : Map.of();
	}

	private static String describe(List<Map<String, Object>> trace) {
		StringBuilder text = new StringBuilder();
		for (Map<String, Object> span : trace) {
			text.append(System.lineSeparator())
				.append(service(span))
				.append(' ')
				.append(span.get("kind"))
				.append(" '")
				.append(span.get("name"))
				.append("' id ")
				.append(span.get("id"))
				.append(" parent ")
				.append(span.get("parentId"))
				.append(' ')
				.append(tags(span));
		}
		return text.toString();
	}

}
