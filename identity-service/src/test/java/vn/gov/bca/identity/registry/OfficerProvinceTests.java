package vn.gov.bca.identity.registry;

import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.SettableClock;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.web.time.VietnamTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security review, finding 2: an officer acts only on citizens of their province. A Hà Nội record
 * is to an officer of TP HCM (79) what a missing one is: 404 for reads and actions alike, nothing
 * written. And every "today" of the registry is the day in Vietnam, from the service's clock: at
 * 00:30 on 23 November in Vietnam it is still the 22nd in UTC.
 */
@IntegrationTest
class OfficerProvinceTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final String HANOIAN = "001090003301";

	@TestConfiguration
	static class Time {

		@Bean
		SettableClock clock() {
			return SettableClock.at(LocalDateTime.of(2026, 11, 23, 0, 30), VietnamTime.ZONE);
		}

	}

	@Autowired
	private WebTestClient client;

	@Autowired
	private CitizenRegistry registry;

	private final String officerOfHanoi = jwt.officer("001080001111", "PA08-HN", "01");

	private final String officerOfHcm = jwt.officer("079187002222", "PA08-HCM", "79");

	private final String admin = jwt.token().personalId("001082004444").identityLevel(2).roles("admin").sign();

	@BeforeEach
	void enterAHanoian() {
		if (this.registry.find(HANOIAN).block() == null) {
			this.registry.register(NewCitizens.citizen(HANOIAN, "Kiều Văn Minh", "1990-10-10", Sex.MALE).build()).block();
		}
	}

	@Test
	void anOfficerOfAnotherProvinceNeitherReadsNorChangesTheRecord() {
		String missing = this.client.get()
			.uri("/api/identity/citizens/001190009999")
			.headers((headers) -> headers.setBearerAuth(this.officerOfHcm))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String outside = this.client.get()
			.uri("/api/identity/citizens/" + HANOIAN)
			.headers((headers) -> headers.setBearerAuth(this.officerOfHcm))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(outside.replaceAll("\"(instance|requestId|timestamp)\":\"[^\"]*\"", ""))
			.isEqualTo(missing.replaceAll("\"(instance|requestId|timestamp)\":\"[^\"]*\"", ""));

		this.client.patch()
			.uri("/api/identity/citizens/" + HANOIAN)
			.headers((headers) -> headers.setBearerAuth(this.officerOfHcm))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"religion": "Phật giáo"}""")
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.post()
			.uri("/api/identity/citizens/" + HANOIAN + "/death")
			.headers((headers) -> headers.setBearerAuth(this.officerOfHcm))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"dateOfDeath": "2026-11-01"}""")
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.post()
			.uri("/api/identity/citizens/" + HANOIAN + "/identity-cards")
			.headers((headers) -> headers.setBearerAuth(this.officerOfHcm))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"issuedOn": "2026-11-01"}""")
			.exchange()
			.expectStatus()
			.isNotFound();

		Citizen unchanged = this.registry.find(HANOIAN).block();
		assertThat(unchanged.religion()).isEqualTo("Không");
		assertThat(unchanged.lifeStatus()).isEqualTo(Citizen.LifeStatus.ALIVE);
		assertThat(unchanged.identityCards()).isEmpty();

		this.client.get()
			.uri("/api/identity/citizens/" + HANOIAN)
			.headers((headers) -> headers.setBearerAuth(this.officerOfHanoi))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/api/identity/citizens/" + HANOIAN)
			.headers((headers) -> headers.setBearerAuth(this.admin))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void anOfficerEntersOnlyPeopleWhoLiveInTheirProvince() {
		this.client.post()
			.uri("/api/identity/citizens")
			.headers((headers) -> headers.setBearerAuth(this.officerOfHcm))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(citizen("001191003302", "1991-01-01", "01"))
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(this.registry.find("001191003302").block()).isNull();
		this.client.post()
			.uri("/api/identity/citizens")
			.headers((headers) -> headers.setBearerAuth(this.officerOfHanoi))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(citizen("001191003302", "1991-01-01", "01"))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@Test
	void todayIsTheDayInVietnam() {
		// 00:30 on 23 November in Vietnam: born "today" is not in the future, tomorrow is.
		this.client.post()
			.uri("/api/identity/citizens")
			.headers((headers) -> headers.setBearerAuth(this.officerOfHanoi))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(citizen("001226003303", "2026-11-23", "01"))
			.exchange()
			.expectStatus()
			.isCreated();
		this.client.post()
			.uri("/api/identity/citizens")
			.headers((headers) -> headers.setBearerAuth(this.officerOfHanoi))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(citizen("001226003304", "2026-11-24", "01"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("birth-date.future");
		// A card issued and a death recorded on Vietnam's today are accepted.
		this.client.post()
			.uri("/api/identity/citizens/001226003303/identity-cards")
			.headers((headers) -> headers.setBearerAuth(this.officerOfHanoi))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"issuedOn": "2026-11-23"}""")
			.exchange()
			.expectStatus()
			.isCreated();
		this.client.post()
			.uri("/api/identity/citizens/001226003303/death")
			.headers((headers) -> headers.setBearerAuth(this.officerOfHanoi))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"dateOfDeath": "2026-11-23"}""")
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static String citizen(String personalId, String birthDate, String province) {
		return """
				{"personalId":"%s","fullName":"Kiều Thị Lan","birthDate":"%s","sex":"%s",
				 "permanentAddress":{"provinceCode":"%s","commune":"Phường Hoàn Kiếm"}}"""
			.formatted(personalId, birthDate, personalId.charAt(3) % 2 == 0 ? "MALE" : "FEMALE", province);
	}

}
