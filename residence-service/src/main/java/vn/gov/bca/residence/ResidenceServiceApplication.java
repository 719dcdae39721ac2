package vn.gov.bca.residence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ResidenceServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ResidenceServiceApplication.class, args);
	}

}
