package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTests {

	@TempDir
	Path dir;

	@Test
	void formatsTheStorageOnTheFirstStartOnlySoThatARestartKeepsTheData() throws Exception {
		KafkaBroker broker = broker();
		assertThat(broker.isFormatted()).isFalse();

		broker.prepare(Duration.ofSeconds(60));
		String clusterId = clusterId();
		broker.prepare(Duration.ofSeconds(60));

		assertThat(broker.isFormatted()).isTrue();
		assertThat(clusterId()).isEqualTo(clusterId);
		// The format tool ran once: a second run would have moved its first log aside.
		assertThat(dir.resolve("logs").resolve("kafka-storage-format.log")).exists();
		assertThat(dir.resolve("logs").resolve("kafka-storage-format.previous.log")).doesNotExist();
		assertThat(dir.resolve("config").resolve("kafka-server.properties")).content()
				.contains("listeners=PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093");
	}

	@Test
	void keepsItsAddressAndStopsNothingWhenNotStarted() {
		KafkaBroker broker = broker();

		broker.stop();

		assertThat(broker.bootstrapServers()).isEqualTo("localhost:29092");
	}

	private KafkaBroker broker() {
		Path repoRoot = RepoRoot.find();
		return new KafkaBroker(ChildCommands.forRepo(repoRoot), new KafkaConfig(29092, 29093, dir.resolve("kafka")),
				dir.resolve("config"), repoRoot, dir.resolve("logs"));
	}

	private String clusterId() throws IOException {
		Properties meta = new Properties();
		try (Reader reader = Files.newBufferedReader(dir.resolve("kafka").resolve("meta.properties"))) {
			meta.load(reader);
		}
		return meta.getProperty("cluster.id");
	}
}
