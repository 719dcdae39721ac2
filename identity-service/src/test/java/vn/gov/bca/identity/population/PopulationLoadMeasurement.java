package vn.gov.bca.identity.population;

import java.util.List;

import ch.qos.logback.classic.Level;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import vn.gov.bca.identity.registry.Citizen;
import vn.gov.bca.identity.registry.ProvinceCodes;

/**
 * How fast the synthetic population is drawn and loaded, outside the test suite (not a test: it
 * takes minutes at a million). Without a URI it loads into a mongo-java-server with the memory
 * backend in this JVM; give the URI of a running server to measure that one instead (e.g. the H2
 * server of {@code ./run}, or a real MongoDB). The real figure is the one of {@code ./run} itself:
 * the loader logs "Loaded N synthetic citizens in X s (Y per second)".
 *
 * <pre>
 * ./mvnw -o -q -pl identity-service test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * cd identity-service &amp;&amp; java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
 *     vn.gov.bca.identity.population.PopulationLoadMeasurement 1000000 [mongodb://localhost:27017]
 * </pre>
 */
final class PopulationLoadMeasurement {

	private PopulationLoadMeasurement() {
	}

	public static void main(String[] args) {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(PopulationLoader.class)).setLevel(Level.INFO);
		int size = (args.length > 0) ? Integer.parseInt(args[0]) : 100_000;
		long seed = SyntheticPopulation.DEFAULT_SEED;
		SyntheticPopulation population = SyntheticPopulation.of(seed, DemoCitizens.load().personalIds());

		long began = System.nanoTime();
		SyntheticPopulation.Cursor cursor = population.cursor(0);
		while (cursor.position() < size) {
			cursor.next((int) Math.min(PopulationLoader.BATCH_SIZE, size - cursor.position()));
		}
		report("drawn", size, began);

		ProvinceCodes birthProvinces = ProvinceCodes.birthRegistration();
		ProvinceCodes provinces = ProvinceCodes.current();
		began = System.nanoTime();
		cursor = population.cursor(0);
		while (cursor.position() < size) {
			List<Citizen.NewCitizen> batch = cursor
				.next((int) Math.min(PopulationLoader.BATCH_SIZE, size - cursor.position()));
			batch.forEach((citizen) -> Citizen.register(citizen, birthProvinces, provinces, java.time.Clock.systemUTC()));
		}
		report("drawn and checked by Citizen.register", size, began);

		MongoServer server = null;
		String uri = (args.length > 1) ? args[1] : null;
		if (uri == null) {
			server = new MongoServer(new MemoryBackend());
			uri = "mongodb://127.0.0.1:" + server.bind().getPort();
		}
		try (MongoClient client = MongoClients.create(uri)) {
			ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "population-measurement");
			mongo.getMongoDatabase().flatMap((database) -> reactor.core.publisher.Mono.from(database.drop())).block();
			began = System.nanoTime();
			long inserted = new PopulationLoader(mongo, new vn.gov.bca.platform.data.bulk.BulkLoader(mongo), size, seed,
					java.time.Clock.systemUTC()).load().block();
			report("loaded into " + ((server != null) ? "mongo-java-server (memory, this JVM)" : uri), inserted, began);
		}
		finally {
			if (server != null) {
				server.shutdownNow();
			}
		}
	}

	private static void report(String what, long count, long began) {
		double seconds = (System.nanoTime() - began) / 1e9;
		System.out.printf("%,d citizens %s in %.1f s: %,.0f per second%n", count, what, seconds, count / seconds);
	}

}
