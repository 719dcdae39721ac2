package vn.gov.bca.identity.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.identity.notification.Notification;
import vn.gov.bca.identity.registry.BirthDate;
import vn.gov.bca.platform.web.context.ClientAddress;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;

/**
 * VNeID level-1 registration, anonymous, in two steps: start with what is public (answered the same
 * whether it matched or not), confirm with the code sent to the contact on record.
 */
@RestController
@RequestMapping("/api/identity/public/account-registrations")
class RegistrationController {

	private final RegistrationService registrations;

	private final ClientAddress clientAddress;

	RegistrationController(RegistrationService registrations,
			@Value("${vneid.identity.registration.trusted-proxies:1}") int trustedProxies) {
		this.registrations = registrations;
		this.clientAddress = new ClientAddress(trustedProxies);
	}

	@PostMapping
	Mono<ResponseEntity<RegistrationService.Started>> start(@Valid @RequestBody StartRequest request,
			ServerHttpRequest http) {
		return Mono.fromCallable(request::toStart)
			.flatMap((start) -> this.registrations.start(start, this.clientAddress.of(http)))
			.map((started) -> ResponseEntity.status(HttpStatus.ACCEPTED).body(started));
	}

	@PostMapping("/{registrationId}/confirmation")
	Mono<ResponseEntity<AccountController.AccountView>> confirm(@PathVariable String registrationId,
			@Valid @RequestBody ConfirmationRequest request) {
		return this.registrations.confirm(registrationId, request.code(), request.password())
			.map((account) -> ResponseEntity.status(HttpStatus.CREATED).body(AccountController.AccountView.of(account)));
	}

	/**
	 * @param channel the contact on record the code should go to, {@code SMS} (default) or
	 * {@code EMAIL}; the other one is used when the registry holds only that
	 */
	record StartRequest(@NotBlank @Pattern(regexp = "[0-9]{12}") String personalId,
			@NotBlank @Size(max = 100) String fullName,
			@NotBlank @Pattern(regexp = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?") String birthDate,
			Notification.Channel channel) {

		RegistrationService.Start toStart() {
			BirthDate birth;
			try {
				birth = BirthDate.parse(this.birthDate);
			}
			catch (IllegalArgumentException ex) {
				throw new ApiException(ProblemType.VALIDATION, "validation").withError("birthDate",
						"birth-date.impossible");
			}
			return new RegistrationService.Start(this.personalId, this.fullName, birth,
					(this.channel != null) ? this.channel : Notification.Channel.SMS);
		}

	}

	record ConfirmationRequest(@NotBlank @Pattern(regexp = "[0-9]{6}") String code,
			@NotBlank @Size(min = 8, max = 64) String password) {

		@Override
		public String toString() {
			return "ConfirmationRequest[***]";
		}

	}

}
