package vn.gov.bca.platform.dossier;

import java.nio.file.Path;
import java.time.Clock;

import com.mongodb.reactivestreams.client.MongoClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.util.unit.DataSize;

import vn.gov.bca.platform.dossier.attachment.Attachments;
import vn.gov.bca.platform.dossier.calendar.HolidayCalendars;
import vn.gov.bca.platform.dossier.fee.FeeOrders;
import vn.gov.bca.platform.dossier.registry.PopulationRegistry;
import vn.gov.bca.platform.web.client.ServiceClients;
import vn.gov.bca.platform.web.config.PlatformWebAutoConfiguration;

/** The dossier mechanisms every procedure service gets by depending on platform-dossier. */
@AutoConfiguration(after = PlatformWebAutoConfiguration.class)
public class DossierConfiguration {

	/** 5 MB a file, 20 files a dossier unless the service says otherwise. */
	@Bean
	Attachments attachments(ReactiveMongoDatabaseFactory databases,
			@Value("${vneid.dossier.attachments.max-size:5MB}") DataSize maxSize,
			@Value("${vneid.dossier.attachments.max-count:20}") int maxCount, Clock clock) {
		return new Attachments(databases, maxSize.toBytes(), maxCount, clock);
	}

	@Bean
	DossierQueries dossierQueries(ReactiveMongoTemplate mongo, Clock clock) {
		return new DossierQueries(mongo, clock);
	}

	/**
	 * The holiday calendar an administrator keeps at {@code vneid.dossier.calendar.file} (a path), or
	 * the shipped one; a configured file that cannot be read stops the start.
	 */
	@Bean
	@ConditionalOnMissingBean
	HolidayCalendars holidayCalendars(@Value("${vneid.dossier.calendar.file:}") String file) {
		return new HolidayCalendars(file.isBlank() ? null : Path.of(file));
	}

	/**
	 * The population registry in identity-service and fee orders in fine-payment-service, for every
	 * service with platform-dossier and a service account (the clients' token).
	 */
	@Bean
	@ConditionalOnBean(ServiceClients.class)
	@ConditionalOnMissingBean
	PopulationRegistry populationRegistry(ServiceClients clients) {
		return new PopulationRegistry(clients);
	}

	@Bean
	@ConditionalOnBean(ServiceClients.class)
	@ConditionalOnMissingBean
	FeeOrders feeOrders(ServiceClients clients) {
		return new FeeOrders(clients);
	}

	/**
	 * Dossier codes counted in {@code vneid.dossier.codes-database} ({@code dossier_codes}), one
	 * database on the service's own MongoDB connection that every service receiving dossiers shares:
	 * a unit (PC06 of a province receives identity-card and seal dossiers) has one sequence a day,
	 * whichever service receives the dossier.
	 */
	@Bean
	DossierCodes dossierCodes(MongoClient client,
			@Value("${vneid.dossier.codes-database:" + DossierCodes.DATABASE + "}") String database) {
		return new DossierCodes(new ReactiveMongoTemplate(client, database));
	}

}
