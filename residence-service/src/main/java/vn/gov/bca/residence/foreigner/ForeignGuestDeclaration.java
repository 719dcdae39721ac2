package vn.gov.bca.residence.foreigner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;

import vn.gov.bca.platform.data.outbox.DomainEvent;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.IllegalTransitionException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.dossier.Address;

/**
 * One declaration of foreigners' temporary residence (khai báo tạm trú cho người nước ngoài, form
 * NA17) by an accommodation establishment: the guests it accepted, each with its deadline and
 * whether it was met, stored as one document so that a list of up to 1,000 guests is written whole
 * or not at all. A guest's departure is declared later on the same record.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class ForeignGuestDeclaration {

	enum Status {

		STAYING, DEPARTED

	}

	@Id
	private String id;

	private String establishmentId;

	private String establishmentName;

	private Address address;

	private boolean remoteArea;

	private String declaredBy;

	private Instant declaredAt;

	private List<Guest> guests;

	@JsonIgnore
	long version;

	/**
	 * @param nationality ISO 3166-1 alpha-2
	 * @param visa the visa or temporary residence card number, null for a visa exemption
	 */
	public record Guest(String passportNumber, String nationality, String fullName, LocalDate birthDate, String sex,
			String visa, LocalDate entryDate, String room, Instant arrivedAt, LocalDate plannedDeparture,
			Instant deadline, boolean onTime, Instant departedAt) {

		Guest departed(Instant at) {
			return new Guest(passportNumber, nationality, fullName, birthDate, sex, visa, entryDate, room, arrivedAt,
					plannedDeparture, deadline, onTime, at);
		}

		boolean is(String passport, String country) {
			return this.passportNumber.equals(passport) && this.nationality.equals(country);
		}

	}

	public sealed interface ForeignGuestEvent extends DomainEvent {

	}

	/** Counts only: no passport, name or nationality. */
	public record ForeignGuestsDeclared(UUID eventId, Instant occurredAt, String aggregateId, String establishmentId,
			String province, String commune, int guests, int late) implements ForeignGuestEvent {
	}

	public record ForeignGuestDeparted(UUID eventId, Instant occurredAt, String aggregateId, String establishmentId,
			String province, String commune) implements ForeignGuestEvent {
	}

	record Declared(ForeignGuestDeclaration declaration, ForeignGuestsDeclared event) {
	}

	ForeignGuestDeclaration() {
	}

	static Declared declare(String id, String establishmentId, String establishmentName, Address address,
			boolean remoteArea, Caller provider, List<Guest> guests, Instant now) {
		ForeignGuestDeclaration declaration = new ForeignGuestDeclaration();
		declaration.id = id;
		declaration.establishmentId = establishmentId;
		declaration.establishmentName = establishmentName;
		declaration.address = address;
		declaration.remoteArea = remoteArea;
		declaration.declaredBy = provider.personalId();
		declaration.declaredAt = now;
		declaration.guests = List.copyOf(guests);
		int late = (int) guests.stream().filter((guest) -> !guest.onTime()).count();
		return new Declared(declaration, new ForeignGuestsDeclared(UUID.randomUUID(), now, id, establishmentId,
				address.provinceCode(), address.commune(), guests.size(), late));
	}

	/** The guest of that passport left (once: 409 after; a passport not on the declaration: 404). */
	List<ForeignGuestEvent> depart(String passportNumber, String nationality, Instant at) {
		for (int i = 0; i < this.guests.size(); i++) {
			Guest guest = this.guests.get(i);
			if (guest.is(passportNumber, nationality)) {
				if (guest.departedAt() != null) {
					throw new IllegalTransitionException(Status.DEPARTED, "depart");
				}
				if (at.isBefore(guest.arrivedAt())) {
					throw new ApiException(ProblemType.UNPROCESSABLE, "foreigner.rules-broken")
						.withError("departedAt", "foreigner.departs-before-arrival");
				}
				List<Guest> changed = new ArrayList<>(this.guests);
				changed.set(i, guest.departed(at));
				this.guests = List.copyOf(changed);
				return List.of(new ForeignGuestDeparted(UUID.randomUUID(), at, this.id, this.establishmentId,
						this.address.provinceCode(), this.address.commune()));
			}
		}
		throw ApiException.notFound("foreign-guest");
	}

	public String id() {
		return this.id;
	}

	public String establishmentId() {
		return this.establishmentId;
	}

	public String establishmentName() {
		return this.establishmentName;
	}

	public Address address() {
		return this.address;
	}

	public boolean remoteArea() {
		return this.remoteArea;
	}

	public Instant declaredAt() {
		return this.declaredAt;
	}

	public List<Guest> guests() {
		return this.guests;
	}

}
