package vn.gov.bca.platform.dossier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.util.unit.DataSize;

import vn.gov.bca.platform.dossier.attachment.Attachments;

/** The dossier mechanisms every procedure service gets by depending on platform-dossier. */
@AutoConfiguration
public class DossierConfiguration {

	/** 5 MB a file, 20 files a dossier unless the service says otherwise. */
	@Bean
	Attachments attachments(ReactiveMongoDatabaseFactory databases,
			@Value("${vneid.dossier.attachments.max-size:5MB}") DataSize maxSize,
			@Value("${vneid.dossier.attachments.max-count:20}") int maxCount) {
		return new Attachments(databases, maxSize.toBytes(), maxCount);
	}

	@Bean
	DossierQueries dossierQueries(ReactiveMongoTemplate mongo) {
		return new DossierQueries(mongo);
	}

	@Bean
	DossierCodes dossierCodes(ReactiveMongoTemplate mongo) {
		return new DossierCodes(mongo);
	}

}
