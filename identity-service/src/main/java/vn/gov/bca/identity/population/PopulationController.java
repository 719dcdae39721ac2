package vn.gov.bca.identity.population;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.security.Caller;

/** Administrators see how far the synthetic population is loaded, e.g. a load test waiting for its million. */
@RestController
class PopulationController {

	private final PopulationLoader loader;

	PopulationController(PopulationLoader loader) {
		this.loader = loader;
	}

	@GetMapping("/api/identity/population")
	Mono<PopulationLoader.Status> population(Caller caller) {
		caller.requireAnyRole(Caller.ADMIN);
		return this.loader.status();
	}

}
