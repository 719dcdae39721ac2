package vn.gov.bca.platform.runner;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What is checked before anything starts, so that a start-up fails before it leaves processes to stop. */
final class Preflight {

	private Preflight() {
	}

	static void check(LocalStackOptions options) {
		requireJars(options);
		requireFreePorts(options);
	}

	static void requireJars(LocalStackOptions options) {
		for (Path sandbox : List.of(PaymentSandboxProcess.jar(options.repoRoot()),
				NationalPortalSandboxProcess.jar(options.repoRoot()))) {
			if (!Files.isRegularFile(sandbox)) {
				throw new IllegalStateException(
						sandbox + " is missing: build first (./run --build, or ./mvnw -DskipTests install)");
			}
		}
		for (Service service : options.services()) {
			Path jar = service.jar(options.repoRoot());
			if (!Files.isRegularFile(jar)) {
				throw new IllegalStateException(
						jar + " is missing: build first (./run --build, or ./mvnw -DskipTests install)");
			}
		}
	}

	/** A clear message beats Kafka's or Keycloak's own bind error buried in their logs. */
	static void requireFreePorts(LocalStackOptions options) {
		Map<String, Integer> wanted = new LinkedHashMap<>();
		wanted.put("Kafka", options.port(Port.KAFKA));
		wanted.put("Kafka controller", options.port(Port.KAFKA_CONTROLLER));
		if (options.externalMongoUri().isEmpty()) {
			wanted.put("MongoDB", options.port(Port.MONGO));
		}
		wanted.put("Keycloak", options.port(Port.KEYCLOAK));
		wanted.put("Keycloak management", options.port(Port.KEYCLOAK_MANAGEMENT));
		wanted.put("payment sandbox", options.port(Port.PAYMENT_SANDBOX));
		wanted.put("national portal sandbox", options.port(Port.NATIONAL_PORTAL_SANDBOX));
		for (Service service : Service.values()) {
			if (options.services().contains(service)) {
				wanted.put(service.module(), options.port(service.port()));
				wanted.put(service.module() + " management", options.port(service.managementPort()));
			}
		}
		List<String> busy = new ArrayList<>();
		wanted.forEach((name, port) -> {
			if (!isFree(port)) {
				busy.add(name + " " + port);
			}
		});
		if (!busy.isEmpty()) {
			throw new IllegalStateException("Port(s) already in use: " + String.join(", ", busy)
					+ ". Is another ./run or test stack still running? (ss -ltnp | grep <port>)");
		}
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}
}
