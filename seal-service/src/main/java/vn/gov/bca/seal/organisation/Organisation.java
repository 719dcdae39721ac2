package vn.gov.bca.seal.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;

import vn.gov.bca.platform.data.outbox.DomainEvent;
import vn.gov.bca.platform.dossier.Address;
import vn.gov.bca.platform.dossier.HandlingUnits;
import vn.gov.bca.platform.dossier.catalogue.AgencyLevel;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;

/**
 * An organisation of the seal register (Decree 99/2016 Art. 5): its name, category, the document that
 * founded or licensed it, its head office in the 2025 units, the police level that registers its
 * seals, and who acts for it. Its head as the founding data names them is its representative; anyone
 * else acts for it by a mandate (giấy giới thiệu, văn bản ủy quyền) an officer recorded, for the
 * period the mandate says. Recorded and changed by an officer of the unit that handles it: the
 * province of its head office (PC06) or, for a central body, the central department (C06, province
 * {@value HandlingUnits#CENTRAL_PROVINCE}).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class Organisation {

	public static final String REPRESENTATIVE = "organisation-representative";

	@Id
	private String id;

	private String name;

	private String category;

	private FoundingDocument founding;

	private Address headOffice;

	private AgencyLevel level;

	private SpecialSeals specialSeals;

	private Person head;

	private List<Mandate> mandates = new ArrayList<>();

	private String registeredBy;

	private Instant registeredAt;

	@JsonIgnore
	long version;

	/** The decision, licence or recognition that founded it: its number, date and issuing authority. */
	public record FoundingDocument(String number, LocalDate date, String issuer) {
	}

	/**
	 * Whether it may use embossed, miniature and wax seals: only when a legal document lets it issue
	 * diplomas, certificates or photo-bearing papers, or seal documents ({@code basis} names it).
	 */
	public record SpecialSeals(boolean allowed, String basis) {
	}

	public record Person(String personalId, String fullName) {
	}

	/** A mandate to act for the organisation: by whom it was recorded, from which document, for when. */
	public record Mandate(String id, String personalId, String fullName, String document, LocalDate from,
			LocalDate until, String recordedBy, Instant recordedAt, Instant revokedAt, String revokedBy) {

		boolean activeOn(LocalDate day) {
			return this.revokedAt == null && !day.isBefore(this.from) && (this.until == null || !day.isAfter(this.until));
		}

	}

	public sealed interface OrganisationEvent extends DomainEvent {

	}

	/** No personal id in the events: who acts for it is the register's, not the topic's. */
	public record OrganisationRegistered(UUID eventId, Instant occurredAt, String aggregateId, String category,
			AgencyLevel level, String province) implements OrganisationEvent {
	}

	public record MandateRecorded(UUID eventId, Instant occurredAt, String aggregateId, String mandateId,
			LocalDate until) implements OrganisationEvent {
	}

	public record MandateRevoked(UUID eventId, Instant occurredAt, String aggregateId, String mandateId)
			implements OrganisationEvent {
	}

	record Registered(Organisation organisation, OrganisationRegistered event) {
	}

	Organisation() {
	}

	static Registered register(String id, Organisations.OrganisationRequest request,
			OrganisationCategories.Category category, Caller officer, Instant now) {
		if (!category.levels().contains(request.level())) {
			throw new ApiException(vn.gov.bca.platform.web.error.ProblemType.UNPROCESSABLE,
					"organisation.level-not-of-category", category.nameVi())
				.withError("level", "organisation.level-not-of-category", category.nameVi());
		}
		Organisation organisation = new Organisation();
		organisation.id = id;
		organisation.name = request.name().strip();
		organisation.category = category.code();
		organisation.founding = new FoundingDocument(request.foundingDocument().number().strip(),
				request.foundingDocument().date(), request.foundingDocument().issuer().strip());
		organisation.headOffice = request.headOffice();
		organisation.level = request.level();
		organisation.specialSeals = new SpecialSeals(Boolean.TRUE.equals(request.specialSealsAllowed()),
				blankToNull(request.specialSealsBasis()));
		organisation.head = new Person(request.headPersonalId(), request.headFullName().strip());
		organisation.requireHandler(officer);
		organisation.registeredBy = officer.subject();
		organisation.registeredAt = now;
		return new Registered(organisation, new OrganisationRegistered(UUID.randomUUID(), now, id, category.code(),
				request.level(), organisation.handlingProvince()));
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/** The province whose officers handle it: its head office's, or the nationwide level for a central body. */
	public String handlingProvince() {
		return (this.level == AgencyLevel.CENTRAL) ? HandlingUnits.CENTRAL_PROVINCE : this.headOffice.provinceCode();
	}

	/** An officer or supervisor of the unit that handles it (403 otherwise). */
	void requireHandler(Caller officer) {
		officer.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR).requireOfficerOf(handlingProvince());
	}

	/** A mandate recorded by an officer of its unit: one active mandate per person. */
	MandateRecorded recordMandate(Organisations.MandateRequest request, Caller officer, Instant now, LocalDate today) {
		requireHandler(officer);
		if (request.until() != null && request.until().isBefore(request.from())) {
			throw new ApiException(vn.gov.bca.platform.web.error.ProblemType.VALIDATION, "validation")
				.withError("until", "organisation.mandate-period-invalid");
		}
		if (this.mandates.stream()
			.anyMatch((mandate) -> mandate.personalId().equals(request.personalId()) && mandate.revokedAt() == null
					&& (mandate.until() == null || !mandate.until().isBefore(today)))) {
			throw ApiException.conflict("organisation.mandate-exists");
		}
		Mandate mandate = new Mandate(UUID.randomUUID().toString(), request.personalId(), request.fullName().strip(),
				request.document().strip(), request.from(), request.until(), officer.subject(), now, null, null);
		this.mandates.add(mandate);
		return new MandateRecorded(UUID.randomUUID(), now, this.id, mandate.id(), mandate.until());
	}

	MandateRevoked revokeMandate(String mandateId, Caller officer, Instant now) {
		requireHandler(officer);
		Mandate mandate = this.mandates.stream()
			.filter((candidate) -> candidate.id().equals(mandateId))
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("mandate"));
		if (mandate.revokedAt() != null) {
			throw ApiException.conflict("organisation.mandate-revoked");
		}
		this.mandates.set(this.mandates.indexOf(mandate), new Mandate(mandate.id(), mandate.personalId(),
				mandate.fullName(), mandate.document(), mandate.from(), mandate.until(), mandate.recordedBy(),
				mandate.recordedAt(), now, officer.subject()));
		return new MandateRevoked(UUID.randomUUID(), now, this.id, mandateId);
	}

	/** The person acting for it that day, by the founding data (its head) or an active mandate; empty otherwise. */
	public Optional<Person> representative(String personalId, LocalDate day) {
		if (personalId == null) {
			return Optional.empty();
		}
		if (personalId.equals(this.head.personalId())) {
			return Optional.of(this.head);
		}
		return this.mandates.stream()
			.filter((mandate) -> mandate.personalId().equals(personalId) && mandate.activeOn(day))
			.findFirst()
			.map((mandate) -> new Person(mandate.personalId(), mandate.fullName()));
	}

	/** A representative of the organisation that day, or an officer of its unit (403 for another unit); 404 to anyone else. */
	public void requireVisibleTo(Caller caller, LocalDate day) {
		boolean represents = caller.hasRole(REPRESENTATIVE) && representative(caller.personalId(), day).isPresent();
		caller.requireSelfOrOfficerOf(represents, handlingProvince(), "organisation");
	}

	public String id() {
		return this.id;
	}

	public String name() {
		return this.name;
	}

	public String category() {
		return this.category;
	}

	public FoundingDocument founding() {
		return this.founding;
	}

	public Address headOffice() {
		return this.headOffice;
	}

	public AgencyLevel level() {
		return this.level;
	}

	public SpecialSeals specialSeals() {
		return this.specialSeals;
	}

	public Person head() {
		return this.head;
	}

	public List<Mandate> mandates() {
		return List.copyOf(this.mandates);
	}

	public Instant registeredAt() {
		return this.registeredAt;
	}

}
