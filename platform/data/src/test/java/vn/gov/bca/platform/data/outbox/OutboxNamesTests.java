package vn.gov.bca.platform.data.outbox;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Topic, source and type prefix come from the service's name, in one place; each can still be set. */
class OutboxNamesTests {

	private static MockEnvironment named(String application) {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", application);
		new OutboxNames().postProcessEnvironment(environment, null);
		return environment;
	}

	private static OutboxProperties bound(MockEnvironment environment) {
		return Binder.get(environment).bindOrCreate("vneid.outbox", OutboxProperties.class);
	}

	@Test
	void theNamesOfAServiceComeFromItsNameWithoutService() {
		OutboxProperties passport = bound(named("passport-service"));

		assertThat(passport.getTopic()).isEqualTo("passport.events.v1");
		assertThat(passport.getSource()).isEqualTo("/passport-service");
		assertThat(passport.getTypePrefix()).isEqualTo("vn.gov.bca.passport.");
		assertThat(passport.getDomain()).isEqualTo("passport");
	}

	@Test
	void aDomainSetExplicitlyNamesTheTopicAndTypesButTheSourceStaysTheService() {
		MockEnvironment environment = named("fine-payment-service").withProperty("vneid.outbox.domain", "payment");

		OutboxProperties payment = bound(environment);

		assertThat(payment.getTopic()).isEqualTo("payment.events.v1");
		assertThat(payment.getSource()).isEqualTo("/fine-payment-service");
		assertThat(payment.getTypePrefix()).isEqualTo("vn.gov.bca.payment.");
		// Also for placeholders such as a listener's topics = "${vneid.outbox.topic}".
		assertThat(environment.resolvePlaceholders("${vneid.outbox.topic}")).isEqualTo("payment.events.v1");
	}

	@Test
	void eachNameSetExplicitlyWins() {
		MockEnvironment environment = named("identity-service").withProperty("vneid.outbox.topic", "identity.events.v2")
			.withProperty("vneid.outbox.source", "/identity")
			.withProperty("vneid.outbox.type-prefix", "vn.gov.bca.id.");

		OutboxProperties identity = bound(environment);

		assertThat(identity.getTopic()).isEqualTo("identity.events.v2");
		assertThat(identity.getSource()).isEqualTo("/identity");
		assertThat(identity.getTypePrefix()).isEqualTo("vn.gov.bca.id.");
	}

	@Test
	void aNameWithoutTheSuffixIsTheDomainAsItIs() {
		OutboxProperties gateway = bound(named("gateway"));

		assertThat(gateway.getTopic()).isEqualTo("gateway.events.v1");
		assertThat(gateway.getSource()).isEqualTo("/gateway");
	}

	@Test
	void withoutAnApplicationNameNothingIsDerived() {
		MockEnvironment environment = new MockEnvironment();
		new OutboxNames().postProcessEnvironment(environment, null);

		assertThat(bound(environment).getTopic()).isNull();
	}

}
