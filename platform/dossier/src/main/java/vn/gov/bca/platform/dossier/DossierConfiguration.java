package vn.gov.bca.platform.dossier;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The dossier mechanisms every procedure service gets by depending on platform-dossier. */
@AutoConfiguration
public class DossierConfiguration {

	@Bean
	DossierCodes dossierCodes(ReactiveMongoTemplate mongo) {
		return new DossierCodes(mongo);
	}

}
