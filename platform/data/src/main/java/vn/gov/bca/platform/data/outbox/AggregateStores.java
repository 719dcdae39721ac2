package vn.gov.bca.platform.data.outbox;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Creates the {@link AggregateStore} of each aggregate collection and registers it with the relay. */
public class AggregateStores {

	private final ReactiveMongoTemplate mongo;

	private final OutboxRelay relay;

	private final JsonMapper json;

	private final OutboxProperties properties;

	public AggregateStores(ReactiveMongoTemplate mongo, OutboxRelay relay, JsonMapper json,
			OutboxProperties properties) {
		this.mongo = mongo;
		this.relay = relay;
		this.json = json;
		this.properties = properties;
	}

	public <T> AggregateStore<T> forCollection(Class<T> type, String collection) {
		this.relay.register(collection);
		return new AggregateStore<>(this.mongo, this.relay, this.json, type, collection,
				this.properties.getTypePrefix());
	}

}
