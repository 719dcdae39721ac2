package vn.gov.bca.residence.establishment;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;

import vn.gov.bca.platform.data.outbox.DomainEvent;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.dossier.Address;

/**
 * An accommodation establishment (cơ sở lưu trú: a hotel, a guest house, a hostel) as the commune
 * police register it: its name, business licence, address, whether the province counts its area as
 * remote (foreigners' declarations then have 24 hours instead of 12), and the people who operate it
 * and so may notify its guests' stays (role {@code accommodation-provider} and their personal id).
 * Registered by an officer of its province.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class Establishment {

	public static final String PROVIDER = "accommodation-provider";

	@Id
	private String id;

	private String name;

	private String licence;

	private Address address;

	private boolean remoteArea;

	private Set<String> operators;

	private String registeredBy;

	private Instant registeredAt;

	@JsonIgnore
	long version;

	public sealed interface EstablishmentEvent extends DomainEvent {

	}

	/** No operator's personal id. */
	public record EstablishmentRegistered(UUID eventId, Instant occurredAt, String aggregateId, String province,
			String commune, boolean remoteArea) implements EstablishmentEvent {
	}

	record Registered(Establishment establishment, EstablishmentRegistered event) {
	}

	Establishment() {
	}

	static Registered register(String id, Establishments.EstablishmentRequest request, Caller officer, Instant now) {
		officer.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR).requireOfficerOf(request.address().provinceCode());
		Establishment establishment = new Establishment();
		establishment.id = id;
		establishment.name = request.name().strip();
		establishment.licence = request.licence().strip();
		establishment.address = request.address();
		establishment.remoteArea = Boolean.TRUE.equals(request.remoteArea());
		establishment.operators = Set.copyOf(request.operators());
		establishment.registeredBy = officer.subject();
		establishment.registeredAt = now;
		return new Registered(establishment, new EstablishmentRegistered(UUID.randomUUID(), now, id,
				request.address().provinceCode(), request.address().commune(), establishment.remoteArea));
	}

	/** One of its operators: an accommodation provider whose personal id it lists. */
	public boolean isOperatedBy(Caller caller) {
		return caller.hasRole(PROVIDER) && caller.personalId() != null && this.operators.contains(caller.personalId());
	}

	/** Its operators, and officers of its province (403 for another's); 404 to anyone else. */
	void requireVisibleTo(Caller caller) {
		caller.requireSelfOrOfficerOf(isOperatedBy(caller), this.address.provinceCode(), "establishment");
	}

	public String id() {
		return this.id;
	}

	public String name() {
		return this.name;
	}

	public String licence() {
		return this.licence;
	}

	public Address address() {
		return this.address;
	}

	public boolean remoteArea() {
		return this.remoteArea;
	}

	public List<String> operators() {
		return List.copyOf(this.operators);
	}

	public Instant registeredAt() {
		return this.registeredAt;
	}

}
