package vn.gov.bca.seal.organisation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.dossier.Address;
import vn.gov.bca.platform.dossier.catalogue.AgencyLevel;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * The organisations register ({@code seal_organisations}): organisations are recorded by an officer
 * of the unit that handles them, from their founding data, and so are the mandates of the people who
 * act for them. A representative sees the organisations they act for; an officer those of their unit.
 */
@RestController
@RequestMapping("/api/seal")
public class Organisations {

	static final String COLLECTION = "seal_organisations";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AggregateStore<Organisation> store;

	private final ReactiveMongoTemplate mongo;

	private final OrganisationCategories categories;

	private final Clock clock;

	Organisations(AggregateStores stores, ReactiveMongoTemplate mongo, OrganisationCategories categories, Clock clock) {
		this.store = stores.forCollection(Organisation.class, COLLECTION);
		this.mongo = mongo;
		this.categories = categories;
		this.clock = clock;
	}

	/** The lookups of a representative's organisations. mongo-java-server ignores them. */
	@EventListener(ApplicationReadyEvent.class)
	void declareIndexes() {
		this.mongo.indexOps(COLLECTION)
			.createIndex(new Index().on("head.personalId", Sort.Direction.ASC).named("head"))
			.then(this.mongo.indexOps(COLLECTION)
				.createIndex(new Index().on("mandates.personalId", Sort.Direction.ASC).named("mandates")))
			.subscribe(null, (ex) -> LoggerFactory.getLogger(Organisations.class)
				.warn("Could not declare the organisations' indexes: {}", ex.toString()));
	}

	/**
	 * @param category the Art. 5 category's code ({@code GET /api/seal/organisation-categories})
	 * @param level which police level registers its seals: CENTRAL for a central body, PROVINCIAL otherwise
	 * @param specialSealsAllowed whether a legal document lets it issue diplomas, certificates or
	 * photo-bearing papers or seal documents (embossed, miniature and wax seals); absent: no
	 * @param specialSealsBasis that document, when allowed
	 * @param headPersonalId the head the founding data names, who represents it
	 */
	public record OrganisationRequest(@NotBlank @Size(max = 300) String name,
			@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String category,
			@NotNull @Valid FoundingDocumentRequest foundingDocument, @NotNull @Valid Address headOffice,
			@NotNull AgencyLevel level, Boolean specialSealsAllowed, @Size(max = 300) String specialSealsBasis,
			@NotBlank @Pattern(regexp = "[0-9]{12}") String headPersonalId,
			@NotBlank @Size(max = 100) String headFullName) {
	}

	public record FoundingDocumentRequest(@NotBlank @Size(max = 60) String number, @NotNull @PastOrPresent LocalDate date,
			@NotBlank @Size(max = 200) String issuer) {
	}

	/** @param document the mandate's paper (giấy giới thiệu, văn bản ủy quyền): its number and date */
	public record MandateRequest(@NotBlank @Pattern(regexp = "[0-9]{12}") String personalId,
			@NotBlank @Size(max = 100) String fullName, @NotBlank @Size(max = 200) String document,
			@NotNull LocalDate from, LocalDate until) {
	}

	/**
	 * An organisation as its representatives and the officers of its unit see it: the personal ids of
	 * its head and mandate holders only for the officers (a clerk holding a mandate does not learn the
	 * head's).
	 */
	public record OrganisationView(String id, String name, String category, Organisation.FoundingDocument founding,
			Address headOffice, AgencyLevel level, String handlingProvince, Organisation.SpecialSeals specialSeals,
			Organisation.Person head, List<MandateView> mandates, java.time.Instant registeredAt) {

		static OrganisationView of(Organisation organisation, Caller caller) {
			boolean officer = caller.isOfficer();
			Organisation.Person head = organisation.head();
			return new OrganisationView(organisation.id(), organisation.name(), organisation.category(),
					organisation.founding(), organisation.headOffice(), organisation.level(),
					organisation.handlingProvince(), organisation.specialSeals(),
					new Organisation.Person(officer ? head.personalId() : null, head.fullName()),
					organisation.mandates()
						.stream()
						.map((mandate) -> new MandateView(mandate.id(), officer ? mandate.personalId() : null,
								mandate.fullName(), mandate.document(), mandate.from(), mandate.until(),
								mandate.revokedAt()))
						.toList(),
					organisation.registeredAt());
		}

	}

	public record MandateView(String id, String personalId, String fullName, String document, LocalDate from,
			LocalDate until, java.time.Instant revokedAt) {
	}

	@GetMapping("/organisation-categories")
	List<OrganisationCategories.Category> categories() {
		return this.categories.all();
	}

	@PostMapping("/organisations")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<OrganisationView> register(@Valid @RequestBody OrganisationRequest request, Caller officer) {
		OrganisationCategories.Category category = this.categories.find(request.category())
			.orElseThrow(() -> new ApiException(ProblemType.UNPROCESSABLE, "organisation.category-unknown")
				.withError("category", "organisation.category-unknown"));
		Organisation.Registered registered = Organisation.register(newId(), request, category, officer,
				this.clock.instant());
		return this.store.insert(registered.organisation(), List.of(registered.event()))
			.map((organisation) -> OrganisationView.of(organisation, officer));
	}

	private static String newId() {
		byte[] bytes = new byte[6];
		RANDOM.nextBytes(bytes);
		return "TC-" + HexFormat.of().withUpperCase().formatHex(bytes);
	}

	/** The organisations the calling representative acts for today. */
	@GetMapping("/me/organisations")
	Mono<List<OrganisationView>> mine(Caller caller) {
		caller.requireAnyRole(Organisation.REPRESENTATIVE);
		LocalDate today = VietnamTime.today(this.clock);
		return this.mongo.find(Query.query(new Criteria().orOperator(Criteria.where("head.personalId").is(caller.personalId()),
				Criteria.where("mandates.personalId").is(caller.personalId()))).limit(100), Organisation.class, COLLECTION)
			.filter((organisation) -> organisation.representative(caller.personalId(), today).isPresent())
			.map((organisation) -> OrganisationView.of(organisation, caller))
			.collectList();
	}

	@GetMapping("/organisations/{id}")
	Mono<OrganisationView> organisation(@PathVariable String id, Caller caller) {
		return visible(id, caller).map((organisation) -> OrganisationView.of(organisation, caller));
	}

	@PostMapping("/organisations/{id}/mandates")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<OrganisationView> recordMandate(@PathVariable String id, @Valid @RequestBody MandateRequest request,
			Caller officer) {
		return visible(id, officer).then(this.store.change(id, (organisation) -> List.of(
				organisation.recordMandate(request, officer, this.clock.instant(), VietnamTime.today(this.clock)))))
			.map((organisation) -> OrganisationView.of(organisation, officer));
	}

	@PostMapping("/organisations/{id}/mandates/{mandateId}/revocation")
	Mono<OrganisationView> revokeMandate(@PathVariable String id, @PathVariable String mandateId, Caller officer) {
		return visible(id, officer).then(this.store.change(id,
				(organisation) -> List.of(organisation.revokeMandate(mandateId, officer, this.clock.instant()))))
			.map((organisation) -> OrganisationView.of(organisation, officer));
	}

	/** The organisation, for one of its representatives or an officer of its unit (403 another unit's); 404 otherwise. */
	private Mono<Organisation> visible(String id, Caller caller) {
		return find(id).doOnNext((organisation) -> organisation.requireVisibleTo(caller, VietnamTime.today(this.clock)));
	}

	/** The organisation; 404 when there is none. */
	public Mono<Organisation> find(String id) {
		if (id == null || !id.matches("TC-[0-9A-Z]{1,20}")) {
			return Mono.error(ApiException.notFound("organisation"));
		}
		return this.store.findById(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("organisation")));
	}

	/** Stores an organisation recorded by other means (the demo data), with its event. */
	Mono<Organisation> insert(Organisation.Registered registered) {
		return this.store.insert(registered.organisation(), List.of(registered.event()));
	}

	Mono<Boolean> exists(String id) {
		return this.store.findById(id).hasElement();
	}

}
