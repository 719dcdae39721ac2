package vn.gov.bca.platform.web.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Adds the settings every module shares with the lowest precedence, so that a module's
 * application.yml or the environment can still override each of them. Each platform library
 * ships its own file under {@code META-INF/vneid/defaults/} (web: actuator exposure, JWT issuer
 * derived from the Keycloak URL, log correlation, codec limit; data: Kafka producer and MongoDB
 * health), and a module gets those of the libraries it depends on.
 * <p>
 * Actuator listens on its own management port, {@code server.port + 1000} unless
 * {@code management.server.port} is set (gateway 8080 → 9080, identity 8081 → 9081...; a random
 * port 0 stays random): metrics and the other endpoints are then not reachable on the public port
 * at all, where only the probes {@code /livez} and {@code /readyz} answer.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

	static final String LOCATION = "classpath*:META-INF/vneid/defaults/*.yml";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
			Arrays.sort(files, Comparator.comparing(Resource::getFilename));
			for (Resource file : files) {
				for (PropertySource<?> source : loader.load("vneid-platform:" + file.getFilename(), file)) {
					environment.getPropertySources().addLast(source);
				}
			}
			environment.getPropertySources().addLast(new ManagementPort(environment));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code management.server.port} derived from {@code server.port} when it is asked for, so that
	 * a port set later (a test's random port, {@code SERVER_PORT}) is the one it follows.
	 */
	static final class ManagementPort extends PropertySource<Object> {

		static final String NAME = "management.server.port";

		static final int OFFSET = 1000;

		/**
		 * Not the source of this property source: Boot walks into a property source whose source is an
		 * environment, which here would be the one holding this very source, without end.
		 */
		private final ConfigurableEnvironment environment;

		ManagementPort(ConfigurableEnvironment environment) {
			super("vneid-platform:management-port", new Object());
			this.environment = environment;
		}

		@Override
		public Object getProperty(String name) {
			if (!NAME.equals(name)) {
				return null;
			}
			String server = this.environment.getProperty("server.port");
			int port;
			try {
				port = (server != null && !server.isBlank()) ? Integer.parseInt(server.trim()) : 8080;
			}
			catch (NumberFormatException ex) {
				return null;
			}
			return (port <= 0) ? port : port + OFFSET;
		}

	}

}
