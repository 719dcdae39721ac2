package vn.gov.bca.identity.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.testkit.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a notification channel, a registration is refused honestly (503), never pretended. */
@IntegrationTest
@TestPropertySource(properties = "vneid.notifications.dev-sink-dir=")
class RegistrationWithoutNotificationsTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Test
	void aStartIsRefusedWith503AndNothingIsKept() {
		this.client.post()
			.uri("/api/identity/public/account-registrations")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"personalId": "001196001101", "fullName": "Lê Thị Hạ", "birthDate": "1996-02-02"}""")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Hệ thống chưa gửi được mã xác thực (chưa cấu hình kênh gửi tin). Vui lòng thử lại sau.");
		assertThat(this.mongo.getCollection(RegistrationService.COLLECTION)
			.flatMap((collection) -> reactor.core.publisher.Mono.from(collection.countDocuments()))
			.block()).isZero();
	}

}
