package vn.gov.bca.platform.web.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalIdsTests {

	@Test
	void masksAPersonalId() {
		assertThat(PersonalIds.mask("001085012345")).isEqualTo("001*****2345");
	}

	@Test
	void masksEveryPersonalIdInAPathAndLeavesOtherNumbers() {
		assertThat(PersonalIds.maskIn("/api/identity/accounts/001085012345/unlock"))
			.isEqualTo("/api/identity/accounts/001*****2345/unlock");
		assertThat(PersonalIds.maskIn("/a/001085012345/b/079192004567"))
			.isEqualTo("/a/001*****2345/b/079*****4567");
		// A dossier code's date and sequence, and a longer number, are not personal ids.
		assertThat(PersonalIds.maskIn("/api/passport/dossiers/PA08-HN-261201-0001"))
			.isEqualTo("/api/passport/dossiers/PA08-HN-261201-0001");
		assertThat(PersonalIds.maskIn("9223372036854775807")).isEqualTo("9223372036854775807");
	}

}
