package vn.gov.bca.residence.register;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.dossier.Address;

/**
 * The residence register as its readers see it: a citizen their own file (their household's members
 * are identity-service's {@code /api/identity/me/household}, kept in step by the register's events);
 * officers of a province who lives in a commune of theirs and the file of a person who lives or lived
 * there; identity-service, with its service account, the current residence of a file named in an
 * event, on a path the gateway does not route.
 */
@RestController
class RegisterController {

	/** The only client that may read residents by reference: the population registry that follows the events. */
	static final String REGISTRY_CLIENT = "identity-service";

	private final ResidenceRegister register;

	RegisterController(ResidenceRegister register) {
		this.register = register;
	}

	/** The signed-in citizen's residences, current and past; an empty file when none was registered here. */
	@GetMapping("/api/residence/me/residence")
	Mono<FileView> mine(Caller caller) {
		caller.requireAnyRole(Caller.CITIZEN).requireIdentityLevel(2);
		return Mono.justOrEmpty(caller.personalId())
			.flatMap(this.register::find)
			.map(FileView::of)
			.defaultIfEmpty(new FileView(caller.personalId(), null, null, List.of()));
	}

	/** Who lives in a commune (or the whole province) now, for its officers: at most {@code size}. */
	@GetMapping("/api/residence/residents")
	Mono<List<ResidentView>> residents(@RequestParam @Pattern(regexp = "[0-9]{2}") String province,
			@RequestParam(required = false) @Size(max = 100) String commune,
			@RequestParam(defaultValue = "100") @Min(1) @Max(500) int size, Caller caller) {
		caller.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR).requireOfficerOf(province);
		String wanted = (commune != null) ? commune.strip() : null;
		return this.register.residentsOf(province, wanted, size)
			.flatMapIterable((file) -> file.entries()
				.stream()
				.filter((entry) -> entry.isCurrent() && entry.kind() != ResidentFile.Kind.ABSENCE
						&& entry.address().provinceCode().equals(province)
						&& (wanted == null || entry.address().sameCommuneAs(province, wanted)))
				.map((entry) -> new ResidentView(file.personalId(), EntryView.of(entry)))
				.toList())
			.collectList();
	}

	/** A person's whole file, for an officer of a province where they live or lived; 404 otherwise. */
	@GetMapping("/api/residence/residents/{personalId}")
	Mono<FileView> resident(@PathVariable @Pattern(regexp = "[0-9]{12}") String personalId, Caller caller) {
		caller.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR, Caller.ADMIN);
		return this.register.find(personalId)
			.filter((file) -> caller.hasRole(Caller.ADMIN) || file.entries()
				.stream()
				.anyMatch((entry) -> caller.province() != null
						&& caller.province().equals(entry.address().provinceCode())))
			.map(FileView::of)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("resident")));
	}

	/** The current residence of the file an event names, for the population registry only. */
	@GetMapping("/internal/residence/residents/{reference}")
	Mono<CurrentResidence> current(@PathVariable @Size(max = 40) String reference, Caller caller) {
		caller.requireAnyRole(Caller.SERVICE);
		if (!REGISTRY_CLIENT.equals(caller.clientId())) {
			throw ApiException.forbidden("forbidden");
		}
		return this.register.byReference(reference)
			.map(CurrentResidence::of)
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("resident")));
	}

	/**
	 * What the population registry keeps of a person's residence: the current permanent residence with
	 * its household, the current temporary one with its last day. The record is the contract with
	 * identity-service's {@code ResidenceUpdates}.
	 */
	public record CurrentResidence(String personalId, Permanent permanent, Temporary temporary) {

		public record Permanent(Address address, ResidentFile.Household household, LocalDate since) {
		}

		public record Temporary(Address address, LocalDate since, LocalDate until) {
		}

		static CurrentResidence of(ResidentFile file) {
			return new CurrentResidence(file.personalId(),
					file.currentOf(ResidentFile.Kind.PERMANENT)
						.map((entry) -> new Permanent(entry.address(), entry.household(), entry.from()))
						.orElse(null),
					file.currentOf(ResidentFile.Kind.TEMPORARY)
						.map((entry) -> new Temporary(entry.address(), entry.from(), entry.until()))
						.orElse(null));
		}

	}

	record EntryView(String id, ResidentFile.Kind kind, Address address, ResidentFile.Household household,
			LocalDate from, LocalDate until, String destination, String dossierCode, ResidentFile.State state,
			LocalDate endedOn, String endReason) {

		static EntryView of(ResidentFile.Entry entry) {
			return new EntryView(entry.id(), entry.kind(), entry.address(), entry.household(), entry.from(),
					entry.until(), entry.destination(), entry.dossierCode(), entry.state(), entry.endedOn(),
					entry.endReason());
		}

	}

	record ResidentView(String personalId, EntryView residence) {
	}

	record FileView(String personalId, EntryView permanent, EntryView temporary, List<EntryView> history) {

		static FileView of(ResidentFile file) {
			return new FileView(file.personalId(),
					file.currentOf(ResidentFile.Kind.PERMANENT).map(EntryView::of).orElse(null),
					file.currentOf(ResidentFile.Kind.TEMPORARY).map(EntryView::of).orElse(null),
					newestFirst(file.entries()));
		}

		private static List<EntryView> newestFirst(List<ResidentFile.Entry> entries) {
			List<EntryView> views = new java.util.ArrayList<>(entries.stream().map(EntryView::of).toList());
			java.util.Collections.reverse(views);
			return views;
		}

	}

}
