package vn.gov.bca.platform.web.context;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestContextTests {

	@Test
	void continuesTheCallersRequestIdAndTraceWithANewSpan() {
		RequestContext context = RequestContext.continueFrom("portal-req-000123",
				"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

		assertThat(context.requestId()).isEqualTo("portal-req-000123");
		assertThat(context.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(context.spanId()).matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
		assertThat(context.traceparent()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-" + context.spanId() + "-01");
	}

	@Test
	void startsANewContextWhenTheCallerSentNone() {
		RequestContext context = RequestContext.continueFrom(null, null);

		assertThat(context.requestId()).matches("[0-9a-f-]{36}");
		assertThat(context.traceId()).matches("[0-9a-f]{32}");
	}

	@Test
	void replacesMalformedOrHostileValuesRatherThanTrustingThem() {
		RequestContext context = RequestContext.continueFrom("x\r\nSet-Cookie: a=b",
				"00-00000000000000000000000000000000-00f067aa0ba902b7-01");

		assertThat(context.requestId()).doesNotContain("\n").matches("[0-9a-f-]{36}");
		assertThat(context.traceId()).isNotEqualTo("0".repeat(32));
		assertThat(RequestContext.continueFrom("short", "garbage").requestId()).isNotEqualTo("short");
	}

	@Test
	void theNextHopKeepsRequestAndTraceAndTakesANewSpan() {
		RequestContext context = RequestContext.continueFrom(null, null);
		RequestContext next = context.nextHop();

		assertThat(next.requestId()).isEqualTo(context.requestId());
		assertThat(next.traceId()).isEqualTo(context.traceId());
		assertThat(next.spanId()).isNotEqualTo(context.spanId());
	}

}
