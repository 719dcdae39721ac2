package vn.gov.bca.residence.establishment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import vn.gov.bca.platform.dossier.Address;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.JwtIssuer;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.web.security.Caller;

/** A provider's own establishments: however many list them, one answer of at most {@link Establishments#MAX_MINE}. */
@IntegrationTest
class EstablishmentsTests {

	private static final JwtIssuer jwt = TestInfrastructure.get().jwt();

	private static final String OPERATOR = "001178006666";

	private static final Caller OFFICER = new Caller("officer", "001080001111", 2, Set.of(Caller.OFFICER),
			"CAP-HK-HN", "01", "console");

	@Autowired
	private WebTestClient client;

	@Autowired
	private ReactiveMongoTemplate mongo;

	@Test
	void aProviderOfMoreEstablishmentsThanTheBoundSeesTheFirstByIdOnly() {
		Instant now = Instant.now();
		// Written as the register would store them, without their events: only the listing is under test.
		List<Establishment> many = IntStream.rangeClosed(1, Establishments.MAX_MINE + 1)
			.mapToObj((i) -> Establishment.register("CSLT-CAP-%04d".formatted(i),
					new Establishments.EstablishmentRequest("Nhà nghỉ số " + i, "0101" + i, new Address("01",
							"Phường Hoàn Kiếm", i + " phố Hàng Bạc"), false, Set.of(OPERATOR)), OFFICER, now)
				.establishment())
			.toList();
		this.mongo.insert(many, Establishments.COLLECTION).blockLast();

		this.client.get()
			.uri("/api/residence/establishments/mine")
			.headers((headers) -> headers.setBearerAuth(jwt.token().subject("provider-" + OPERATOR)
				.personalId(OPERATOR)
				.identityLevel(2)
				.roles("citizen", Establishment.PROVIDER)
				.sign()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(Establishments.MAX_MINE)
			.jsonPath("$[0].id")
			.isEqualTo("CSLT-CAP-0001")
			.jsonPath("$[%d].id".formatted(Establishments.MAX_MINE - 1))
			.isEqualTo("CSLT-CAP-%04d".formatted(Establishments.MAX_MINE));
	}

}
