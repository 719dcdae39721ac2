package vn.gov.bca.platform.runner;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The port of each {@link Port}. An offset moves the whole stack (tests use 10000: gateway 18080,
 * Keycloak 18180, Kafka 19092, MongoDB 37017) so that it can run beside {@code ./run}.
 */
public record Ports(Map<Port, Integer> byPort) {

	public Ports {
		EnumMap<Port, Integer> copy = new EnumMap<>(Port.class);
		copy.putAll(byPort);
		for (Port port : Port.values()) {
			Integer value = copy.get(port);
			if (value == null) {
				throw new IllegalArgumentException("No port for " + port);
			}
			if (value < 1 || value > 65535) {
				throw new IllegalArgumentException(port + " port out of range: " + value);
			}
		}
		byPort = Collections.unmodifiableMap(copy);
	}

	public static Ports defaults() {
		return withOffset(0);
	}

	public static Ports withOffset(int offset) {
		EnumMap<Port, Integer> ports = new EnumMap<>(Port.class);
		for (Port port : Port.values()) {
			ports.put(port, port.defaultPort() + offset);
		}
		return new Ports(ports);
	}

	public Ports with(Port port, int value) {
		EnumMap<Port, Integer> ports = new EnumMap<>(byPort);
		ports.put(port, value);
		return new Ports(ports);
	}

	public int of(Port port) {
		return byPort.get(port);
	}
}
