package vn.gov.bca.platform.testkit;

import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The real infrastructure integration tests run against, one per test JVM: a Kafka broker, a
 * MongoDB server and a JWT issuer shaped like the vneid realm. Where a Docker engine answers,
 * Kafka and MongoDB are the real images (Testcontainers); otherwise an embedded KRaft broker and
 * mongo-java-server (MongoDB wire protocol) in this JVM. {@code VNEID_TEST_INFRA=embedded} or
 * {@code docker} forces one path. Started on first use, stopped when the JVM ends.
 */
public final class TestInfrastructure {

	private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

	static final String MONGO_IMAGE = "mongo:8.0";

	static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

	private static volatile TestInfrastructure instance;

	private final String mongoAddress;

	private final String kafkaBootstrapServers;

	private final JwtIssuer jwt;

	private final boolean containers;

	private TestInfrastructure(boolean containers) {
		this.containers = containers;
		this.jwt = new JwtIssuer();
		if (containers) {
			MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
			KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
			mongo.start();
			kafka.start();
			this.mongoAddress = mongo.getHost() + ":" + mongo.getFirstMappedPort();
			this.kafkaBootstrapServers = kafka.getBootstrapServers();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				kafka.stop();
				mongo.stop();
			}));
		}
		else {
			MongoServer mongo = new MongoServer(new MemoryBackend());
			mongo.bind("127.0.0.1", 0);
			this.mongoAddress = "127.0.0.1:" + mongo.getLocalAddress().getPort();
			EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
			kafka.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions", "3",
					"offsets.topic.replication.factor", "1", "transaction.state.log.replication.factor", "1",
					"transaction.state.log.min.isr", "1"));
			kafka.afterPropertiesSet();
			this.kafkaBootstrapServers = kafka.getBrokersAsString();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				kafka.destroy();
				mongo.shutdownNow();
			}));
		}
		Runtime.getRuntime().addShutdownHook(new Thread(this.jwt::close));
		log.info("Test infrastructure ({}): MongoDB {}, Kafka {}, JWT issuer {}",
				containers ? "Testcontainers" : "embedded", this.mongoAddress, this.kafkaBootstrapServers,
				this.jwt.issuer());
	}

	public static TestInfrastructure get() {
		TestInfrastructure current = instance;
		if (current == null) {
			synchronized (TestInfrastructure.class) {
				current = instance;
				if (current == null) {
					current = new TestInfrastructure(useContainers());
					instance = current;
				}
			}
		}
		return current;
	}

	private static boolean useContainers() {
		String forced = System.getenv("VNEID_TEST_INFRA");
		if ("embedded".equalsIgnoreCase(forced)) {
			return false;
		}
		if ("docker".equalsIgnoreCase(forced)) {
			return true;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	/** A connection string to a database of its own on the shared server. */
	public String mongoUri(String database) {
		return "mongodb://" + this.mongoAddress + "/" + database;
	}

	public String kafkaBootstrapServers() {
		return this.kafkaBootstrapServers;
	}

	public JwtIssuer jwt() {
		return this.jwt;
	}

	public boolean usesContainers() {
		return this.containers;
	}

}
