package vn.gov.bca.payment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FinePaymentServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(FinePaymentServiceApplication.class, args);
	}

}
