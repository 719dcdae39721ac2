package vn.gov.bca.platform.web.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderCharactersTests {

	@Test
	void allowsTokensTabsAndVietnameseText() {
		assertThat(HeaderCharacters.isAllowed("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln-_")).isTrue();
		assertThat(HeaderCharacters.isAllowed("vi-VN,vi;q=0.9,\ten;q=0.8")).isTrue();
		assertThat(HeaderCharacters.isAllowed("Nguyễn Thị Hà")).isTrue();
		assertThat(HeaderCharacters.isAllowed("")).isTrue();
		assertThat(HeaderCharacters.isAllowed(null)).isTrue();
	}

	@Test
	void refusesControlCharactersThatCouldSplitOrTruncateHeaders() {
		assertThat(HeaderCharacters.isAllowed("a\r\nSet-Cookie: session=stolen")).isFalse();
		assertThat(HeaderCharacters.isAllowed("a\u0000b")).isFalse();
		assertThat(HeaderCharacters.isAllowed("a\u007Fb")).isFalse();
		assertThat(HeaderCharacters.isAllowed("a\u0085b")).isFalse();
	}

}
