package vn.gov.bca.loadtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

/**
 * The performance benchmark of issue 18, against a running stack ({@code ./run}): each call
 * straight to its service, through nginx as a plain reverse proxy, and through the gateway, with
 * wrk; the MongoDB-protocol server's own keyed-read rate with the plain driver; and passport
 * submissions through the gateway. During each measured phase the CPU time of every process of the
 * stack is read from {@code /proc/<pid>/stat}, its JIT compiler threads apart. Writes one Markdown table to
 * {@code load-tests/results/benchmark-<time>.md} and to standard output. Asserts nothing: the
 * figures are the result.
 *
 * <p>Settings (system properties): {@code gateway}, {@code identity}, {@code payment},
 * {@code passport}, {@code keycloak}, {@code mongo} (URLs); {@code seconds} (20, per measured
 * phase), {@code warmUpSeconds} (15), {@code connections} (32), {@code threads} (2, wrk's),
 * {@code submitConnections} (16), {@code phases} (all: {@code session,lookup,fine,store,passport}),
 * {@code sample} (200,000 request values drawn at random from the loaded data), {@code nginxPort}
 * (8099; {@code nginx=false} skips nginx).
 */
public final class Benchmark {

	private static final String GATEWAY = System.getProperty("gateway", "http://localhost:8080");

	private static final String IDENTITY = System.getProperty("identity", "http://localhost:8081");

	private static final String PAYMENT = System.getProperty("payment", "http://localhost:8085");

	private static final String KEYCLOAK = System.getProperty("keycloak", "http://localhost:8180");

	private static final String MONGO = System.getProperty("mongo", "mongodb://localhost:27017");

	private static final int SECONDS = Integer.getInteger("seconds", 20);

	private static final int WARM_UP = Integer.getInteger("warmUpSeconds", 15);

	private static final int CONNECTIONS = Integer.getInteger("connections", 32);

	private static final int SUBMIT_CONNECTIONS = Integer.getInteger("submitConnections", 16);

	private static final int THREADS = Integer.getInteger("threads", 2);

	private static final int SAMPLE = Integer.getInteger("sample", 200_000);

	private static final int NGINX_PORT = Integer.getInteger("nginxPort", 8099);

	private static final boolean NGINX = !"false".equals(System.getProperty("nginx"));

	/** Which ways each call is measured: {@code direct,nginx,gateway}. */
	private static final Set<String> VIA = Set.of(System.getProperty("via", "direct,nginx,gateway").split(","));

	private static final Set<String> PHASES = Set
		.of(System.getProperty("phases", "session,lookup,fine,store,passport").split(","));

	/** Where a process's command line says which part of the stack it is. */
	private static final Map<String, String> PROCESSES = new LinkedHashMap<>();

	static {
		PROCESSES.put("gateway", "gateway.jar");
		PROCESSES.put("identity", "identity-service.jar");
		PROCESSES.put("passport", "passport-service.jar");
		PROCESSES.put("fine-payment", "fine-payment-service.jar");
		PROCESSES.put("residence", "residence-service.jar");
		PROCESSES.put("seal", "seal-service.jar");
		PROCESSES.put("mongo", "MongoServerMain");
		PROCESSES.put("kafka", "kafka.Kafka");
		PROCESSES.put("keycloak", "keycloak");
		PROCESSES.put("nginx", "nginx: worker process");
	}

	/** The part that holds the JIT compiler threads of every Java process of the stack. */
	private static final String JIT = "jit";

	private static final long TICKS_PER_SECOND = 100;

	private final Path work;

	private final List<Row> rows = new ArrayList<>();

	private Benchmark(Path work) {
		this.work = work;
	}

	public static void main(String[] args) throws Exception {
		Path work = Files.createTempDirectory("vneid-benchmark");
		Benchmark benchmark = new Benchmark(work);
		Process nginx = NGINX ? benchmark.startNginx() : null;
		try {
			benchmark.run();
		}
		finally {
			if (nginx != null) {
				nginx.destroy();
				nginx.waitFor(10, TimeUnit.SECONDS);
			}
		}
		benchmark.report();
	}

	private void run() throws Exception {
		String citizenToken = Tokens.password(KEYCLOAK, "nguyenvanan", "Vneid@2026");
		String serviceToken = Tokens.service(KEYCLOAK, "passport-service");
		String nginx = "http://127.0.0.1:" + NGINX_PORT;
		if (PHASES.contains("session")) {
			Path script = script("session", headers(citizenToken), null, false);
			measureThree("session (JWT only)", "/api/identity/session", IDENTITY, nginx, script, CONNECTIONS);
		}
		List<String> personalIds = List.of();
		if (PHASES.contains("lookup") || PHASES.contains("store")) {
			personalIds = sample("identity", "citizens", "_id");
		}
		if (PHASES.contains("lookup")) {
			Path ids = lines("personal-ids", personalIds);
			Path script = script("lookup",
					headers(serviceToken) + "wrk.headers[\"X-Purpose\"] = \"benchmark: passport application check\"\n",
					ids, false);
			measureThree("registry lookup", "/api/identity/registry/citizens/", IDENTITY, nginx, script, CONNECTIONS);
		}
		List<String> vehicles = List.of();
		if (PHASES.contains("fine") || PHASES.contains("store")) {
			vehicles = sample("payment", "decision_keys", "_id").stream().filter((key) -> key.startsWith("plate:"))
				.toList();
		}
		if (PHASES.contains("fine") && !vehicles.isEmpty()) {
			Path queries = lines("vehicles", vehicles.stream().map((key) -> {
				String[] parts = key.split(":");
				return "?plate=" + java.net.URLEncoder.encode(parts[1], StandardCharsets.UTF_8) + "&vehicleType="
						+ parts[2];
			}).toList());
			Path script = script("fine", "", queries, false);
			measureThree("public fine lookup", "/api/payment/public/fines", PAYMENT, nginx, script, CONNECTIONS);
		}
		if (PHASES.contains("store")) {
			storeReads("store: citizen by _id (driver)", "identity", "citizens", personalIds);
			if (!vehicles.isEmpty()) {
				storeReads("store: fine key by _id (driver)", "payment", "decision_keys", vehicles);
			}
		}
		if (PHASES.contains("passport")) {
			passportSubmissions(Tokens.service(KEYCLOAK, "national-portal"));
		}
	}

	// ---- phases

	private void measureThree(String call, String path, String direct, String nginx, Path script, int connections)
			throws Exception {
		wrk(GATEWAY + path, script, connections, WARM_UP);
		Row direct1 = VIA.contains("direct") ? measure(call + ", direct", direct + path, script, connections) : null;
		Row proxied = (NGINX && VIA.contains("nginx")) ? measure(call + ", nginx", nginx + path, script, connections)
				: null;
		Row gateway = VIA.contains("gateway") ? measure(call + ", gateway", GATEWAY + path, script, connections) : null;
		if (direct1 != null) {
			if (proxied != null) {
				proxied.ratio = proxied.perSecond / direct1.perSecond;
			}
			if (gateway != null) {
				gateway.ratio = gateway.perSecond / direct1.perSecond;
			}
		}
	}

	private Row measure(String name, String url, Path script, int connections) throws Exception {
		wrk(url, script, connections, 3);
		Map<String, Long> before = cpuTicks();
		long started = System.nanoTime();
		String output = wrk(url, script, connections, SECONDS);
		long elapsed = System.nanoTime() - started;
		Map<String, Long> after = cpuTicks();
		Row row = Row.fromWrk(name, output);
		row.cpu(before, after, elapsed);
		this.rows.add(row);
		System.out.println(row.markdown());
		return row;
	}

	private void passportSubmissions(String token) throws Exception {
		List<String> bodies = adultSubmissions(WARM_UP * 600 + SECONDS * 800 + 10_000);
		int warmUpCount = Math.min(bodies.size() / 3, WARM_UP * 400);
		Path warmUp = lines("submissions-warm-up", bodies.subList(0, warmUpCount));
		Path measured = lines("submissions", bodies.subList(warmUpCount, bodies.size()));
		String headers = headers(token) + "wrk.headers[\"Content-Type\"] = \"application/json\"\n";
		String url = GATEWAY + "/api/passport/dossiers";
		wrk(url, script("submit-warm-up", headers, warmUp, true), SUBMIT_CONNECTIONS, WARM_UP);
		Path script = script("submit", headers, measured, true);
		Map<String, Long> before = cpuTicks();
		long started = System.nanoTime();
		String output = wrk(url, script, SUBMIT_CONNECTIONS, SECONDS);
		long elapsed = System.nanoTime() - started;
		Map<String, Long> after = cpuTicks();
		Row row = Row.fromWrk("passport submission, gateway", output);
		row.cpu(before, after, elapsed);
		this.rows.add(row);
		System.out.println(row.markdown());
	}

	/** The store's own rate: keyed reads with the synchronous driver, one thread per connection. */
	private void storeReads(String name, String database, String collection, List<String> keys) throws Exception {
		try (MongoClient client = MongoClients.create(MONGO + "/?maxPoolSize=" + CONNECTIONS)) {
			MongoCollection<Document> documents = client.getDatabase(database).getCollection(collection);
			runReaders(documents, keys, WARM_UP);
			Map<String, Long> before = cpuTicks();
			long started = System.nanoTime();
			List<long[]> latencies = runReaders(documents, keys, SECONDS);
			long elapsed = System.nanoTime() - started;
			Map<String, Long> after = cpuTicks();
			Row row = new Row(name);
			long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
			row.requests = all.length;
			row.perSecond = all.length / (elapsed / 1e9);
			row.p50 = all[all.length / 2] / 1e6;
			row.p99 = all[(int) (all.length * 0.99)] / 1e6;
			row.cpu(before, after, elapsed);
			this.rows.add(row);
			System.out.println(row.markdown());
		}
	}

	private static List<long[]> runReaders(MongoCollection<Document> documents, List<String> keys, int seconds)
			throws InterruptedException {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		List<long[]> results = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < CONNECTIONS; i++) {
			long[][] slot = new long[1][];
			results.add(null);
			int index = i;
			Thread thread = new Thread(() -> {
				long[] latencies = new long[1 << 16];
				int count = 0;
				ThreadLocalRandom random = ThreadLocalRandom.current();
				while (System.nanoTime() < end) {
					String key = keys.get(random.nextInt(keys.size()));
					long start = System.nanoTime();
					if (documents.find(Filters.eq("_id", key)).first() == null) {
						throw new IllegalStateException("No document " + key);
					}
					if (count == latencies.length) {
						latencies = java.util.Arrays.copyOf(latencies, count * 2);
					}
					latencies[count++] = System.nanoTime() - start;
				}
				slot[0] = java.util.Arrays.copyOf(latencies, count);
				synchronized (results) {
					results.set(index, slot[0]);
				}
			});
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return results;
	}

	// ---- data, read in batches

	/**
	 * Up to {@link #SAMPLE} values of one field, drawn uniformly from the whole collection
	 * (reservoir sampling), read with a projection in batches of 5,000 so that no reply is large.
	 */
	private static List<String> sample(String database, String collection, String field) {
		List<String> kept = new ArrayList<>();
		Random random = new Random();
		long seen = 0;
		try (MongoClient client = MongoClients.create(MONGO)) {
			for (Document document : client.getDatabase(database).getCollection(collection).find()
				.projection(new Document(field, 1))
				.batchSize(5_000)) {
				String value = document.get(field).toString();
				seen++;
				if (kept.size() < SAMPLE) {
					kept.add(value);
				}
				else {
					long slot = (long) (random.nextDouble() * seen);
					if (slot < SAMPLE) {
						kept.set((int) slot, value);
					}
				}
			}
		}
		System.out.printf("%,d of %,d %s.%s drawn%n", kept.size(), seen, database, collection);
		return kept;
	}

	/**
	 * Passport submissions for adults of the population (born 2008 or before, full date of birth)
	 * in random order, without those who already hold an open dossier or a passport (a rerun on the
	 * same data meets no 409). Read in batches with a projection; the filter is applied here.
	 */
	private static List<String> adultSubmissions(int wanted) {
		List<Document> adults = new ArrayList<>();
		try (MongoClient client = MongoClients.create(MONGO)) {
			// Holders with an open dossier (the workflow's "<collection>_open" claims, keyed by holder)
			// or a passport in the book.
			Set<String> taken = new java.util.HashSet<>();
			MongoDatabase passport = client.getDatabase("passport");
			for (String collection : passport.listCollectionNames()) {
				if (collection.endsWith("_open") || collection.equals("passport_holders")) {
					for (Document held : passport.getCollection(collection).find()
						.projection(new Document("_id", 1))
						.batchSize(5_000)) {
						taken.add(held.get("_id").toString());
					}
				}
			}
			Random random = new Random();
			long seen = 0;
			for (Document citizen : client.getDatabase("identity").getCollection("citizens").find()
				.projection(new Document("fullName", 1).append("birthDate", 1).append("sex", 1))
				.batchSize(5_000)) {
				Document born = citizen.get("birthDate", Document.class);
				if (born == null || born.get("day") == null || born.getInteger("year") > 2008
						|| taken.contains(citizen.getString("_id"))) {
					continue;
				}
				seen++;
				if (adults.size() < wanted) {
					adults.add(citizen);
				}
				else {
					long slot = (long) (random.nextDouble() * seen);
					if (slot < wanted) {
						adults.set((int) slot, citizen);
					}
				}
			}
		}
		java.util.Collections.shuffle(adults);
		return adults.stream().map((citizen) -> {
			Document born = citizen.get("birthDate", Document.class);
			return ("{\"procedure\":\"FIRST_ISSUE\",\"handlingProvince\":\"01\",\"applicantPersonalId\":\"%s\","
					+ "\"form\":{\"holderPersonalId\":\"%s\",\"holderFullName\":\"%s\",\"holderBirthDate\":\"%04d-%02d-%02d\","
					+ "\"sex\":\"%s\",\"chip\":true}}")
				.formatted(citizen.getString("_id"), citizen.getString("_id"), citizen.getString("fullName"),
						born.getInteger("year"), born.getInteger("month"), born.getInteger("day"),
						citizen.getString("sex"));
		}).toList();
	}

	// ---- wrk and nginx

	private static String headers(String token) {
		return "wrk.headers[\"Authorization\"] = \"Bearer " + token + "\"\n"
				+ "wrk.headers[\"Accept\"] = \"application/json\"\n";
	}

	/**
	 * A wrk script: fixed headers, and, with a file, a path suffix (GET) or a body (POST) per
	 * request. A GET draws its line at random; a POST takes each line once, the threads sharing the
	 * file by line number.
	 */
	private Path script(String name, String headers, Path values, boolean post) throws IOException {
		StringBuilder lua = new StringBuilder(headers);
		if (values != null) {
			lua.append("""
					local counter = 0
					function setup(thread)
					  thread:set("id", counter)
					  counter = counter + 1
					end
					function init(args)
					  values = {}
					  for line in io.lines("%s") do values[#values + 1] = line end
					  next_value = id + 1
					  math.randomseed(os.time() + id)
					end
					""".formatted(values));
			if (post) {
				lua.append("""
						wrk.method = "POST"
						function request()
						  local body = values[next_value]
						  if body == nil then body = "{}" end
						  next_value = next_value + %d
						  return wrk.format(nil, nil, nil, body)
						end
						""".formatted(THREADS));
			}
			else {
				lua.append("""
						function request()
						  return wrk.format(nil, wrk.path .. values[math.random(#values)])
						end
						""");
			}
		}
		Path file = this.work.resolve(name + ".lua");
		Files.writeString(file, lua);
		return file;
	}

	private Path lines(String name, List<String> values) throws IOException {
		Path file = this.work.resolve(name + ".txt");
		Files.write(file, values, StandardCharsets.UTF_8);
		return file;
	}

	private static String wrk(String url, Path script, int connections, int seconds) throws Exception {
		Process wrk = new ProcessBuilder("wrk", "-t" + THREADS, "-c" + connections, "-d" + seconds + "s",
				"--latency", "--timeout", "10s", "-s", script.toString(), url)
			.redirectErrorStream(true)
			.start();
		String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (wrk.waitFor() != 0) {
			throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
		}
		return output;
	}

	/** nginx as a plain reverse proxy to the services (keep-alive upstreams, no access log). */
	private Process startNginx() throws Exception {
		Path conf = this.work.resolve("nginx.conf");
		Files.writeString(conf, """
				worker_processes auto;
				daemon off;
				master_process on;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log warn;
				events { worker_connections 4096; }
				http {
				  access_log off;
				  client_body_temp_path %1$s/body;
				  proxy_temp_path %1$s/proxy;
				  fastcgi_temp_path %1$s/fastcgi;
				  uwsgi_temp_path %1$s/uwsgi;
				  scgi_temp_path %1$s/scgi;
				  upstream identity { server %2$s; keepalive 64; }
				  upstream payment { server %3$s; keepalive 64; }
				  server {
				    listen 127.0.0.1:%4$d;
				    proxy_http_version 1.1;
				    proxy_set_header Connection "";
				    location /api/identity/ { proxy_pass http://identity; }
				    location /api/payment/ { proxy_pass http://payment; }
				  }
				}
				""".formatted(this.work, hostPort(IDENTITY), hostPort(PAYMENT), NGINX_PORT));
		Process nginx = new ProcessBuilder("nginx", "-p", this.work.toString(), "-e",
				this.work.resolve("error.log").toString(), "-c", conf.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.work.resolve("nginx.out").toFile())
			.start();
		Thread.sleep(1000);
		if (!nginx.isAlive()) {
			throw new IllegalStateException("nginx did not start: " + Files.readString(this.work.resolve("nginx.out")));
		}
		return nginx;
	}

	private static String hostPort(String url) {
		return url.replaceFirst("^https?://", "").replace("localhost", "127.0.0.1");
	}

	// ---- CPU per process

	/** utime + stime of every process of the stack, summed per part (instances, nginx's workers). */
	private static Map<String, Long> cpuTicks() {
		Map<String, Long> ticks = new LinkedHashMap<>();
		try (var entries = Files.list(Path.of("/proc"))) {
			for (Path proc : (Iterable<Path>) entries::iterator) {
				String pid = proc.getFileName().toString();
				if (!pid.chars().allMatch(Character::isDigit)) {
					continue;
				}
				try {
					String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
					String part = part(cmdline);
					if (part == null) {
						continue;
					}
					long used = ticks(proc.resolve("stat"));
					long compiling = compilerTicks(proc);
					ticks.merge(part, used - compiling, Long::sum);
					ticks.merge(JIT, compiling, Long::sum);
				}
				catch (IOException | UncheckedIOException gone) {
					// the process ended between the listing and the read
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ticks;
	}

	/** utime + stime of a process or thread, from its {@code stat}. */
	private static long ticks(Path stat) throws IOException {
		String line = Files.readString(stat);
		String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	/**
	 * The CPU of a JVM's JIT compiler threads (HotSpot names them "C1 CompilerThread<n>" and "C2
	 * CompilerThread<n>", which {@code comm} cuts to 15 characters): compiling is warm-up, not the
	 * cost of a request, and stays high for minutes in a large service on a busy 2-core machine
	 * (passport-service compiled some 31,000 methods in its first six passport phases, 28 % of its
	 * CPU in the third). Reported apart, in the {@code jit} column, summed over the stack.
	 */
	private static long compilerTicks(Path proc) {
		long compiling = 0;
		try (var tasks = Files.list(proc.resolve("task"))) {
			for (Path task : (Iterable<Path>) tasks::iterator) {
				try {
					String comm = Files.readString(task.resolve("comm"));
					if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
						compiling += ticks(task.resolve("stat"));
					}
				}
				catch (IOException | UncheckedIOException gone) {
					// the thread ended between the listing and the read
				}
			}
		}
		catch (IOException | UncheckedIOException gone) {
			// the process ended
		}
		return compiling;
	}

	private static String part(String cmdline) {
		for (Map.Entry<String, String> entry : PROCESSES.entrySet()) {
			if (cmdline.contains(entry.getValue())) {
				return entry.getKey();
			}
		}
		return null;
	}

	// ---- report

	private void report() throws IOException {
		StringBuilder report = new StringBuilder();
		report.append("# Benchmark ")
			.append(LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
			.append(" (Asia/Ho_Chi_Minh)\n\n")
			.append("wrk %d threads, %d connections (%d for submissions), %d s per phase after %d s of warm-up. "
				.formatted(THREADS, CONNECTIONS, SUBMIT_CONNECTIONS, SECONDS, WARM_UP))
			.append("CPU: ms per request of each process, from /proc/<pid>/stat over the phase, without its JIT ")
			.append("compiler threads; those of all the stack's JVMs together in the jit column (warm-up left).\n\n")
			.append(Row.header())
			.append('\n');
		for (Row row : this.rows) {
			report.append(row.markdown()).append('\n');
		}
		Path results = Path.of(System.getProperty("results", "results"));
		Files.createDirectories(results);
		Path file = results.resolve("benchmark-"
				+ LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
				+ ".md");
		Files.writeString(file, report);
		System.out.println();
		System.out.println(report);
		System.out.println("Written to " + file.toAbsolutePath());
	}

	/** One phase's figures. */
	private static final class Row {

		private static final List<String> SHOWN = List.of("gateway", "identity", "passport", "fine-payment", "mongo",
				"kafka", "nginx", JIT);

		private static final Pattern PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

		private static final Pattern REQUESTS = Pattern.compile("([0-9]+) requests in");

		private static final Pattern FAILED = Pattern.compile("Non-2xx or 3xx responses: ([0-9]+)");

		private static final Pattern ERRORS = Pattern
			.compile("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)");

		private static final Pattern PERCENTILE = Pattern.compile("\\s+(50|99)\\.000%\\s+([0-9.]+)(us|ms|s)|\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)");

		final String name;

		long requests;

		long failed;

		double perSecond;

		double p50;

		double p99;

		Double ratio;

		final Map<String, Double> cpuPerRequest = new LinkedHashMap<>();

		Row(String name) {
			this.name = name;
		}

		static Row fromWrk(String name, String output) {
			Row row = new Row(name);
			row.perSecond = Double.parseDouble(find(PER_SECOND, output, 1));
			row.requests = Long.parseLong(find(REQUESTS, output, 1));
			Matcher failed = FAILED.matcher(output);
			row.failed = failed.find() ? Long.parseLong(failed.group(1)) : 0;
			Matcher errors = ERRORS.matcher(output);
			if (errors.find()) {
				for (int i = 1; i <= 4; i++) {
					row.failed += Long.parseLong(errors.group(i));
				}
			}
			Matcher percentile = PERCENTILE.matcher(output);
			while (percentile.find()) {
				String which = percentile.group(1) != null ? percentile.group(1) : percentile.group(4);
				double value = Double.parseDouble(percentile.group(1) != null ? percentile.group(2) : percentile.group(5));
				String unit = percentile.group(1) != null ? percentile.group(3) : percentile.group(6);
				double ms = switch (unit) {
					case "us" -> value / 1000;
					case "s" -> value * 1000;
					default -> value;
				};
				if (which.equals("50")) {
					row.p50 = ms;
				}
				else {
					row.p99 = ms;
				}
			}
			return row;
		}

		private static String find(Pattern pattern, String text, int group) {
			Matcher matcher = pattern.matcher(text);
			if (!matcher.find()) {
				throw new IllegalStateException("Unexpected wrk output:\n" + text);
			}
			return matcher.group(group);
		}

		void cpu(Map<String, Long> before, Map<String, Long> after, long elapsedNanos) {
			for (String part : SHOWN) {
				long ticks = after.getOrDefault(part, 0L) - before.getOrDefault(part, 0L);
				if (after.containsKey(part) && this.requests > 0) {
					this.cpuPerRequest.put(part, ticks * (1000.0 / TICKS_PER_SECOND) / this.requests);
				}
			}
		}

		static String header() {
			StringBuilder header = new StringBuilder("| phase | req/s | p50 ms | p99 ms | failed | ÷ direct |");
			StringBuilder rule = new StringBuilder("|---|---|---|---|---|---|");
			for (String part : SHOWN) {
				header.append(' ').append(part).append(" |");
				rule.append("---|");
			}
			return header + "\n" + rule;
		}

		String markdown() {
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %s | %,.0f | %.2f | %.2f | %d | %s |",
					this.name, this.perSecond, this.p50, this.p99, this.failed,
					(this.ratio != null) ? String.format(Locale.ROOT, "%.2f", this.ratio) : ""));
			for (String part : SHOWN) {
				Double ms = this.cpuPerRequest.get(part);
				line.append(' ').append((ms != null) ? String.format(Locale.ROOT, "%.3f", ms) : "").append(" |");
			}
			return line.toString();
		}

	}

}
