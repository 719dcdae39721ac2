package vn.gov.bca.platform.document.register;

import java.util.List;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A service that issues documents for two units, of Hà Nội (01) and Hồ Chí Minh City (79). */
@SpringBootApplication
public class RegisterTestApplication {

	@Bean
	SigningUnits units() {
		return () -> List.of("PA08-HN", "PA08-HCM");
	}

}
