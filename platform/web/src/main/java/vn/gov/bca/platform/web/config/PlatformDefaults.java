package vn.gov.bca.platform.web.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings every module shares ({@code vneid-platform-defaults.yml}: actuator exposure,
 * JWT issuer derived from the Keycloak URL, log correlation, codec limits) with the lowest
 * precedence, so a module's application.yml or the environment can still override each of them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

	static final String[] FILES = { "vneid-platform-defaults.yml", "vneid-platform-data-defaults.yml" };

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
		for (String file : FILES) {
			ClassPathResource resource = new ClassPathResource(file);
			if (!resource.exists()) {
				continue;
			}
			try {
				for (PropertySource<?> source : loader.load("vneid-platform:" + file, resource)) {
					environment.getPropertySources().addLast(source);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
