package vn.gov.bca.residence.stay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;

import vn.gov.bca.platform.data.outbox.DomainEvent;
import vn.gov.bca.platform.dossier.registry.BirthDate;
import vn.gov.bca.platform.dossier.Address;

/**
 * A stay notification (thông báo lưu trú, Law on Residence 68/2020/QH14 Art. 30): a host (a member
 * of the household, or an accommodation establishment) tells the commune police that guests stay at
 * an address, for a reason, from their arrival until a day less than 30 days later. Accepted at once,
 * with no officer's step; one notified after its deadline ({@link StayDeadline}) is recorded as late.
 * One notification is one arrival: all its guests are written together or not at all.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class StayNotification {

	@Id
	private String id;

	private Host host;

	private Address address;

	private String reason;

	private Instant arrivedAt;

	private LocalDate departsOn;

	private List<Guest> guests;

	private Instant notifiedAt;

	private Instant deadline;

	private boolean onTime;

	@JsonIgnore
	long version;

	/**
	 * Who notified: a citizen host living at the address ({@code establishmentId} null), or an
	 * operator of the establishment; {@code subject} (the account) is kept, never shown.
	 */
	public record Host(String personalId, String fullName, String establishmentId, String establishmentName,
			@JsonIgnore String subject) {
	}

	/** A guest, by personal id (checked in the registry) or by Vietnamese passport number. */
	public record Guest(String personalId, String passportNumber, String fullName, BirthDate birthDate) {
	}

	/** No guest's or host's personal data: where, when, how many, on time or not. */
	public record StayNotified(UUID eventId, Instant occurredAt, String aggregateId, String province, String commune,
			String establishmentId, int guests, Instant arrivedAt, LocalDate departsOn, boolean onTime)
			implements DomainEvent {
	}

	record Notified(StayNotification notification, StayNotified event) {
	}

	StayNotification() {
	}

	static Notified notify(String id, Host host, Address address, String reason, Instant arrivedAt,
			LocalDate departsOn, List<Guest> guests, Instant now) {
		StayNotification stay = new StayNotification();
		stay.id = id;
		stay.host = host;
		stay.address = address;
		stay.reason = reason;
		stay.arrivedAt = arrivedAt;
		stay.departsOn = departsOn;
		stay.guests = List.copyOf(guests);
		stay.notifiedAt = now;
		stay.deadline = StayDeadline.of(arrivedAt);
		stay.onTime = StayDeadline.onTime(arrivedAt, now);
		return new Notified(stay, new StayNotified(UUID.randomUUID(), now, id, address.provinceCode(),
				address.commune(), host.establishmentId(), guests.size(), arrivedAt, departsOn, stay.onTime));
	}

	public String id() {
		return this.id;
	}

	public Host host() {
		return this.host;
	}

	public Address address() {
		return this.address;
	}

	public String reason() {
		return this.reason;
	}

	public Instant arrivedAt() {
		return this.arrivedAt;
	}

	public LocalDate departsOn() {
		return this.departsOn;
	}

	public List<Guest> guests() {
		return this.guests;
	}

	public Instant notifiedAt() {
		return this.notifiedAt;
	}

	public Instant deadline() {
		return this.deadline;
	}

	public boolean onTime() {
		return this.onTime;
	}

}
