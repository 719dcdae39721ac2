package vn.gov.bca.passport.restriction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.springframework.data.annotation.Id;

import vn.gov.bca.platform.data.outbox.DomainEvent;
import vn.gov.bca.platform.web.error.IllegalTransitionException;
import vn.gov.bca.platform.web.security.Caller;

/**
 * An exit ban (tạm hoãn xuất cảnh, Law 49/2019 Art. 21 and 36), of the province of the officer who recorded
 * it: only its supervisors lift it. Its events go on passport.events.v1 keyed by ban id, without the personal id.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class ExitBan {

	enum Status { IN_FORCE, LIFTED } // only named by the 409 of a second lift: the state is liftedAt

	@Id private String id;
	@JsonUnwrapped private Decision decision;
	private Instant liftedAt;
	@JsonIgnore long version;

	/** What the officer recorded, never changed: the point of Art. 21 applied, the last day (null: until lifted). */
	record Decision(String personalId, String legalBasis, String reason, LocalDate from, LocalDate until,
			String decidedBy, String agency, String province, Instant recordedAt) {
	}

	public sealed interface ExitBanEvent extends DomainEvent {
	}

	public record ExitBanImposed(UUID eventId, Instant occurredAt, String aggregateId, String province,
			String legalBasis, LocalDate from, LocalDate until) implements ExitBanEvent {
	}

	public record ExitBanLifted(UUID eventId, Instant occurredAt, String aggregateId, String province,
			String legalBasis, Instant liftedAt) implements ExitBanEvent {
	}

	record Imposed(ExitBan ban, ExitBanImposed event) {
	}

	/** From the day given or today, in the province named or the officer's own, which must be theirs (else 403). */
	static Imposed impose(ExitBans.BanRequest request, LocalDate today, Caller officer, Instant now) {
		String province = (request.province() != null) ? request.province() : officer.province();
		officer.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR).requireOfficerOf(province);
		ExitBan ban = new ExitBan();
		ban.id = UUID.randomUUID().toString();
		ban.decision = new Decision(request.personalId(), request.legalBasis(), request.reason(),
				(request.from() != null) ? request.from() : today, request.until(), officer.subject(),
				officer.agency(), province, now);
		return new Imposed(ban, new ExitBanImposed(UUID.randomUUID(), now, ban.id, province, request.legalBasis(),
				ban.decision.from(), request.until()));
	}

	/** By a supervisor of the ban's province (403 otherwise), once (409 after). */
	List<ExitBanEvent> lift(Caller supervisor, Instant now) {
		supervisor.requireAnyRole(Caller.SUPERVISOR).requireOfficerOf(this.decision.province());
		if (this.liftedAt != null) {
			throw new IllegalTransitionException(Status.LIFTED, "lift");
		}
		this.liftedAt = now;
		return List.of(new ExitBanLifted(UUID.randomUUID(), now, this.id, this.decision.province(),
				this.decision.legalBasis(), now));
	}

	String id() {
		return this.id;
	}

	boolean isOf(String personalId) {
		return this.decision.personalId().equals(personalId);
	}

	/** On Vietnam's days from {@code from} to {@code until}, both included, until lifted. */
	public boolean isActiveOn(LocalDate day) {
		return this.liftedAt == null && !day.isBefore(this.decision.from())
				&& (this.decision.until() == null || !day.isAfter(this.decision.until()));
	}

}
