package vn.gov.bca.residence.establishment;

import java.time.Clock;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.dossier.Address;

/**
 * The demo accommodation establishment of the README's accounts ({@code vneid.demo-data.enabled},
 * {@code ./run} turns it on): "Khách sạn Hồ Gươm" in Hoàn Kiếm, Hà Nội, operated by
 * {@code khachsan.hoguom} (Bùi Thu Hà). Registered once, as an officer of Hà Nội would; a restart
 * adds nothing. Not domain code.
 */
@Component
@ConditionalOnProperty(name = "vneid.demo-data.enabled", havingValue = "true")
class DemoEstablishments {

	static final String HO_GUOM = "CSLT-DEMO-HN-0001";

	private static final Logger log = LoggerFactory.getLogger(DemoEstablishments.class);

	private final Establishments establishments;

	private final Clock clock;

	DemoEstablishments(Establishments establishments, Clock clock) {
		this.establishments = establishments;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadAtStart() {
		Caller officer = new Caller("demo-data", null, 2, Set.of(Caller.OFFICER), "CAP-HK-HN", "01", "demo-data");
		Establishments.EstablishmentRequest hoGuom = new Establishments.EstablishmentRequest("Khách sạn Hồ Gươm",
				"0101234567", new Address("01", "Phường Hoàn Kiếm", "15 phố Hàng Khay"), Boolean.FALSE, Set.of("001178005555"));
		this.establishments.exists(HO_GUOM)
			.flatMap((there) -> there ? Mono.empty()
					: this.establishments.insert(Establishment.register(HO_GUOM, hoGuom, officer, this.clock.instant())))
			.subscribe((added) -> log.info("Demo establishment {} added", added.id()),
					(failure) -> log.warn("Demo establishment not added; the next start tries again: {}", failure.toString()));
	}

}
