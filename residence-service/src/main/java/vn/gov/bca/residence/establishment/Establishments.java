package vn.gov.bca.residence.establishment;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.dossier.Address;

/**
 * The accommodation establishments of the residence database: registered by an officer of their
 * province, seen by their operators (their own) and the province's officers.
 */
@RestController
@RequestMapping("/api/residence/establishments")
public class Establishments {

	static final String COLLECTION = "residence_establishments";

	/**
	 * The most establishments {@code /mine} lists: a provider runs one or a few, a chain's operator
	 * perhaps dozens; the bound keeps the answer (and MongoDB's reply) small whatever is recorded.
	 */
	static final int MAX_MINE = 100;

	private final AggregateStore<Establishment> store;

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	Establishments(AggregateStores stores, ReactiveMongoTemplate mongo, Clock clock) {
		this.store = stores.forCollection(Establishment.class, COLLECTION);
		this.mongo = mongo;
		this.clock = clock;
		mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("operators", Sort.Direction.ASC).named("operators"))
			.subscribe(null, (ex) -> LoggerFactory.getLogger(Establishments.class).warn("No operators index: {}", ex.toString()));
	}

	/**
	 * @param licence the business registration or licence number
	 * @param remoteArea whether the province counts the establishment's area as remote (absent: no)
	 * @param operators the personal ids of the people who notify its guests
	 */
	public record EstablishmentRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 50) String licence,
			@NotNull @Valid Address address, Boolean remoteArea,
			@NotEmpty @Size(max = 20) Set<@NotBlank @Pattern(regexp = "[0-9]{12}") String> operators) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Establishment> register(@Valid @RequestBody EstablishmentRequest request, Caller officer) {
		Establishment.Registered registered = Establishment.register("CSLT-" + UUID.randomUUID(), request, officer,
				this.clock.instant());
		return this.store.insert(registered.establishment(), List.of(registered.event()));
	}

	/** The establishments the calling accommodation provider operates, by id, at most {@link #MAX_MINE}. */
	@GetMapping("/mine")
	Mono<List<Establishment>> mine(Caller caller) {
		caller.requireAnyRole(Establishment.PROVIDER);
		return this.mongo.find(Query.query(Criteria.where("operators").is(caller.personalId()))
			.with(Sort.by("_id"))
			.limit(MAX_MINE), Establishment.class, COLLECTION).collectList();
	}

	@GetMapping("/{id}")
	Mono<Establishment> establishment(@PathVariable String id, Caller caller) {
		return find(id).map((establishment) -> {
			establishment.requireVisibleTo(caller);
			return establishment;
		});
	}

	/** The establishment; 404 when there is none. */
	public Mono<Establishment> find(String id) {
		return this.store.findById(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("establishment")));
	}

	/** Stores an establishment registered by other means (the demo data), with its event. */
	Mono<Establishment> insert(Establishment.Registered registered) {
		return this.store.insert(registered.establishment(), List.of(registered.event()));
	}

	Mono<Boolean> exists(String id) {
		return this.store.findById(id).hasElement();
	}

}
