package vn.gov.bca.platform.data.outbox;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * The one place where a service's event topic, CloudEvents source and type prefix come from its
 * name: {@code spring.application.name} {@code passport-service} gives the domain {@code passport}
 * (or {@code vneid.outbox.domain} when set: fine-payment-service publishes as {@code payment}), the
 * topic {@code passport.events.v1}, the source {@code /passport-service} and the type prefix
 * {@code vn.gov.bca.passport.}. Added last, so that each one set explicitly (application.yml, the
 * environment, a test) still wins; read when asked, so that it follows a name set late.
 */
public class OutboxNames implements EnvironmentPostProcessor {

	static final String PREFIX = "vneid.outbox.";

	static final String DOMAIN = PREFIX + "domain";

	static final String TOPIC = PREFIX + "topic";

	static final String SOURCE = PREFIX + "source";

	static final String TYPE_PREFIX = PREFIX + "type-prefix";

	static final String SERVICE_SUFFIX = "-service";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new Derived(environment));
	}

	/** The derived names, each computed from the environment when it is asked for. */
	static final class Derived extends PropertySource<Object> {

		/** Not the source: Boot would walk into an environment source, which holds this one, without end. */
		private final ConfigurableEnvironment environment;

		Derived(ConfigurableEnvironment environment) {
			super("vneid-platform:outbox-names", new Object());
			this.environment = environment;
		}

		@Override
		public Object getProperty(String name) {
			if (!name.startsWith(PREFIX)) {
				return null;
			}
			String application = this.environment.getProperty("spring.application.name");
			if (application == null || application.isBlank()) {
				return null;
			}
			return switch (name) {
				case DOMAIN -> application.endsWith(SERVICE_SUFFIX)
						? application.substring(0, application.length() - SERVICE_SUFFIX.length()) : application;
				case TOPIC -> domain() + ".events.v1";
				case SOURCE -> "/" + application;
				case TYPE_PREFIX -> "vn.gov.bca." + domain() + ".";
				default -> null;
			};
		}

		/** The explicit domain if set, else (through this very source) the one derived from the name. */
		private String domain() {
			return this.environment.getProperty(DOMAIN);
		}

	}

}
