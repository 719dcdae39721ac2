package vn.gov.bca.residence.register;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.annotation.Id;

import vn.gov.bca.platform.data.outbox.DomainEvent;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.dossier.Address;

/**
 * One person's file in the residence register (Project 06: the register is the result, no book is
 * issued): every permanent and temporary residence and absence of theirs, current or past, with its
 * household, period and the dossier or decision behind it. Nothing is removed: a residence that
 * ends is kept with the day and the reason. At most one permanent and one temporary residence is
 * current. Each transition is idempotent by its entry id (a dossier's follow-up may run twice) and
 * returns its events.
 */
public final class ResidentFile {

	private static final SecureRandom RANDOM = new SecureRandom();

	@Id
	private String personalId;

	/** The opaque id of the file in events and the internal API. */
	private String reference;

	private List<Entry> entries = new ArrayList<>();

	long version;

	public enum Kind {

		PERMANENT, TEMPORARY, ABSENCE

	}

	public enum State {

		CURRENT, ENDED, DELETED

	}

	/** A household as the register records a member: its number, its head, the member's relation to the head. */
	public record Household(String householdId, String headPersonalId, Relation relationToHead) {
	}

	/**
	 * One residence (or absence) of the person.
	 *
	 * @param id the dossier's code and the person's place in it ({@code PC06-HN-261201-0001/0})
	 * @param until the last day (temporary, absence); null for permanent
	 * @param endReason why it ended or was deleted (the legal ground, or the residence that replaced it)
	 * @param endedBy the dossier or confirmed proposal that ended it
	 */
	public record Entry(String id, Kind kind, Address address, Household household, LocalDate from, LocalDate until,
			String destination, String dossierCode, String unitCode, State state, LocalDate endedOn, String endReason,
			String endedBy) {

		public boolean isCurrent() {
			return this.state == State.CURRENT;
		}

		Entry ended(State state, LocalDate day, String reason, String by) {
			return new Entry(this.id, this.kind, this.address, this.household, this.from, this.until, this.destination,
					this.dossierCode, this.unitCode, state, day, reason, by);
		}

		Entry until(LocalDate newUntil) {
			return new Entry(this.id, this.kind, this.address, this.household, this.from, newUntil, this.destination,
					this.dossierCode, this.unitCode, this.state, this.endedOn, this.endReason, this.endedBy);
		}

	}

	ResidentFile() {
	}

	static ResidentFile open(String personalId) {
		ResidentFile file = new ResidentFile();
		file.personalId = personalId;
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		file.reference = "R" + HexFormat.of().formatHex(bytes).toUpperCase(java.util.Locale.ROOT);
		return file;
	}

	/**
	 * Registers a permanent residence from the day given: the current permanent residence ends with
	 * it (one permanent residence, Art. 19(1)'s "nơi thường trú"), and so does a temporary residence
	 * in the same commune (Art. 29(1)(đ): registered permanently at the place of temporary residence).
	 */
	public List<DomainEvent> registerPermanent(Entry entry, Instant now) {
		if (has(entry.id())) {
			return List.of();
		}
		LocalDate day = entry.from();
		replaceCurrent(Kind.PERMANENT, day, "Đăng ký thường trú nơi mới", entry.dossierCode());
		currentOf(Kind.TEMPORARY)
			.filter((temporary) -> temporary.address().sameCommuneAs(entry.address().provinceCode(),
					entry.address().commune()))
			.ifPresent((temporary) -> replace(temporary, temporary.ended(State.DELETED, day,
					"Luật Cư trú Điều 29(1)(đ): đã đăng ký thường trú tại nơi tạm trú", entry.dossierCode())));
		this.entries.add(entry);
		return List.of(new ResidenceEvent.PermanentResidenceRegistered(UUID.randomUUID(), now, this.reference,
				entry.id(), entry.address().provinceCode(), entry.address().commune(), entry.dossierCode()));
	}

	/** Registers a temporary residence: the current one, elsewhere, ends with it (one at a time). */
	public List<DomainEvent> registerTemporary(Entry entry, Instant now) {
		if (has(entry.id())) {
			return List.of();
		}
		replaceCurrent(Kind.TEMPORARY, entry.from(), "Đăng ký tạm trú nơi mới", entry.dossierCode());
		this.entries.add(entry);
		return List.of(new ResidenceEvent.TemporaryResidenceRegistered(UUID.randomUUID(), now, this.reference,
				entry.id(), entry.address().provinceCode(), entry.address().commune(), entry.until(),
				entry.dossierCode()));
	}

	/** Moves the current temporary residence's last day; the same renewal twice changes nothing. */
	public List<DomainEvent> renewTemporary(String dossierCode, LocalDate until, Instant now) {
		Entry current = currentOf(Kind.TEMPORARY)
			.orElseThrow(() -> ApiException.conflict("residence.no-temporary-residence"));
		if (!until.isAfter(current.until())) {
			return List.of();
		}
		replace(current, current.until(until));
		return List.of(new ResidenceEvent.TemporaryResidenceRenewed(UUID.randomUUID(), now, this.reference,
				current.id(), until, dossierCode));
	}

	public List<DomainEvent> declareAbsence(Entry entry, Instant now) {
		if (has(entry.id())) {
			return List.of();
		}
		this.entries.add(entry);
		return List.of(new ResidenceEvent.AbsenceDeclared(UUID.randomUUID(), now, this.reference, entry.id(),
				entry.address().provinceCode(), entry.from(), entry.until(), entry.dossierCode()));
	}

	/**
	 * Deletes the current residence of that kind, with its legal ground and who decided (a dossier, a
	 * confirmed proposal). Deleting what is no longer current changes nothing; nothing to delete is a 409.
	 */
	public List<DomainEvent> delete(Kind kind, String entryId, LocalDate day, String ground, String decidedBy,
			Instant now) {
		Optional<Entry> current = currentOf(kind).filter((entry) -> entryId == null || entry.id().equals(entryId));
		if (current.isEmpty()) {
			if (this.entries.stream()
				.anyMatch((entry) -> entry.state() == State.DELETED && decidedBy.equals(entry.endedBy()))) {
				return List.of();
			}
			throw ApiException.conflict("residence.nothing-to-delete");
		}
		Entry entry = current.get();
		replace(entry, entry.ended(State.DELETED, day, ground, decidedBy));
		return List.of(new ResidenceEvent.ResidenceDeleted(UUID.randomUUID(), now, this.reference, entry.id(), kind,
				entry.address().provinceCode(), ground, decidedBy));
	}

	private void replaceCurrent(Kind kind, LocalDate day, String reason, String by) {
		currentOf(kind).ifPresent((previous) -> replace(previous, previous.ended(State.ENDED, day, reason, by)));
	}

	private void replace(Entry old, Entry replacement) {
		this.entries.set(this.entries.indexOf(old), replacement);
	}

	private boolean has(String entryId) {
		return this.entries.stream().anyMatch((entry) -> entry.id().equals(entryId));
	}

	public Optional<Entry> currentOf(Kind kind) {
		return this.entries.stream().filter((entry) -> entry.kind() == kind && entry.isCurrent()).findFirst();
	}

	public Optional<Entry> entry(String id) {
		return this.entries.stream().filter((entry) -> entry.id().equals(id)).findFirst();
	}

	public String personalId() {
		return this.personalId;
	}

	public String reference() {
		return this.reference;
	}

	/** The file's version: a confirmation issued for one version states what the register held then. */
	public long version() {
		return this.version;
	}

	public List<Entry> entries() {
		return List.copyOf(this.entries);
	}

}
