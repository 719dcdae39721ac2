package vn.gov.bca.identity.population;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import vn.gov.bca.identity.registry.Citizen;
import vn.gov.bca.identity.registry.CitizenRegistry;
import vn.gov.bca.identity.registry.ProvinceCodes;
import vn.gov.bca.platform.data.bulk.BulkLoad;
import vn.gov.bca.platform.data.bulk.BulkLoader;

/**
 * Fills the registry once the service is ready, in the background (the service answers meanwhile):
 * the demo citizens when they are absent, then, if {@code vneid.identity.population.synthetic-size}
 * ({@code IDENTITY_SYNTHETIC_POPULATION}) is above 0, that many citizens of the
 * {@link SyntheticPopulation} of {@code vneid.identity.population.seed}.
 *
 * <p>This is an import of records that exist elsewhere, not a registration: each record still passes
 * {@link Citizen#register}'s rules and is written exactly as the registry writes a citizen (the
 * template's converter), but through the platform's {@link BulkLoader} in unordered batches of
 * {@value #BATCH_SIZE}, without an outbox and without {@code CitizenRegistered} events, which would
 * tell every consumer that a million people were just registered. A record already there (a demo
 * citizen, a batch written before a crash) is left as it is. Resumable: the load
 * {@code synthetic-population:<seed>} records how far it came; a restart with the same size does
 * nothing and a larger size loads only the rest.
 */
@Component
class PopulationLoader {

	static final int BATCH_SIZE = 5_000;

	private static final Logger log = LoggerFactory.getLogger(PopulationLoader.class);

	private final ReactiveMongoTemplate mongo;

	private final BulkLoader loader;

	private final long syntheticSize;

	private final long seed;

	private final DemoCitizens demo = DemoCitizens.load();

	private final ProvinceCodes birthProvinces = ProvinceCodes.birthRegistration();

	private final ProvinceCodes provinces = ProvinceCodes.current();

	private final Clock clock;

	PopulationLoader(ReactiveMongoTemplate mongo, BulkLoader loader,
			@Value("${vneid.identity.population.synthetic-size}") long syntheticSize,
			@Value("${vneid.identity.population.seed}") long seed, Clock clock) {
		this.clock = clock;
		this.mongo = mongo;
		this.loader = loader;
		this.syntheticSize = syntheticSize;
		this.seed = seed;
	}

	static String loadName(long seed) {
		return "synthetic-population:" + seed;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadInBackground() {
		load().subscribeOn(Schedulers.boundedElastic())
			.subscribe(null, (ex) -> log.error("Population load failed; the next start goes on from where it stopped",
					ex));
	}

	/** The demo citizens, then the synthetic population: the synthetic citizens written (0 if a load is running). */
	Mono<Long> load() {
		return insertDemoCitizens().then(loadSynthetic());
	}

	/** What has been loaded, and whether a load is running: a load test waits for its size here. */
	Mono<Status> status() {
		return this.loader.loads()
			.filter((load) -> load.id().startsWith("synthetic-population:"))
			.collectList()
			.map((loads) -> new Status(this.loader.isRunning(loadName(this.seed)), this.syntheticSize, this.seed,
					loads));
	}

	/**
	 * @param running whether this instance is loading now
	 * @param syntheticSize the size this instance was configured with
	 * @param seed the seed it was configured with
	 * @param loads the loads of every seed recorded in this database
	 */
	record Status(boolean running, long syntheticSize, long seed, List<BulkLoad> loads) {
	}

	private Mono<Long> insertDemoCitizens() {
		return Mono.fromCallable(() -> documents(this.demo.citizens()))
			.flatMap((documents) -> this.loader.insertMissing(CitizenRegistry.COLLECTION, documents))
			.doOnNext((inserted) -> {
				if (inserted > 0) {
					log.info("Demo citizens: {} entered in the registry", inserted);
				}
			});
	}

	private Mono<Long> loadSynthetic() {
		if (this.syntheticSize <= 0) {
			return Mono.just(0L);
		}
		long size = Math.min(this.syntheticSize, SyntheticPopulation.MAX_SIZE);
		if (size < this.syntheticSize) {
			log.warn("A synthetic population holds at most {} citizens (six serial digits); loading {}",
					SyntheticPopulation.MAX_SIZE, size);
		}
		SyntheticPopulation population = SyntheticPopulation.of(this.seed, this.demo.personalIds());
		return this.loader.load(loadName(this.seed), size, BATCH_SIZE, (from) -> {
			SyntheticPopulation.Cursor cursor = population.cursor(from);
			return (count) -> Map.of(CitizenRegistry.COLLECTION, documents(cursor.next(count)));
		});
	}

	/** The citizens as the registry stores them: through its rules and the template's converter. */
	private List<Document> documents(List<Citizen.NewCitizen> citizens) {
		List<Document> documents = new ArrayList<>(citizens.size());
		for (Citizen.NewCitizen data : citizens) {
			Citizen citizen = Citizen.register(data, this.birthProvinces, this.provinces, this.clock).citizen();
			Document document = new Document();
			this.mongo.getConverter().write(citizen, document);
			document.remove("_class");
			documents.add(document);
		}
		return documents;
	}

}
