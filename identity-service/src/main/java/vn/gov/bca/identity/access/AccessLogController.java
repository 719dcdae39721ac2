package vn.gov.bca.identity.access;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import vn.gov.bca.platform.web.security.Caller;

/** A citizen sees who read their data in the last twelve months. */
@RestController
class AccessLogController {

	private final AccessLog accessLog;

	AccessLogController(AccessLog accessLog) {
		this.accessLog = accessLog;
	}

	@GetMapping("/api/identity/me/access-log")
	Flux<AccessLog.Entry> myAccessLog(Caller caller) {
		if (caller.personalId() == null) {
			return Flux.empty();
		}
		return this.accessLog.entries(caller.personalId(), 12);
	}

}
