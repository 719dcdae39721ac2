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
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
