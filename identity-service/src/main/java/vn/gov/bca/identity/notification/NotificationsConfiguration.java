package vn.gov.bca.identity.notification;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification port: the development sink when {@code vneid.notifications.dev-sink-dir} is
 * set, otherwise none (registration answers 503). A production adapter would be another bean of
 * {@link Notifications}.
 */
@Configuration(proxyBeanMethods = false)
class NotificationsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(NotificationsConfiguration.class);

	@Bean
	Notifications notifications(@Value("${vneid.notifications.dev-sink-dir:}") String devSinkDir, JsonMapper json) {
		if (devSinkDir == null || devSinkDir.isBlank()) {
			log.warn("No notification channel configured (vneid.notifications.dev-sink-dir is empty): "
					+ "VNeID account registration answers 503");
			return new Notifications() {

				@Override
				public boolean available() {
					return false;
				}

				@Override
				public Mono<Void> send(Notification notification) {
					return Mono.error(new IllegalStateException("No notification channel configured"));
				}

			};
		}
		Path directory = Path.of(devSinkDir).toAbsolutePath();
		log.warn("Notifications go to the development sink {} (one JSON file per message): not for production",
				directory);
		return new DevSinkNotifications(directory, json);
	}

}
