package vn.gov.bca.platform.dossier.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.dossier.DossierStatus;
import vn.gov.bca.platform.dossier.catalogue.AgencyLevel;
import vn.gov.bca.platform.dossier.catalogue.AppointmentRule;
import vn.gov.bca.platform.dossier.catalogue.Procedure;
import vn.gov.bca.platform.dossier.catalogue.ServiceLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The national codes as master data: every status and procedure mapped, checked at load; the portal's times. */
class NationalCodesTests {

	private static final List<NationalCodes.NationalStatus> STATUSES = Arrays.stream(DossierStatus.values())
		.map((status) -> new NationalCodes.NationalStatus(status, Integer.toString(status.code()), status.name()))
		.toList();

	@Test
	void theShippedStatusesMapEachStatusToItsNationalCode() {
		NationalCodes codes = NationalCodes.of(statusesFromFile(), List.of(), List.of(), "test");
		assertThat(codes.status(DossierStatus.SUBMITTED).code()).isEqualTo("1");
		assertThat(codes.status(DossierStatus.PAYMENT_REQUESTED).nameVi()).isEqualTo("Yêu cầu thực hiện nghĩa vụ tài chính");
		assertThat(codes.status(DossierStatus.RESULT_RETURNED).code()).isEqualTo("10");
		assertThat(codes.statusOf("9")).isEqualTo(DossierStatus.PROCESSED);
		for (DossierStatus status : DossierStatus.values()) {
			assertThat(codes.status(status).code()).isEqualTo(Integer.toString(status.code()));
		}
	}

	@Test
	void aProcedureOfTheCatalogueWithoutItsNationalCodeIsRefusedAtLoad() {
		assertThatIllegalStateException()
			.isThrownBy(() -> NationalCodes.of(STATUSES, List.of(), List.of(procedure("1.000001")), "test"))
			.withMessageContaining("procedure 1.000001 of the catalogue has no national code");
	}

	@Test
	void anEntryForAnUnknownProcedureOrANationalCodeGivenTwiceIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> NationalCodes.of(STATUSES,
					List.of(new NationalCodes.NationalProcedure("1.000001", "9.1", "LV"),
							new NationalCodes.NationalProcedure("1.000002", "9.1", "LV"),
							new NationalCodes.NationalProcedure("1.000009", "9.2", "LV")),
					List.of(procedure("1.000001"), procedure("1.000002")), "test"))
			.withMessageContaining("national code 9.1 given to two procedures")
			.withMessageContaining("procedure 1.000009 is not in the catalogue");
	}

	@Test
	void aStatusWithoutNationalCodeIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> NationalCodes.of(STATUSES.subList(0, 9), List.of(), List.of(), "test"))
			.withMessageContaining("status RESULT_RETURNED has no national code");
	}

	@Test
	void timesAreWrittenInVietnamsTime() {
		// 17:30 UTC on 1 December is 00:30 on 2 December in Vietnam (UTC+7).
		assertThat(PortalMessages.time(Instant.parse("2026-12-01T17:30:05Z"))).isEqualTo("20261202003005");
		assertThat(PortalMessages.endOf(LocalDate.of(2026, 12, 8))).isEqualTo("20261208170000");
		assertThat(PortalMessages.time(null)).isNull();
	}

	private static List<NationalCodes.NationalStatus> statusesFromFile() {
		// The platform's file, as load() reads it.
		try (var in = NationalCodes.class.getResourceAsStream("national-statuses.json")) {
			return tools.jackson.databind.json.JsonMapper.builder().build()
				.readValue(in, NationalCodes.StatusFile.class)
				.statuses();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Procedure procedure(String code) {
		return new Procedure(code, "Thủ tục " + code, "Procedure " + code, "Lĩnh vực", ServiceLevel.FULL, 5, 2,
				AgencyLevel.PROVINCIAL, null, List.of(), List.of(), null, List.of());
	}

}
