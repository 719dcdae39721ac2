package vn.gov.bca.platform.web.context;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-address limit keys on the TCP peer, or on the address the trusted proxies name. */
class ClientAddressTests {

	@Test
	void withNoTrustedProxyTheHeaderIsIgnored() {
		ClientAddress direct = new ClientAddress(0);
		assertThat(direct.of("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
		assertThat(direct.of("203.0.113.9", null)).isEqualTo("203.0.113.9");
	}

	@Test
	void behindOneProxyTheClientIsTheLastAddressItAppended() {
		ClientAddress behindLoadBalancer = new ClientAddress(1);
		// The client forged "1.2.3.4"; the load balancer (10.0.0.5) appended the real address.
		assertThat(behindLoadBalancer.of("10.0.0.5", List.of("1.2.3.4, 203.0.113.9"))).isEqualTo("203.0.113.9");
		assertThat(behindLoadBalancer.of("10.0.0.5", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
	}

	@Test
	void behindTwoProxiesItCountsTwoFromTheRightAcrossHeaderLines() {
		ClientAddress two = new ClientAddress(2);
		assertThat(two.of("10.0.0.5", List.of("1.2.3.4", "203.0.113.9, 10.1.1.1"))).isEqualTo("203.0.113.9");
	}

	@Test
	void portsAndBracketsAreDropped() {
		ClientAddress one = new ClientAddress(1);
		assertThat(one.of("10.0.0.5", List.of("203.0.113.9:51234"))).isEqualTo("203.0.113.9");
		assertThat(one.of("10.0.0.5", List.of("[2001:db8::7]:443"))).isEqualTo("2001:db8::7");
		assertThat(one.of("10.0.0.5", List.of("2001:db8::7"))).isEqualTo("2001:db8::7");
	}

	@Test
	void aShorterChainThanTheProxiesGivesItsLeftmostAddress() {
		assertThat(new ClientAddress(3).of("10.0.0.5", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
		assertThat(new ClientAddress(1).of("10.0.0.5", null)).isEqualTo("10.0.0.5");
	}

}
