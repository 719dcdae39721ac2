package vn.gov.bca.identity.session;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.security.Caller;

/**
 * The signed-in account as this service sees it (the VNeID token's identity): what the mobile
 * app and the portal show as "signed in as", and what an integrator checks first.
 */
@RestController
@RequestMapping("/api/identity/session")
class SessionController {

	@GetMapping
	Mono<Session> session(Caller caller) {
		return Mono.just(new Session(caller.subject(), caller.personalId(), caller.identityLevel(),
				caller.roles().stream().sorted().toList(), caller.agency(), caller.province(), caller.clientId()));
	}

	/**
	 * @param accountId the VNeID account id (token subject)
	 * @param personalId the account holder's personal identification number
	 * @param identityLevel 1 or 2
	 * @param roles the account's roles
	 * @param agency the officer's agency, if any
	 * @param province the officer's province, if any
	 * @param clientId the application the token was issued to
	 */
	record Session(String accountId, String personalId, int identityLevel, List<String> roles, String agency,
			String province, String clientId) {
	}

}
