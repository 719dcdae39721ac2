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

	/** Spring Boot's /actuator/health, or anything else that answers {@code "status":"UP"}. */
	static Probe statusUp(String url) {
		return () -> {
			HttpResponse<String> response = get(url);
			return response != null && response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find();
		};
	}

	static Probe ok(String url) {
		return () -> {
			HttpResponse<String> response = get(url);
			return response != null && response.statusCode() == 200;
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
			config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
			config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000);
			try (Admin admin = Admin.create(config)) {
				return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(4000))
						.nodes()
						.get(5, TimeUnit.SECONDS)
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

	private static HttpResponse<String> get(String url) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			return null;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}
}
