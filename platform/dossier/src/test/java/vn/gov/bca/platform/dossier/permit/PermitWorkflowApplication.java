package vn.gov.bca.platform.dossier.permit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.nationalportalsandbox.NationalPortalSandbox;
import vn.gov.bca.platform.data.outbox.Transition;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.registry.BirthDate;
import vn.gov.bca.platform.dossier.registry.PopulationRegistry;
import vn.gov.bca.platform.dossier.workflow.DossierWorkflow;
import vn.gov.bca.platform.dossier.workflow.Intake;
import vn.gov.bca.platform.dossier.workflow.ProcedureRules;
import vn.gov.bca.platform.dossier.workflow.Submission;
import vn.gov.bca.platform.dossier.workflow.SubmissionEndpoint;
import vn.gov.bca.platform.testkit.ServiceStubs;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;

/**
 * A procedure service as small as the workflow lets it be, for the workflow's own tests: a permit
 * with a form of two fields, the registry asked at submission, approval that only processes, one
 * open dossier per holder, and a follow-up that records the events it saw.
 */
@SpringBootApplication
public class PermitWorkflowApplication {

	/**
	 * The service's settings in a test: named permit-service, its topic and path after {@code domain}
	 * (a test class of its own domain sees no other class's dossiers), the sample catalogue, the
	 * permit's units, the registry and fee orders stood in for.
	 */
	static void properties(DynamicPropertyRegistry registry, String domain, ServiceStubs services) {
		registry.add("spring.application.name", () -> "permit-service");
		registry.add("vneid.outbox.domain", () -> domain);
		registry.add("vneid.service-account.client-id", () -> "permit-service");
		registry.add("vneid.dossier.procedures",
				() -> "classpath:vn/gov/bca/platform/dossier/catalogue/sample-procedures.json");
		registry.add("vneid.dossier.handling-units",
				() -> "classpath:vn/gov/bca/platform/dossier/permit/handling-units.json");
		services.standIn(registry);
	}

	/** The national portal sync on, towards that sandbox, with the permit's national codes. */
	static void nationalPortal(DynamicPropertyRegistry registry, NationalPortalSandbox portal) {
		registry.add("vneid.national-portal.url", portal::url);
		registry.add("vneid.national-portal.password", () -> portal.settings().password());
		registry.add("vneid.national-portal.codes",
				() -> "classpath:vn/gov/bca/platform/dossier/permit/national-portal.json");
	}

	public record PermitForm(@NotBlank @Pattern(regexp = "[0-9]{12}") String holderPersonalId,
			@NotBlank @Size(max = 100) String holderFullName, @NotNull BirthDate holderBirthDate,
			@Size(max = 200) String purpose) {
	}

	public static class Permit extends Dossier {

		private PermitForm form;

		Permit() {
		}

		Permit(Header header, PermitForm form) {
			super(header);
			this.form = form;
		}

		public PermitForm form() {
			return this.form;
		}

	}

	@Component
	static class PermitRules implements ProcedureRules<Permit, PermitForm> {

		final List<String> followedUp = new CopyOnWriteArrayList<>();

		private final PopulationRegistry registry;

		private final java.time.Clock clock;

		PermitRules(PopulationRegistry registry, java.time.Clock clock) {
			this.registry = registry;
			this.clock = clock;
		}

		@Override
		public String holderOf(PermitForm form) {
			return form.holderPersonalId();
		}

		@Override
		public String openDossierKey(Permit dossier) {
			return dossier.form().holderPersonalId();
		}

		@Override
		public Mono<String> admit(Intake<PermitForm> intake) {
			PermitForm form = intake.form();
			return this.registry
				.confirms(new PopulationRegistry.PersonCheck(form.holderPersonalId(), form.holderFullName(),
						form.holderBirthDate()), "permit")
				.flatMap((match) -> match ? Mono.just(form.holderFullName())
						: Mono.error(ApiException.unprocessable("validation")));
		}

		@Override
		public Permit create(Dossier.Header header, Intake<PermitForm> intake) {
			return new Permit(header, intake.form());
		}

		@Override
		public Mono<Transition<Permit>> approval(Permit dossier, Caller officer) {
			return Mono.just((fresh) -> List.of(fresh.process(officer, "Cấp giấy phép", this.clock.instant())));
		}

		/** Everything but a request for a supplement: that one must be skipped before it is claimed. */
		@Override
		public boolean followsUp(String eventType, String procedureCode) {
			return !eventType.equals("SupplementRequested");
		}

		@Override
		public Mono<?> followUp(String eventType, Permit dossier) {
			return Mono.fromRunnable(() -> this.followedUp.add(dossier.code() + ":" + eventType));
		}

		@Override
		public Object details(Permit dossier) {
			return new Details(dossier.form());
		}

		record Details(PermitForm form) {
		}

	}

	@RestController
	static class PermitSubmissions extends SubmissionEndpoint<PermitSubmissions.Request, PermitForm> {

		PermitSubmissions(DossierWorkflow<Permit, PermitForm> workflow) {
			super(workflow);
		}

		record Request(@NotBlank @Pattern(regexp = "[0-9]{2}") String handlingProvince,
				@Valid @NotNull PermitForm form) implements SubmissionEndpoint.Request<PermitForm> {

			@Override
			public Submission<PermitForm> toSubmission() {
				return new Submission<>("SAMPLE-01", this.handlingProvince, this.form, null, null, null, null);
			}

		}

	}

}
