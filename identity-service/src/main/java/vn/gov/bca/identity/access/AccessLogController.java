package vn.gov.bca.identity.access;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import vn.gov.bca.platform.web.security.Caller;

/**
 * A citizen sees who read their data in the last twelve months; an administrator (inspection,
 * complaint handling) sees the whole entries of any citizen, including the reading account.
 */
@RestController
class AccessLogController {

	private final AccessLog accessLog;

	AccessLogController(AccessLog accessLog) {
		this.accessLog = accessLog;
	}

	@GetMapping("/api/identity/me/access-log")
	Flux<AccessLog.Entry> myAccessLog(Caller caller) {
		// Which agencies read the record is part of the record: level 2, as the whole of /me.
		caller.requireIdentityLevel(2);
		if (caller.personalId() == null) {
			return Flux.empty();
		}
		return this.accessLog.entries(caller.personalId(), 12).map(AccessLog.Entry::forCitizen);
	}

	@GetMapping("/api/identity/access-log")
	Flux<AccessLog.Entry> accessLogOf(@RequestParam @Pattern(regexp = "[0-9]{12}") String personalId,
			@RequestParam(defaultValue = "12") @Min(1) @Max(120) int months, Caller caller) {
		caller.requireAnyRole(Caller.ADMIN);
		return this.accessLog.entries(personalId, months);
	}

}
