package vn.gov.bca.passport.application;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import vn.gov.bca.platform.dossier.calendar.WorkingDays;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;

/** The passport procedures (master data, checked at start) and Vietnam's working-day calendar. */
@Configuration
class PassportConfiguration {

	@Bean
	ProcedureCatalogue procedureCatalogue() throws IOException {
		try (InputStream in = new ClassPathResource("procedures.json").getInputStream()) {
			return ProcedureCatalogue.load(in);
		}
	}

	@Bean
	WorkingDays workingDays() {
		return WorkingDays.standard();
	}

}
