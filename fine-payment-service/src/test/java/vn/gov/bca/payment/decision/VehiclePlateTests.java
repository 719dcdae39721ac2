package vn.gov.bca.payment.decision;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.gov.bca.platform.web.error.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VehiclePlateTests {

	@ParameterizedTest
	@CsvSource({ "30A-123.45, 30A12345", "30a12345, 30A12345", "30A 123 45, 30A12345", "' 51F-678.90 ', 51F67890",
			"29LD-012.34, 29LD01234", "59X1-234.56, 59X123456", "59-X1 234.56, 59X123456", "29MĐ1-123.45, 29MĐ112345",
			"29mđ1 12345, 29MĐ112345", "30A-1234, 30A1234" })
	void usualWritingsNormaliseToOnePlate(String written, String normalised) {
		assertThat(VehiclePlate.parse(written, "plate").value()).isEqualTo(normalised);
	}

	/** Copied from a document or typed on a phone: no-break, figure, narrow no-break spaces and tabs. */
	@ParameterizedTest
	@ValueSource(strings = { "30A\u00a0123.45", "30A\u2007123.45", "30A\u202f123\u202f45", "30A\t123.45",
			"\u00a030A-123.45\u00a0", "30A\u3000123.45" })
	void unicodeSpacesAreSeparatorsLikeAsciiSpaces(String written) {
		assertThat(VehiclePlate.parse(written, "plate").value()).isEqualTo("30A12345");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "\u00a0\u2007", "30A", "3A12345", "ABC12345", "30A-123", "30A1234567", "30A_123.45",
			"30A-123.45; DROP", "３０A12345" })
	void anythingElseIsABadRequestOnTheField(String written) {
		assertThatThrownBy(() -> VehiclePlate.parse(written, "vehicle.plate"))
			.isInstanceOfSatisfying(ApiException.class, (refused) -> {
				assertThat(refused.type().status().value()).isEqualTo(400);
				assertThat(refused.errors()).singleElement()
					.satisfies((error) -> assertThat(error.field()).isEqualTo("vehicle.plate"));
			});
	}

}
