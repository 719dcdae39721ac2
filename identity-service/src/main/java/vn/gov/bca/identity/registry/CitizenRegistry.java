package vn.gov.bca.identity.registry;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.data.outbox.AggregateStore;
import vn.gov.bca.platform.data.outbox.AggregateStores;
import vn.gov.bca.platform.web.error.ApiException;

/** Enters citizens in the registry and reads them by personal id (a keyed read). */
@Service
public class CitizenRegistry {

	private final AggregateStore<Citizen> citizens;

	private final ProvinceCodes birthProvinces = ProvinceCodes.birthRegistration();

	private final ProvinceCodes provinces = ProvinceCodes.current();

	CitizenRegistry(AggregateStores stores) {
		this.citizens = stores.forCollection(Citizen.class, "citizens");
	}

	public Mono<Citizen> register(Citizen.NewCitizen data) {
		return Mono.fromCallable(() -> Citizen.register(data, this.birthProvinces, this.provinces))
			.flatMap((registration) -> this.citizens.insert(registration.citizen(), List.of(registration.event())))
			.onErrorMap(DuplicateKeyException.class, (duplicate) -> ApiException.conflict("citizen.already-registered"));
	}

	public Mono<Citizen> find(String personalId) {
		if (!PersonalIdNumber.isWellFormed(personalId)) {
			return Mono.empty();
		}
		return this.citizens.findById(personalId);
	}

}
