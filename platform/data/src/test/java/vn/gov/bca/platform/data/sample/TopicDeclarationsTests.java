package vn.gov.bca.platform.data.sample;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.gov.bca.platform.data.consumer.ConsumerDeadLetters;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.TestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service declares the topics it owns when it starts: its event topic and the dead-letter topic
 * of each of its consumer groups, with their partitions, retention and cleanup (the topic names are
 * new to the broker: nothing else made them).
 */
@IntegrationTest
class TopicDeclarationsTests {

	private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

	private static final String EVENTS = "parcel-" + SUFFIX + ".events.v1";

	private static final String READ = "courier-" + SUFFIX + ".events.v1";

	private static final String GROUP = "parcel-counter-" + SUFFIX;

	@DynamicPropertySource
	static void ownTopics(DynamicPropertyRegistry registry) {
		registry.add("vneid.outbox.topic", () -> EVENTS);
		registry.add("parcel.counter.topic", () -> READ);
		registry.add("parcel.counter.group", () -> GROUP);
	}

	@Test
	void theEventTopicAndEachGroupsDeadLetterTopicAreDeclaredWithTheirRetentionAndCleanup() throws Exception {
		String deadLetters = ConsumerDeadLetters.topicOf(READ, GROUP);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.get().kafkaBootstrapServers()))) {
			Map<String, TopicDescription> topics = admin.describeTopics(List.of(EVENTS, deadLetters)).allTopicNames().get();
			assertThat(topics.get(EVENTS).partitions()).hasSize(3);
			assertThat(topics.get(deadLetters).partitions()).hasSize(1);
			Map<ConfigResource, Config> configs = admin
				.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, EVENTS),
						new ConfigResource(ConfigResource.Type.TOPIC, deadLetters)))
				.all()
				.get();
			Config events = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, EVENTS));
			// 14 days: less than the 30 days ProcessedEvents remembers an event.
			assertThat(events.get("retention.ms").value()).isEqualTo(String.valueOf(14L * 24 * 3600 * 1000));
			assertThat(events.get("cleanup.policy").value()).isEqualTo("delete");
			assertThat(events.get("min.insync.replicas").value()).isEqualTo("1");
			Config letters = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, deadLetters));
			assertThat(letters.get("retention.ms").value()).isEqualTo(String.valueOf(30L * 24 * 3600 * 1000));
			assertThat(letters.get("cleanup.policy").value()).isEqualTo("delete");
		}
	}

}
