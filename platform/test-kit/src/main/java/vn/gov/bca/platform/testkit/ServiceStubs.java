package vn.gov.bca.platform.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * identity-service's population registry and fine-payment-service's fee orders as a procedure
 * service sees them, in one in-process HTTP server for its integration tests (the real services meet
 * in the system tests). Point both services' base URLs at {@link #url()}.
 * <ul>
 * <li>{@code POST /api/identity/registry/verifications} → {@code {"match": bool}}: a match unless the
 * body names someone in {@link #unknownToRegistry} (a personal id or a name), or the birth date is
 * not a year, a year and month or a day, the shapes the registry compares;</li>
 * <li>{@code POST /api/identity/registry/relations} → for {@code relation: SPOUSE}, a match when
 * {@link #spouses} holds the body's {@code personalId} and {@code relativePersonalId} as
 * {@code one>other} in either order; for any other relation (PARENT, or none), a match when
 * {@link #parentChild} holds {@code child>parent} for the body's {@code personalId} (the child) and
 * {@code relativePersonalId};</li>
 * <li>{@code GET /api/identity/registry/citizens/{id}} → the minimal data of someone
 * {@link #register registered} (with the permanent address {@link #livingAt} gives, the temporary
 * address {@link #temporarilyAt} gives and the household {@link #inHousehold} gives), 404 otherwise;</li>
 * <li>{@code POST /api/payment/fee-orders} → 201 {@code {"id": "PO-TEST-n", "referenceId", "amount",
 * "status": "CREATED"}}, the request bodies kept in {@link #feeOrders}.</li>
 * </ul>
 */
public final class ServiceStubs implements AutoCloseable {

	/** Personal ids or names the registry does not confirm. */
	public final Set<String> unknownToRegistry = ConcurrentHashMap.newKeySet();

	/** {@code child>parent} personal ids the registry records as a parent and their child. */
	public final Set<String> parentChild = ConcurrentHashMap.newKeySet();

	/** {@code one>other} personal ids the registry records as spouses (either order matches). */
	public final Set<String> spouses = ConcurrentHashMap.newKeySet();

	/** The bodies of the fee-order requests, as sent. */
	public final List<String> feeOrders = new CopyOnWriteArrayList<>();

	/** The bodies of the verification requests, as sent. */
	public final List<String> verifications = new CopyOnWriteArrayList<>();

	private static final Pattern BIRTH_DATE = Pattern.compile("[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?");

	private static final String CITIZENS = "/api/identity/registry/citizens/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Citizen> citizens = new ConcurrentHashMap<>();

	private final AtomicInteger orders = new AtomicInteger();

	private final ExecutorService executor = Executors.newFixedThreadPool(8, (runnable) -> {
		Thread thread = new Thread(runnable, "test-service-stubs");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpServer server;

	/**
	 * The minimal data the registry gives a service (identity-service's {@code MinimalCitizen}): the
	 * temporary address and the household are null unless a test gives them.
	 */
	public record Citizen(String personalId, String fullName, String birthDate, String sex, String lifeStatus,
			Address permanentAddress, Address temporaryAddress, Household household) {

		/** Without a temporary address or a household. */
		public Citizen(String personalId, String fullName, String birthDate, String sex, String lifeStatus,
				Address permanentAddress) {
			this(personalId, fullName, birthDate, sex, lifeStatus, permanentAddress, null, null);
		}

	}

	/** The household a citizen belongs to, as the registry gives it: its number, its head, the relation to the head. */
	public record Household(String householdId, String headPersonalId, String relationToHead) {
	}

	/** An address as the registry gives it. */
	public record Address(String asRecorded, String provinceCode, String commune, String detail) {
	}

	public ServiceStubs() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the service stubs", ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Points the service under test at these stubs for identity-service and fine-payment-service. */
	public void standIn(org.springframework.test.context.DynamicPropertyRegistry registry) {
		registry.add("vneid.clients.identity-service.base-url", this::url);
		registry.add("vneid.clients.fine-payment-service.base-url", this::url);
	}

	/** A living citizen in the registry, with a birth date as it holds it ({@code 1950}, {@code 1950-03} or a day). */
	public ServiceStubs register(String personalId, String fullName, String birthDate, String sex) {
		this.citizens.put(personalId, new Citizen(personalId, fullName, birthDate, sex, "ALIVE", null));
		return this;
	}

	/** A registered citizen's permanent address: in that commune of that province. */
	public ServiceStubs livingAt(String personalId, String provinceCode, String commune, String detail) {
		this.citizens.computeIfPresent(personalId, (id, citizen) -> new Citizen(id, citizen.fullName(),
				citizen.birthDate(), citizen.sex(), citizen.lifeStatus(),
				new Address(detail + ", " + commune, provinceCode, commune, detail), citizen.temporaryAddress(),
				citizen.household()));
		return this;
	}

	/** A registered citizen's temporary address: in that commune of that province. */
	public ServiceStubs temporarilyAt(String personalId, String provinceCode, String commune, String detail) {
		this.citizens.computeIfPresent(personalId, (id, citizen) -> new Citizen(id, citizen.fullName(),
				citizen.birthDate(), citizen.sex(), citizen.lifeStatus(), citizen.permanentAddress(),
				new Address(detail + ", " + commune, provinceCode, commune, detail), citizen.household()));
		return this;
	}

	/**
	 * A registered citizen's household: its number, its head (the citizen themselves for the head,
	 * with relation {@code HEAD}) and the relation to the head ({@code SPOUSE}, {@code CHILD}...).
	 */
	public ServiceStubs inHousehold(String personalId, String householdId, String headPersonalId,
			String relationToHead) {
		this.citizens.computeIfPresent(personalId, (id, citizen) -> new Citizen(id, citizen.fullName(),
				citizen.birthDate(), citizen.sex(), citizen.lifeStatus(), citizen.permanentAddress(),
				citizen.temporaryAddress(), new Household(householdId, headPersonalId, relationToHead)));
		return this;
	}

	/** The registry records the two as each other's spouse. */
	public ServiceStubs married(String personalId, String spousePersonalId) {
		this.spouses.add(personalId + ">" + spousePersonalId);
		return this;
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String path = exchange.getRequestURI().getPath();
		String method = exchange.getRequestMethod();
		if (method.equals("POST") && path.equals("/api/identity/registry/verifications")) {
			this.verifications.add(body);
			boolean match = this.unknownToRegistry.stream().noneMatch(body::contains)
					&& BIRTH_DATE.matcher(field(body, "birthDate")).matches();
			JsonResponses.respond(exchange, 200, "{\"match\": " + match + "}");
		}
		else if (method.equals("POST") && path.equals("/api/identity/registry/relations")) {
			String one = field(body, "personalId");
			String other = field(body, "relativePersonalId");
			boolean match = "SPOUSE".equals(field(body, "relation"))
					? this.spouses.contains(one + ">" + other) || this.spouses.contains(other + ">" + one)
					: this.parentChild.contains(one + ">" + other);
			JsonResponses.respond(exchange, 200, "{\"match\": " + match + "}");
		}
		else if (method.equals("GET") && path.startsWith(CITIZENS)) {
			Citizen citizen = this.citizens.get(path.substring(CITIZENS.length()));
			if (citizen == null) {
				JsonResponses.respond(exchange, 404, "{\"status\": 404, \"title\": \"Not Found\"}");
			}
			else {
				JsonResponses.respond(exchange, 200, JSON.writeValueAsString(citizen));
			}
		}
		else if (method.equals("POST") && path.equals("/api/payment/fee-orders")) {
			this.feeOrders.add(body);
			JsonNode request = JSON.readTree(body);
			JsonResponses.respond(exchange, 201, JSON.writeValueAsString(Map.of("id", "PO-TEST-" + this.orders.incrementAndGet(),
					"referenceId", request.path("referenceId").asString(""), "amount", request.path("amount").asLong(0),
					"status", "CREATED")));
		}
		else {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
		}
	}

	private static String field(String body, String name) {
		try {
			return JSON.readTree(body).path(name).asString("");
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
