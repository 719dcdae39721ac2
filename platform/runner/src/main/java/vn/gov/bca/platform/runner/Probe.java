package vn.gov.bca.platform.runner;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** A readiness check, asked again and again until it answers true or the start-up times out. */
@FunctionalInterface
interface Probe {

	Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

	HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	boolean ready();

	/** What the last check saw, for the message when the start-up times out. */
	default String lastAnswer() {
		return "";
	}

	/** Spring Boot's /actuator/health, or anything else that answers {@code "status":"UP"}. */
	static Probe statusUp(String url) {
		return new HttpProbe(url, response -> response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find());
	}

	static Probe ok(String url) {
		return new HttpProbe(url, response -> response.statusCode() == 200);
	}

	static Probe both(Probe first, Probe second) {
		return new Probe() {
			@Override
			public boolean ready() {
				return first.ready() && second.ready();
			}

			@Override
			public String lastAnswer() {
				return (first.lastAnswer() + " " + second.lastAnswer()).trim();
			}
		};
	}

	static Probe mongoPing(int port) {
		return () -> MongoPing.ping("127.0.0.1", port, 2000);
	}

	/** The broker answers the admin API with itself as a live node, not merely an open port. */
	static Probe kafka(String bootstrapServers, int port) {
		return () -> {
			if (!portOpen(port)) {
				return false;
			}
			Properties config = new Properties();
			config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
			config.put(AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-readiness");
			config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
			config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
			try (Admin admin = Admin.create(config)) {
				return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
						.nodes()
						.get(4, TimeUnit.SECONDS)
						.isEmpty();
			}
			catch (Exception e) {
				return false;
			}
		};
	}

	static boolean portOpen(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	/** A GET that must pass {@code accepted}; remembers the last answer. */
	final class HttpProbe implements Probe {

		private final String url;
		private final Predicate<HttpResponse<String>> accepted;
		private volatile String lastAnswer = "no answer yet";

		HttpProbe(String url, Predicate<HttpResponse<String>> accepted) {
			this.url = url;
			this.accepted = accepted;
		}

		@Override
		public boolean ready() {
			try {
				HttpResponse<String> response = HTTP.send(
						HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				String body = response.body();
				lastAnswer = "GET " + url + " answered " + response.statusCode() + " "
						+ (body.length() > 300 ? body.substring(0, 300) + "..." : body);
				return accepted.test(response);
			}
			catch (IOException e) {
				lastAnswer = "GET " + url + " failed: " + e;
				return false;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		@Override
		public String lastAnswer() {
			return lastAnswer;
		}
	}
}
