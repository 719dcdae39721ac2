package vn.gov.bca.passport.application;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import vn.gov.bca.platform.dossier.HandlingUnits;
import vn.gov.bca.platform.dossier.catalogue.ProcedureCatalogue;

/**
 * The passport procedures and the immigration offices that receive them: master data, checked at
 * start. The holiday calendar is the platform's ({@code vneid.dossier.calendar.file}).
 */
@Configuration
class PassportConfiguration {

	@Bean
	ProcedureCatalogue procedureCatalogue() throws IOException {
		try (InputStream in = new ClassPathResource("procedures.json").getInputStream()) {
			return ProcedureCatalogue.load(in);
		}
	}

	/**
	 * The offices (Phòng Quản lý xuất nhập cảnh, PA08), one per province, with the unit code that starts
	 * their dossier codes: {@code vneid.passport.handling-units} (a Spring resource location, e.g.
	 * {@code file:/etc/vneid/handling-units.json}), the shipped file by default.
	 */
	@Bean
	HandlingUnits handlingUnits(
			@Value("${vneid.passport.handling-units:classpath:handling-units.json}") Resource file) {
		return HandlingUnits.load(file);
	}

}
