package vn.gov.bca.identity.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProvinceCodesTests {

	@Test
	void holdsThe63BirthRegistrationCodes() {
		ProvinceCodes codes = ProvinceCodes.birthRegistration();
		assertThat(codes.size()).isEqualTo(63);
		assertThat(codes.name("001")).contains("Hà Nội");
		assertThat(codes.name("079")).contains("Hồ Chí Minh");
		assertThat(codes.name("096")).contains("Cà Mau");
		assertThat(codes.contains("003")).isFalse();
		assertThat(codes.asMap().keySet()).allMatch((code) -> code.matches("[0-9]{3}"));
	}

	@Test
	void holdsThe34ProvincesSinceJuly2025() {
		ProvinceCodes codes = ProvinceCodes.current();
		assertThat(codes.size()).isEqualTo(34);
		assertThat(codes.name("01")).contains("Hà Nội");
		assertThat(codes.name("79")).contains("TP HCM");
		assertThat(codes.contains("02")).isFalse();
		assertThat(codes.asMap().keySet()).allMatch((code) -> code.matches("[0-9]{2}"));
	}

}
