package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class KafkaConfigTests {

	@Test
	void rendersACombinedBrokerAndControllerOnTheGivenPorts() throws IOException {
		KafkaConfig config = new KafkaConfig(19092, 19093, Path.of("/data/kafka"));
		Properties properties = new Properties();
		properties.load(new StringReader(config.serverProperties()));

		assertThat(properties.getProperty("process.roles")).isEqualTo("broker,controller");
		assertThat(properties.getProperty("controller.quorum.voters")).isEqualTo("1@localhost:19093");
		assertThat(properties.getProperty("listeners"))
				.isEqualTo("PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093");
		assertThat(properties.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://localhost:19092");
		assertThat(properties.getProperty("log.dirs")).isEqualTo("/data/kafka");
		assertThat(config.bootstrapServers()).isEqualTo("localhost:19092");
	}

	@Test
	void aSingleNodeCanHoldItsInternalTopicsAndCreatesNoTopicOnUse() throws IOException {
		Properties properties = new Properties();
		properties.load(new StringReader(new KafkaConfig(9092, 9093, Path.of("/k")).serverProperties()));

		assertThat(properties.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
		assertThat(properties.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
		assertThat(properties.getProperty("transaction.state.log.min.isr")).isEqualTo("1");
		assertThat(properties.getProperty("share.coordinator.state.topic.replication.factor")).isEqualTo("1");
		// The services declare their topics, as they must where the brokers create none.
		assertThat(properties.getProperty("auto.create.topics.enable")).isEqualTo("false");
	}
}
