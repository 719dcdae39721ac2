package vn.gov.bca.residence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class ResidenceServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ResidenceServiceApplication.class, args);
	}

}
