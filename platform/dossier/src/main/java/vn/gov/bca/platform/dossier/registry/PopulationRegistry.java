package vn.gov.bca.platform.dossier.registry;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.client.ServiceClient;
import vn.gov.bca.platform.web.client.ServiceClients;
import vn.gov.bca.platform.web.error.ApiException;

/**
 * What a procedure service asks identity-service's population registry (Project 06: no paper for
 * what the database holds), with this service's account and a declared purpose that goes into the
 * citizen's access log. The registry answers only what the question needs: match or no match, or a
 * citizen's minimal data. An unreachable registry is a 503, never a dossier accepted unverified.
 * The records are the contract; identity-service's contract test reads them.
 */
public class PopulationRegistry {

	static final String PURPOSE_HEADER = "X-Purpose";

	private final ServiceClients clients;

	public PopulationRegistry(ServiceClients clients) {
		this.clients = clients;
	}

	/** A person as declared: the registry says whether the three belong to one citizen. */
	public record PersonCheck(String personalId, String fullName, BirthDate birthDate) {
	}

	/** Whether the registry records {@code relativePersonalId} as {@code relation} of {@code personalId}. */
	public record RelationCheck(String personalId, String relativePersonalId, Relation relation) {
	}

	public enum Relation {

		PARENT, SPOUSE

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Match(boolean match) {
	}

	/** An address as the registry holds it (the 2025 units), as recorded and in parts. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Address(String asRecorded, String provinceCode, String commune, String detail) {
	}

	public enum LifeStatus {

		ALIVE, DECEASED

	}

	/** The household a citizen belongs to: its number, its head, the citizen's relation to the head. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Household(String householdId, String headPersonalId, String relationToHead) {
	}

	/** The minimal data of one citizen the registry gives a service. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record MinimalCitizen(String personalId, String fullName, BirthDate birthDate, Sex sex,
			Address permanentAddress, Address temporaryAddress, LifeStatus lifeStatus, LocalDate dateOfDeath,
			Household household) {
	}

	/** Whether the personal id, full name and birth date (as precise as the registry holds it) match. */
	public Mono<Boolean> confirms(PersonCheck person, String purpose) {
		return registry().post("/api/identity/registry/verifications", person, Match.class,
				(headers) -> headers.set(PURPOSE_HEADER, purpose))
			.transform(PopulationRegistry::refusedIsUnavailable)
			.map(Match::match);
	}

	/** Whether the registry records the parent as the child's father or mother. */
	public Mono<Boolean> confirmsParent(String childPersonalId, String parentPersonalId, String purpose) {
		return registry()
			.post("/api/identity/registry/relations",
					new RelationCheck(childPersonalId, parentPersonalId, Relation.PARENT), Match.class,
					(headers) -> headers.set(PURPOSE_HEADER, purpose))
			.transform(PopulationRegistry::refusedIsUnavailable)
			.map(Match::match);
	}

	/** Whether the registry records the two as each other's spouse. */
	public Mono<Boolean> confirmsSpouse(String personalId, String spousePersonalId, String purpose) {
		return registry()
			.post("/api/identity/registry/relations",
					new RelationCheck(personalId, spousePersonalId, Relation.SPOUSE), Match.class,
					(headers) -> headers.set(PURPOSE_HEADER, purpose))
			.transform(PopulationRegistry::refusedIsUnavailable)
			.map(Match::match);
	}

	/** The citizen's minimal data; empty when the registry has no such citizen. */
	public Mono<MinimalCitizen> citizen(String personalId, String purpose) {
		return registry().get("/api/identity/registry/citizens/{personalId}", MinimalCitizen.class,
				(headers) -> headers.set(PURPOSE_HEADER, purpose), personalId)
			.transform(PopulationRegistry::refusedIsUnavailable);
	}

	private ServiceClient registry() {
		return this.clients.get("identity-service");
	}

	/** A refusal of the registry is this service's question at fault: logged with the 503, never a 500. */
	private static <T> Mono<T> refusedIsUnavailable(Mono<T> call) {
		return call.onErrorMap(WebClientResponseException.class,
				(refused) -> ApiException.unavailable("identity-service", refused));
	}

}
