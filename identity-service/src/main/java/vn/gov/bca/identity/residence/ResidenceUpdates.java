package vn.gov.bca.identity.residence;

import java.time.LocalDate;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.gov.bca.identity.registry.Address;
import vn.gov.bca.identity.registry.Citizen;
import vn.gov.bca.identity.registry.CitizenRegistry;
import vn.gov.bca.identity.registry.Household;
import vn.gov.bca.platform.data.consumer.IncomingEvent;
import vn.gov.bca.platform.data.consumer.ProcessedEvents;
import vn.gov.bca.platform.web.client.ServiceClients;

/**
 * Keeps the population registry in step with the residence register: on each registration event of
 * {@code residence.events.v1} (once per event; in order per person, the events being keyed by the
 * person's file), the person's current residence is read from residence-service with this service's
 * account — the events carry no personal data — and the permanent address and household, or the
 * temporary address, written into the citizen's record. Reading the current state rather than the
 * event's makes a redelivered or late event harmless.
 */
@Component
class ResidenceUpdates {

	static final String CONSUMER = "registry-follows-residence";

	private static final Set<String> PERMANENT = Set.of("PermanentResidenceRegistered");

	private static final Set<String> TEMPORARY = Set.of("TemporaryResidenceRegistered", "TemporaryResidenceRenewed");

	private static final Logger log = LoggerFactory.getLogger(ResidenceUpdates.class);

	private final ProcessedEvents processed;

	private final ServiceClients clients;

	private final CitizenRegistry registry;

	ResidenceUpdates(ProcessedEvents processed, ServiceClients clients, CitizenRegistry registry) {
		this.processed = processed;
		this.clients = clients;
		this.registry = registry;
	}

	/** residence-service's {@code CurrentResidence}: the contract of its internal endpoint. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CurrentResidence(String personalId, Permanent permanent, Temporary temporary) {

		@JsonIgnoreProperties(ignoreUnknown = true)
		record Place(String provinceCode, String commune, String detail) {
		}

		@JsonIgnoreProperties(ignoreUnknown = true)
		record Member(String householdId, String headPersonalId, Household.Relation relationToHead) {
		}

		@JsonIgnoreProperties(ignoreUnknown = true)
		record Permanent(Place address, Member household, LocalDate since) {
		}

		@JsonIgnoreProperties(ignoreUnknown = true)
		record Temporary(Place address, LocalDate since, LocalDate until) {
		}

	}

	@KafkaListener(topics = "residence.events.v1", groupId = "identity-service.residence")
	Mono<Void> on(ConsumerRecord<String, String> record) {
		// Most of the topic is not the register's (stays, foreigners, dossiers): skipped before anything
		// is claimed, so they cost the registry no database work.
		String type = IncomingEvent.simpleTypeOf(record);
		boolean permanent = PERMANENT.contains(type) || type.equals("ResidenceDeleted");
		boolean temporary = TEMPORARY.contains(type) || type.equals("ResidenceDeleted");
		if (!permanent && !temporary || record.key() == null) {
			return Mono.empty();
		}
		return this.processed.handleOnce(CONSUMER, record, (event) -> this.clients.get("residence-service")
			.get("/internal/residence/residents/{reference}", CurrentResidence.class, (headers) -> {
			}, record.key())
			.switchIfEmpty(Mono.fromRunnable(
					() -> log.warn("Residence event {}: residence-service has no file {}", event.id(), record.key())))
			.flatMap((current) -> this.registry.followResidence(current.personalId(), update(current, permanent,
					temporary)))
			.then()).then();
	}

	private Citizen.ResidenceUpdate update(CurrentResidence current, boolean permanent, boolean temporary) {
		CurrentResidence.Permanent home = current.permanent();
		CurrentResidence.Temporary stay = current.temporary();
		return new Citizen.ResidenceUpdate(permanent, (home != null) ? address(home.address()) : null,
				(home != null && home.household() != null) ? new Household(home.household().householdId(),
						home.household().headPersonalId(), home.household().relationToHead()) : null,
				temporary, (stay != null) ? address(stay.address()) : null);
	}

	/** The register's address, written out as the registry records addresses: house, commune, province. */
	private Address address(CurrentResidence.Place place) {
		String province = this.registry.provinceName(place.provinceCode()).orElse(place.provinceCode());
		return new Address(place.detail() + ", " + place.commune() + ", " + province, place.provinceCode(),
				place.commune(), place.detail());
	}

}
