package vn.gov.bca.platform.web.sample;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.client.ServiceClients;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;

/** A small service on platform-web, for the platform's own tests. */
@SpringBootApplication
public class SampleApplication {

	@RestController
	static class SampleController {

		private final ServiceClients clients;

		SampleController(ServiceClients clients) {
			this.clients = clients;
		}

		@PostMapping("/api/sample/registrations")
		Mono<Map<String, String>> register(@Valid @RequestBody Registration registration, Caller caller) {
			caller.requireIdentityLevel(2);
			return Mono.just(Map.of("personalId", registration.personalId()));
		}

		@PostMapping("/api/sample/consents")
		Mono<Map<String, Object>> consent(@Valid @RequestBody Consent consent, Caller caller) {
			return Mono.just(Map.of("agreed", consent.agreed(), "copies", consent.copies()));
		}

		@GetMapping("/api/sample/conflict")
		Mono<Void> conflict() {
			return Mono.error(ApiException.conflict("conflict").with("currentStatus", 4));
		}

		@GetMapping("/api/sample/stale")
		Mono<Void> stale() {
			return Mono.error(new OptimisticLockingFailureException("version 3 expected"));
		}

		@GetMapping("/api/sample/bug")
		Mono<Void> bug() {
			return Mono.error(new IllegalStateException("secret internal detail in db.collection #42"));
		}

		/** What a log line written while handling this request would carry. */
		@GetMapping("/api/sample/log-context")
		Mono<Map<String, String>> logContext() {
			return Mono.just("x")
				.publishOn(reactor.core.scheduler.Schedulers.parallel())
				.map((ignored) -> Map.of("requestId", String.valueOf(org.slf4j.MDC.get("requestId")), "traceId",
						String.valueOf(org.slf4j.MDC.get("traceId"))));
		}

		@GetMapping("/api/sample/officers-only")
		Mono<String> officersOnly(Caller caller) {
			caller.requireAnyRole(Caller.OFFICER);
			return Mono.just("ok");
		}

		@GetMapping("/api/sample/downstream/{path}")
		Mono<Map> downstream(@PathVariable String path) {
			return this.clients.get("echo-service")
				.get("/{path}", Map.class, (headers) -> headers.set("X-Purpose", "test"), path)
				.defaultIfEmpty(Map.of("found", false));
		}

	}

	record Consent(boolean agreed, int copies, @NotBlank String purpose) {
	}

	record Registration(@NotBlank @Pattern(regexp = "[0-9]{12}") String personalId, @NotBlank String fullName,
			@Email String email) {
	}

}
