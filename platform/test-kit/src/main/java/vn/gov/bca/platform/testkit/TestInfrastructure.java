package vn.gov.bca.platform.testkit;

import java.util.Map;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The real infrastructure integration tests run against, one of each per test JVM: a Kafka
 * broker, a MongoDB server and a JWT issuer shaped like the vneid realm. Where a Docker engine
 * answers, Kafka and MongoDB are the real images (Testcontainers); otherwise an embedded KRaft
 * broker and mongo-java-server (MongoDB wire protocol) in this JVM. {@code VNEID_TEST_INFRA=embedded}
 * or {@code docker} forces one path. Each part starts on first use and stops when the JVM ends.
 */
public final class TestInfrastructure {

	private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

	static final String MONGO_IMAGE = "mongo:8.0";

	static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

	private static final TestInfrastructure INSTANCE = new TestInfrastructure(useContainers());

	private final boolean containers;

	private final Lazy<String> mongoAddress;

	private final Lazy<String> kafkaBootstrapServers;

	private final Lazy<JwtIssuer> jwt;

	private TestInfrastructure(boolean containers) {
		this.containers = containers;
		this.mongoAddress = new Lazy<>(containers ? TestInfrastructure::mongoContainer : TestInfrastructure::embeddedMongo);
		this.kafkaBootstrapServers = new Lazy<>(
				containers ? TestInfrastructure::kafkaContainer : TestInfrastructure::embeddedKafka);
		this.jwt = new Lazy<>(() -> {
			JwtIssuer issuer = new JwtIssuer();
			Runtime.getRuntime().addShutdownHook(new Thread(issuer::close));
			return issuer;
		});
	}

	public static TestInfrastructure get() {
		return INSTANCE;
	}

	/** A connection string to a database of its own on the shared server. */
	public String mongoUri(String database) {
		return "mongodb://" + this.mongoAddress.get() + "/" + database;
	}

	public String kafkaBootstrapServers() {
		return this.kafkaBootstrapServers.get();
	}

	public JwtIssuer jwt() {
		return this.jwt.get();
	}

	public boolean usesContainers() {
		return this.containers;
	}

	private static String mongoContainer() {
		MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
		mongo.start();
		Runtime.getRuntime().addShutdownHook(new Thread(mongo::stop));
		log.info("Test MongoDB: container {}", MONGO_IMAGE);
		return mongo.getHost() + ":" + mongo.getFirstMappedPort();
	}

	private static String embeddedMongo() {
		MongoServer mongo = new MongoServer(new MemoryBackend());
		mongo.bind("127.0.0.1", 0);
		Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
		log.info("Test MongoDB: embedded mongo-java-server");
		return "127.0.0.1:" + mongo.getLocalAddress().getPort();
	}

	private static String kafkaContainer() {
		KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
		kafka.start();
		Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop));
		log.info("Test Kafka: container {}", KAFKA_IMAGE);
		return kafka.getBootstrapServers();
	}

	private static String embeddedKafka() {
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
		kafka.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions", "3",
				"offsets.topic.replication.factor", "1", "transaction.state.log.replication.factor", "1",
				"transaction.state.log.min.isr", "1"));
		kafka.afterPropertiesSet();
		Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
		log.info("Test Kafka: embedded KRaft broker");
		return kafka.getBrokersAsString();
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

	private static final class Lazy<T> {

		private final Supplier<T> supplier;

		private volatile T value;

		Lazy(Supplier<T> supplier) {
			this.supplier = supplier;
		}

		T get() {
			T current = this.value;
			if (current == null) {
				synchronized (this) {
					current = this.value;
					if (current == null) {
						current = this.supplier.get();
						this.value = current;
					}
				}
			}
			return current;
		}

	}

}
