package vn.gov.bca.residence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import vn.gov.bca.platform.dossier.registry.PopulationRegistry;
import vn.gov.bca.platform.web.client.ServiceClients;

@SpringBootApplication
public class ResidenceServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ResidenceServiceApplication.class, args);
	}

	/** The population registry in identity-service: guests confirmed, hosts found at their address. */
	@Bean
	PopulationRegistry populationRegistry(ServiceClients clients) {
		return new PopulationRegistry(clients);
	}

}
