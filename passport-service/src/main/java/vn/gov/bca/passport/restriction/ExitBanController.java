package vn.gov.bca.passport.restriction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * Officers record exit bans in their own province and that province's supervisors lift them; every
 * officer sees a person's bans (a ban blocks a passport in every province).
 */
@RestController
@RequestMapping("/api/passport/exit-bans")
class ExitBanController {

	private final ExitBans bans;

	private final Clock clock;

	ExitBanController(ExitBans bans, Clock clock) {
		this.bans = bans;
		this.clock = clock;
	}

	@PostMapping
	Mono<ResponseEntity<ExitBans.Ban>> impose(@Valid @RequestBody BanRequest request, Caller caller) {
		caller.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR);
		// Only in the officer's own province: a ban "for" another province is refused, not re-labelled.
		caller.requireOfficerOf((request.province() != null) ? request.province() : caller.province());
		return this.bans
			.impose(request.personalId(), request.legalBasis(), request.reason(),
					(request.from() != null) ? request.from() : VietnamTime.today(this.clock), request.until(), caller)
			.map((ban) -> ResponseEntity.status(HttpStatus.CREATED).body(ban));
	}

	@GetMapping("/{personalId}")
	Mono<List<ExitBans.Ban>> of(@PathVariable String personalId, Caller caller) {
		caller.requireAnyRole(Caller.OFFICER, Caller.SUPERVISOR);
		return this.bans.of(personalId).collectList();
	}

	@PostMapping("/{personalId}/{banId}/lift")
	Mono<ResponseEntity<Void>> lift(@PathVariable String personalId, @PathVariable String banId, Caller caller) {
		caller.requireAnyRole(Caller.SUPERVISOR);
		return this.bans.lift(personalId, banId, caller)
			.flatMap((lifted) -> lifted ? Mono.just(ResponseEntity.noContent().<Void>build())
					: Mono.error(ApiException.notFound("exit-ban")));
	}

	record BanRequest(@NotBlank @Pattern(regexp = "[0-9]{12}") String personalId,
			@NotBlank @Size(max = 200) String legalBasis, @NotBlank @Size(max = 500) String reason, LocalDate from,
			LocalDate until, @Pattern(regexp = "[0-9]{2}") String province) {
	}

}
