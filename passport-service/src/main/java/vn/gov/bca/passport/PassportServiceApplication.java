package vn.gov.bca.passport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PassportServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PassportServiceApplication.class, args);
	}

}
