package vn.gov.bca.platform.data.sample;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;

/** A minimal aggregate for the platform's own tests: guards its transitions and returns events. */
public class Parcel {

	@Id
	private String id;

	private String location;

	private String courier;

	private long version;

	Parcel(String id, String location, String courier, long version) {
		this.id = id;
		this.location = location;
		this.courier = courier;
		this.version = version;
	}

	public static Registration register(String id, String location) {
		Parcel parcel = new Parcel(id, location, null, 0);
		return new Registration(parcel, new ParcelEvent.ParcelRegistered(UUID.randomUUID(), Instant.now(), id, location));
	}

	public List<ParcelEvent> moveTo(String destination) {
		if (destination.equals(this.location)) {
			throw new IllegalStateException("Already at " + destination);
		}
		String from = this.location;
		this.location = destination;
		return List.of(new ParcelEvent.ParcelMoved(UUID.randomUUID(), Instant.now(), this.id, from, destination));
	}

	/** Hands the parcel to a courier, or takes it back with {@code null}. */
	public List<ParcelEvent> handTo(String courier) {
		this.courier = courier;
		return List.of(new ParcelEvent.CourierChanged(UUID.randomUUID(), Instant.now(), this.id, courier));
	}

	public String courier() {
		return this.courier;
	}

	public String id() {
		return this.id;
	}

	public String location() {
		return this.location;
	}

	public long version() {
		return this.version;
	}

	public record Registration(Parcel parcel, ParcelEvent.ParcelRegistered event) {
	}

}
