package vn.gov.bca.identity.registry;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.gov.bca.identity.privacy.Pseudonyms;
import vn.gov.bca.platform.testkit.EventSchemaAssertions;
import vn.gov.bca.platform.testkit.IntegrationTest;
import vn.gov.bca.platform.testkit.TestInfrastructure;
import vn.gov.bca.platform.testkit.TopicReader;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly reminder of a card's exchange, against real MongoDB and Kafka: a citizen whose card
 * reaches its last valid day (the 25th birthday) in 10 days gets one {@code IdentityCardExchangeDue}
 * naming only their pseudonym, the day and the age; the next night's run sends none again.
 */
@IntegrationTest
class CardExchangeRemindersTests {

	@Autowired
	private CardExchangeReminders reminders;

	@Autowired
	private CitizenRegistry registry;

	@Autowired
	private Pseudonyms pseudonyms;

	@Test
	void aCitizenTurningTwentyFiveIsRemindedOnceByAnEventNamingNobody() {
		LocalDate today = LocalDate.now(VietnamTime.ZONE);
		LocalDate born = today.plusDays(10).minusYears(25);
		// Hà Nội (001), the century and sex digit, the year of birth, then six digits: a well-formed number.
		String personalId = "001" + (born.getYear() >= 2000 ? "2" : "0") + String.format("%02d", born.getYear() % 100)
				+ "40" + String.format("%04d", Math.floorMod(born.toEpochDay(), 10_000));
		Caller officer = new Caller("officer", "001080001111", 2, Set.of(Caller.OFFICER), "PC06-HN", "01", "console");
		if (this.registry.find(personalId).block() == null) {
			this.registry.register(NewCitizens.citizen(personalId, "Vũ Văn Nhắc", born.toString(), Sex.MALE).build())
				.block();
			this.registry.issueIdentityCard(personalId, born.plusYears(16), "Cục C06", officer).block();
		}
		assertThat(this.registry.find(personalId).block().currentIdentityCard().expiresOn())
			.isEqualTo(born.plusYears(25));

		assertThat(this.reminders.remind(today).block()).isPositive();
		String pseudonym = this.pseudonyms.of(personalId);
		List<ConsumerRecord<String, String>> due = TopicReader.await(TestInfrastructure.get().kafkaBootstrapServers(),
				"identity.events.v1", (record) -> pseudonym.equals(record.key())
						&& "vn.gov.bca.identity.IdentityCardExchangeDue".equals(TopicReader.header(record, "ce_type")),
				1, Duration.ofSeconds(20));
		assertThat(due).singleElement().satisfies((event) -> {
			assertThat((String) JsonPath.read(event.value(), "$.lastValidDay")).isEqualTo(born.plusYears(25).toString());
			assertThat((Integer) JsonPath.read(event.value(), "$.exchangeAge")).isEqualTo(25);
			assertThat(event.value()).doesNotContain(personalId, "Vũ Văn Nhắc");
		});
		EventSchemaAssertions.assertValid(due);

		this.reminders.remind(today).block();
		assertThat(TopicReader.readFor(TestInfrastructure.get().kafkaBootstrapServers(), "identity.events.v1",
				(record) -> pseudonym.equals(record.key())
						&& "vn.gov.bca.identity.IdentityCardExchangeDue".equals(TopicReader.header(record, "ce_type")),
				Duration.ofSeconds(5))).hasSize(1);
	}

}
