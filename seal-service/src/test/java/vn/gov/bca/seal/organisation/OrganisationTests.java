package vn.gov.bca.seal.organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.dossier.Address;
import vn.gov.bca.platform.dossier.catalogue.AgencyLevel;
import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.security.Caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who acts for an organisation, and which unit records it: its rules without a database. */
class OrganisationTests {

	private static final OrganisationCategories.Category LOCAL = new OrganisationCategories.Category("ASSOCIATIONS",
			"Art. 8(10)", "Hội", "Associations", Set.of(AgencyLevel.PROVINCIAL));

	private static final OrganisationCategories.Category EITHER = new OrganisationCategories.Category("COURTS",
			"Art. 7(2)", "Tòa án", "Courts", Set.of(AgencyLevel.CENTRAL, AgencyLevel.PROVINCIAL));

	private static final Caller HANOI = officer("PC06-HN", "01");

	private static final Caller C06 = officer("C06", "00");

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	private static Caller officer(String agency, String province) {
		return new Caller("officer-" + agency, "001080001111", 2, Set.of(Caller.OFFICER), agency, province, "console");
	}

	private static Organisations.OrganisationRequest request(AgencyLevel level, String category) {
		return new Organisations.OrganisationRequest("Hội Khuyến học phường Ba Đình", category,
				new Organisations.FoundingDocumentRequest("12/QĐ-UBND", LocalDate.of(2025, 8, 1), "UBND phường Ba Đình"),
				new Address("01", "Phường Ba Đình", "Số 3 phố Đội Cấn"), level, null, null, "001070000001", "Trần Văn Hội");
	}

	@Test
	void aLocalBodyIsRecordedByItsProvincesOfficerAndACentralOneByC06() {
		Organisation local = Organisation.register("TC-1", request(AgencyLevel.PROVINCIAL, "ASSOCIATIONS"), LOCAL, HANOI,
				Instant.now()).organisation();
		assertThat(local.handlingProvince()).isEqualTo("01");
		assertThat(local.specialSeals().allowed()).isFalse();
		assertThatThrownBy(() -> Organisation.register("TC-2", request(AgencyLevel.PROVINCIAL, "ASSOCIATIONS"), LOCAL,
				officer("PC06-HCM", "79"), Instant.now())).isInstanceOf(ApiException.class);

		Organisation central = Organisation.register("TC-3", request(AgencyLevel.CENTRAL, "COURTS"), EITHER, C06,
				Instant.now()).organisation();
		assertThat(central.handlingProvince()).isEqualTo("00");
		// The province of its head office does not make a central body the province's.
		assertThatThrownBy(() -> Organisation.register("TC-4", request(AgencyLevel.CENTRAL, "COURTS"), EITHER, HANOI,
				Instant.now())).isInstanceOf(ApiException.class);
	}

	@Test
	void aLevelItsCategoryIsNotRegisteredAtIsRefusedNamingTheField() {
		assertThatThrownBy(() -> Organisation.register("TC-5", request(AgencyLevel.CENTRAL, "ASSOCIATIONS"), LOCAL, C06,
				Instant.now())).isInstanceOfSatisfying(ApiException.class, (refused) -> assertThat(refused.errors())
					.extracting(ApiException.FieldProblem::field)
					.containsExactly("level"));
	}

	@Test
	void theHeadAndAMandateInItsPeriodActForItAndARevokedOneNoLonger() {
		Organisation organisation = Organisation.register("TC-6", request(AgencyLevel.PROVINCIAL, "ASSOCIATIONS"), LOCAL,
				HANOI, Instant.now()).organisation();
		assertThat(organisation.representative("001070000001", TODAY)).get()
			.extracting(Organisation.Person::fullName)
			.isEqualTo("Trần Văn Hội");
		assertThat(organisation.representative("001090000002", TODAY)).isEmpty();

		Organisation.MandateRecorded recorded = organisation.recordMandate(new Organisations.MandateRequest(
				"001090000002", "Lê Thị Thư", "Giấy giới thiệu 5/GGT", TODAY, TODAY.plusDays(30)), HANOI, Instant.now(),
				TODAY);
		// The first and the last day count; the day after, the mandate has ended.
		assertThat(organisation.representative("001090000002", TODAY)).isPresent();
		assertThat(organisation.representative("001090000002", TODAY.plusDays(30))).isPresent();
		assertThat(organisation.representative("001090000002", TODAY.plusDays(31))).isEmpty();
		assertThat(organisation.representative("001090000002", TODAY.minusDays(1))).isEmpty();
		assertThat(recorded.toString()).doesNotContain("001090000002");
		assertThatThrownBy(() -> organisation.recordMandate(new Organisations.MandateRequest("001090000002", "Lê Thị Thư",
				"Giấy giới thiệu 6/GGT", TODAY, null), HANOI, Instant.now(), TODAY))
			.isInstanceOfSatisfying(ApiException.class,
					(refused) -> assertThat(refused.type().status().value()).isEqualTo(409));

		assertThatThrownBy(() -> organisation.revokeMandate(recorded.mandateId(), officer("PC06-HCM", "79"), Instant.now()))
			.isInstanceOf(ApiException.class);
		organisation.revokeMandate(recorded.mandateId(), HANOI, Instant.now());
		assertThat(organisation.representative("001090000002", TODAY)).isEmpty();
		assertThat(organisation.mandates()).hasSize(1);
	}

	@Test
	void aMandateEndingBeforeItStartsIsRefused() {
		Organisation organisation = Organisation.register("TC-7", request(AgencyLevel.PROVINCIAL, "ASSOCIATIONS"), LOCAL,
				HANOI, Instant.now()).organisation();
		assertThatThrownBy(() -> organisation.recordMandate(new Organisations.MandateRequest("001090000002", "Lê Thị Thư",
				"Giấy giới thiệu 5/GGT", TODAY, TODAY.minusDays(1)), HANOI, Instant.now(), TODAY))
			.isInstanceOfSatisfying(ApiException.class, (refused) -> assertThat(refused.errors())
				.extracting(ApiException.FieldProblem::field)
				.containsExactly("until"));
	}

	@Test
	void theCategoriesOfTheMasterDataLoadAndNoneIsAnEnterpriseOfTheLawOnEnterprises() {
		OrganisationCategories categories = new OrganisationCategories(
				new org.springframework.core.io.ClassPathResource("organisation-categories.json"));
		assertThat(categories.all()).hasSizeGreaterThan(10);
		assertThat(categories.all()).allSatisfy((category) -> {
			assertThat(category.levels()).isNotEmpty().doesNotContain(AgencyLevel.COMMUNE);
			assertThat(category.clause()).startsWith("Art.");
		});
		assertThat(categories.find("ASSOCIATIONS_RELIGIONS_FUNDS_NGOS")).get()
			.extracting(OrganisationCategories.Category::levels)
			.isEqualTo(Set.of(AgencyLevel.PROVINCIAL));
		assertThat(categories.find("ENTERPRISES")).isEmpty();
		assertThatThrownBy(() -> new OrganisationCategories(List.of(LOCAL, LOCAL)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
