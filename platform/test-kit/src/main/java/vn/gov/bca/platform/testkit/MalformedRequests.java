package vn.gov.bca.platform.testkit;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DynamicTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends every operation of a service's OpenAPI description a set of malformed requests — wrong
 * types, nulls, missing fields, huge strings, malformed JSON, a wrong content type, MongoDB operators
 * such as {@code {"$gt": ""}} and keys starting with {@code $}, out-of-range dates and numbers in the
 * query and the path — as an anonymous caller, a citizen and a caller holding every role, and
 * expects what an integrator relies on: never a 5xx (but the 503 service-unavailable problem of a
 * dependency that the test does not start), and every error a problem+json body that names no
 * internal class.
 *
 * <p>One dynamic test per operation, each listing every request that broke the rule, so a run shows
 * all findings at once.
 */
public final class MalformedRequests {

	/** What an error body must never show: a Java package, an exception class, a stack frame. */
	private static final Pattern INTERNAL_NAME = Pattern.compile(
			"(java|javax|jakarta|tools\\.jackson|com\\.fasterxml|org\\.springframework|org\\.bson|com\\.mongodb|reactor|io\\.netty|vn\\.gov\\.bca)\\.[a-z]"
					+ "|[A-Za-z]+Exception\\b|\\bat [a-z]+\\.[a-z]");

	private static final List<String> BAD_SCALARS = List.of("", "abc", "-1", "null", "{\"$gt\":\"\"}", "$where",
			"-999999999-01-01", "+999999999-12-31", "9223372036854775808", "2026-02-30", "1e400", "%00",
			"x".repeat(3000));

	private static final List<String> BAD_BODIES = List.of("{", "[]", "null", "\"text\"", "42", "{}",
			"{\"$gt\":\"\"}", "{\"$where\":\"sleep(100)\"}", "{\"a\":", "\u0000");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final WebTestClient client;

	private final String baseUrl;

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<Caller> callers;

	private MalformedRequests(WebTestClient client, String baseUrl, List<Caller> callers) {
		this.client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
		this.baseUrl = baseUrl;
		this.callers = callers;
	}

	/** The callers tried: anonymous, a level-2 citizen, and one token holding every role of the realm. */
	static List<Caller> defaultCallers(JwtIssuer jwt) {
		String everyRole = jwt.token()
			.subject(JwtIssuer.accountOf("001080001111"))
			.personalId("001080001111")
			.identityLevel(2)
			.roles("citizen", "officer", "supervisor", "admin", "service", "national-portal", "violation-source",
					"accommodation-provider", "organisation-representative")
			.claim("agency", "PA08-HN")
			.claim("province", "01")
			.sign();
		return List.of(new Caller("anonymous", null), new Caller("citizen", jwt.citizen("001085012345", 2)),
				new Caller("every role", everyRole));
	}

	/**
	 * The dynamic tests for a service started on {@code baseUrl} (e.g. {@code http://localhost:1234})
	 * whose OpenAPI description is at {@code apiPrefix + "/v3/api-docs"}.
	 */
	public static List<DynamicTest> forService(WebTestClient client, String baseUrl, String apiPrefix, JwtIssuer jwt) {
		MalformedRequests requests = new MalformedRequests(client, baseUrl, defaultCallers(jwt));
		JsonNode api = requests.openApi(apiPrefix);
		List<DynamicTest> tests = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
				if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
					continue;
				}
				Operation op = new Operation(method, path.getKey(), operation.getValue(), api);
				tests.add(DynamicTest.dynamicTest(method + " " + path.getKey(), () -> requests.check(op)));
			}
		}
		// A service with no procedures yet (an empty shell) describes no operation: nothing to send.
		assertThat(api.path("openapi").isMissingNode()).as("%s/v3/api-docs is an OpenAPI description", apiPrefix)
			.isFalse();
		return tests;
	}

	private JsonNode openApi(String apiPrefix) {
		byte[] body = this.client.get()
			.uri(URI.create(this.baseUrl + apiPrefix + "/v3/api-docs"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		return this.json.readTree(body);
	}

	private void check(Operation op) {
		List<String> findings = new ArrayList<>();
		for (Request request : op.requests()) {
			for (Caller caller : this.callers) {
				String finding = send(op, request, caller);
				if (finding != null) {
					findings.add(caller.name() + ": " + request.describe() + " → " + finding);
				}
			}
		}
		assertThat(findings).as("%s %s", op.method(), op.path()).isEmpty();
	}

	private String send(Operation op, Request request, Caller caller) {
		WebTestClient.RequestBodySpec spec = this.client.method(HttpMethod.valueOf(op.method()))
			.uri(URI.create(this.baseUrl + request.pathAndQuery()))
			.header("Accept", "application/json, application/problem+json;q=0.9, */*;q=0.1")
			.header("X-Purpose", "conformance-test");
		if (caller.token() != null) {
			spec.header("Authorization", "Bearer " + caller.token());
		}
		if (!op.method().equals("GET") && !op.method().equals("DELETE")) {
			spec.header("Idempotency-Key", UUID.randomUUID().toString());
		}
		EntityExchangeResult<byte[]> result;
		if (request.body() != null) {
			result = spec.header("Content-Type", request.contentType())
				.bodyValue(request.body().getBytes(StandardCharsets.UTF_8))
				.exchange()
				.expectBody()
				.returnResult();
		}
		else {
			result = spec.exchange().expectBody().returnResult();
		}
		int status = result.getStatus().value();
		String body = (result.getResponseBody() != null) ? new String(result.getResponseBody(), StandardCharsets.UTF_8)
				: "";
		// A dependency that is down in the test (the payment platform, another service) is an honest
		// 503 service-unavailable problem; any other 5xx is a fault of the service.
		if (status >= 500 && !(status == 503 && body.contains("/problems/service-unavailable"))) {
			return status + " " + abbreviate(body);
		}
		if (status >= 400 && !body.isEmpty()) {
			MediaType type = result.getResponseHeaders().getContentType();
			if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type)) {
				return status + " with " + type + " instead of problem+json: " + abbreviate(body);
			}
			if (INTERNAL_NAME.matcher(body).find()) {
				return status + " naming an internal class: " + abbreviate(body);
			}
		}
		return null;
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

	record Caller(String name, String token) {
	}

	record Request(String label, String pathAndQuery, String contentType, String body) {

		String describe() {
			String where = (pathAndQuery.length() > 160) ? pathAndQuery.substring(0, 160) + "…" : pathAndQuery;
			return label + " " + where;
		}

	}

	/** One operation of the description and the malformed requests made for it. */
	record Operation(String method, String path, JsonNode spec, JsonNode api) {

		List<Request> requests() {
			List<Request> requests = new ArrayList<>();
			Map<String, String> goodPath = new LinkedHashMap<>();
			List<String> pathNames = new ArrayList<>();
			List<JsonNode> queryParams = new ArrayList<>();
			for (JsonNode parameter : this.spec.path("parameters")) {
				JsonNode resolved = resolve(parameter);
				String name = resolved.path("name").asString();
				switch (resolved.path("in").asString()) {
					case "path" -> {
						pathNames.add(name);
						goodPath.put(name, plausible(name));
					}
					case "query" -> queryParams.add(resolved);
					default -> {
					}
				}
			}
			String basePath = expand(goodPath);
			String goodQuery = goodQuery(queryParams);
			// Each path variable in turn malformed.
			for (String name : pathNames) {
				for (String bad : BAD_SCALARS) {
					if (bad.isEmpty()) {
						continue;
					}
					Map<String, String> values = new LinkedHashMap<>(goodPath);
					values.put(name, bad);
					requests.add(new Request("path " + name + "=" + shortly(bad), expand(values) + goodQuery, null, null));
				}
			}
			// Each query parameter in turn malformed, the others left out.
			for (JsonNode parameter : queryParams) {
				String name = parameter.path("name").asString();
				for (String bad : BAD_SCALARS) {
					requests.add(new Request("query " + name + "=" + shortly(bad),
							basePath + "?" + encode(name) + "=" + encode(bad), null, null));
				}
				requests.add(new Request("query " + name + " twice", basePath + "?" + encode(name) + "=1&"
						+ encode(name) + "=" + encode("{\"$ne\":null}"), null, null));
			}
			JsonNode content = resolve(this.spec.path("requestBody")).path("content");
			String url = basePath + goodQuery;
			if (content.has("application/json")) {
				for (String body : BAD_BODIES) {
					requests.add(new Request("json " + shortly(body), url, "application/json", body));
				}
				JsonNode schema = content.path("application/json").path("schema");
				for (Map.Entry<String, Function<JsonNode, JsonNode>> variant : variants().entrySet()) {
					JsonNode value = instance(schema, variant.getValue(), 0);
					requests.add(new Request("json " + variant.getKey(), url, "application/json", value.toString()));
				}
				requests.add(new Request("text/plain body", url, "text/plain", "{}"));
				requests.add(new Request("xml body", url, "application/xml", "<a/>"));
				requests.add(new Request("json declared, form sent", url, "application/x-www-form-urlencoded", "a=1"));
			}
			if (content.has("multipart/form-data")) {
				requests.add(new Request("multipart without boundary", url, "multipart/form-data", "garbage"));
				requests.add(new Request("multipart garbage", url, "multipart/form-data; boundary=XyZ", "garbage"));
				requests.add(new Request("multipart empty", url, "multipart/form-data; boundary=XyZ", "--XyZ--\r\n"));
				requests.add(new Request("multipart part without name", url, "multipart/form-data; boundary=XyZ",
						"--XyZ\r\nContent-Type: text/plain\r\n\r\nhello\r\n--XyZ--\r\n"));
				requests.add(new Request("multipart declared, json sent", url, "application/json", "{}"));
			}
			if (requests.isEmpty() || (!this.method.equals("GET") && !this.method.equals("DELETE") && content.isMissingNode())) {
				requests.add(new Request("plain", url, null, null));
				requests.add(new Request("unexpected json body", url, "application/json", "{\"$gt\":\"\"}"));
			}
			return requests;
		}

		private static Map<String, Function<JsonNode, JsonNode>> variants() {
			Map<String, Function<JsonNode, JsonNode>> variants = new LinkedHashMap<>();
			variants.put("every field null", (schema) -> NODES.nullNode());
			variants.put("every field of the wrong type", Operation::wrongType);
			variants.put("every string huge", (schema) -> "string".equals(type(schema))
					? NODES.stringNode("ắ".repeat(20_000)) : null);
			variants.put("every field a MongoDB operator", (schema) -> {
				ObjectNode operator = NODES.objectNode();
				operator.put("$gt", "");
				return operator;
			});
			variants.put("every string with $-keys and dots", (schema) -> "string".equals(type(schema))
					? NODES.stringNode("$where.a.b") : null);
			variants.put("every number out of range", (schema) -> switch (type(schema)) {
				case "integer", "number" -> NODES.numberNode(new java.math.BigDecimal("1e400"));
				case "string" -> NODES.stringNode("+999999999-12-31");
				default -> null;
			});
			return variants;
		}

		private static JsonNode wrongType(JsonNode schema) {
			return switch (type(schema)) {
				case "string" -> NODES.objectNode().put("a", 1);
				case "integer", "number" -> NODES.stringNode("not a number");
				case "boolean" -> NODES.stringNode("yes");
				case "array" -> NODES.objectNode();
				default -> null;
			};
		}

		/**
		 * A body shaped like the schema, where each leaf (and, for the null variant, each field) is
		 * what the variant makes of it; objects get every property, including keys starting with $.
		 */
		private JsonNode instance(JsonNode schema, Function<JsonNode, JsonNode> leaf, int depth) {
			JsonNode resolved = resolve(schema);
			String type = type(resolved);
			if (depth > 0) {
				JsonNode replaced = leaf.apply(resolved);
				if (replaced != null && (replaced.isNull() || !"object".equals(type))) {
					return replaced;
				}
			}
			if ("object".equals(type) && depth < 4) {
				ObjectNode object = NODES.objectNode();
				for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
					object.set(property.getKey(), instance(property.getValue(), leaf, depth + 1));
				}
				object.put("$set", "x");
				return object;
			}
			if ("array".equals(type) && depth < 4) {
				ArrayNode array = NODES.arrayNode();
				array.add(instance(resolved.path("items"), leaf, depth + 1));
				return array;
			}
			JsonNode replaced = leaf.apply(resolved);
			return (replaced != null) ? replaced : plausibleLeaf(resolved);
		}

		private static JsonNode plausibleLeaf(JsonNode schema) {
			return switch (type(schema)) {
				case "integer", "number" -> NODES.numberNode(1);
				case "boolean" -> NODES.booleanNode(true);
				case "array" -> NODES.arrayNode();
				case "object" -> NODES.objectNode();
				default -> NODES.stringNode("x");
			};
		}

		private static String type(JsonNode schema) {
			JsonNode type = schema.path("type");
			if (type.isArray()) {
				for (JsonNode each : type) {
					if (!"null".equals(each.asString())) {
						return each.asString();
					}
				}
			}
			if (type.isString()) {
				return type.asString();
			}
			if (schema.has("properties")) {
				return "object";
			}
			return "string";
		}

		private JsonNode resolve(JsonNode node) {
			JsonNode current = node;
			for (int i = 0; i < 10 && current.has("$ref"); i++) {
				String ref = current.path("$ref").asString();
				JsonNode target = this.api;
				for (String part : ref.substring(2).split("/")) {
					target = target.path(part);
				}
				current = target;
			}
			if (current.has("allOf")) {
				ObjectNode merged = NODES.objectNode();
				ObjectNode properties = NODES.objectNode();
				for (JsonNode part : current.path("allOf")) {
					JsonNode resolved = resolve(part);
					for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
						properties.set(property.getKey(), property.getValue());
					}
				}
				merged.put("type", "object");
				merged.set("properties", properties);
				return merged;
			}
			if (current.has("oneOf") || current.has("anyOf")) {
				Iterator<JsonNode> options = current.path(current.has("oneOf") ? "oneOf" : "anyOf").iterator();
				return options.hasNext() ? resolve(options.next()) : current;
			}
			return current;
		}

		private String expand(Map<String, String> values) {
			String expanded = this.path;
			for (Map.Entry<String, String> value : values.entrySet()) {
				expanded = expanded.replace("{" + value.getKey() + "}", encode(value.getValue()));
			}
			return expanded;
		}

		private static String goodQuery(List<JsonNode> parameters) {
			StringBuilder query = new StringBuilder();
			for (JsonNode parameter : parameters) {
				if (parameter.path("required").asBoolean(false)) {
					query.append(query.isEmpty() ? "?" : "&")
						.append(encode(parameter.path("name").asString()))
						.append('=')
						.append(encode(plausible(parameter.path("name").asString())));
				}
			}
			return query.toString();
		}

		/** A well-formed value for a path or query variable, so that the other variable's fault is reached. */
		private static String plausible(String name) {
			String lower = name.toLowerCase(java.util.Locale.ROOT);
			if (lower.contains("personalid")) {
				return "001085012345";
			}
			if (lower.contains("plate")) {
				return "30A12345";
			}
			if (lower.contains("date") || lower.equals("from") || lower.equals("to") || lower.equals("day")) {
				return "2026-03-01";
			}
			if (lower.contains("province")) {
				return "01";
			}
			if (lower.equals("page") || lower.equals("size")) {
				return "1";
			}
			return "DOES-NOT-EXIST-1";
		}

		private static String shortly(String value) {
			return (value.length() > 24) ? value.substring(0, 12) + "…(" + value.length() + " chars)" : value;
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
		}

	}

}
