package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RealmFileTests {

	@Test
	void listsPeopleWithTheirPortalRolesAndSkipsServiceAccounts() {
		RealmFile realm = RealmFile.parse("""
				{"realm": "vneid",
				 "clients": [{"clientId": "dev-scripts", "publicClient": true}],
				 "users": [
				   {"username": "nguyenvanan", "realmRoles": ["default-roles-vneid", "citizen"],
				    "attributes": {"personal_id": ["001085012345"], "identity_level": ["2"]}},
				   {"username": "canbo.hanoi", "realmRoles": ["citizen", "officer", "offline_access"]},
				   {"username": "service-account-identity-service", "serviceAccountClientId": "identity-service",
				    "realmRoles": ["service"]}
				 ]}
				""");

		assertThat(realm.accounts()).containsExactly(
				new RealmFile.Account("nguyenvanan", List.of("citizen"), "001085012345", "2"),
				new RealmFile.Account("canbo.hanoi", List.of("citizen", "officer"), "", ""));
		assertThat(realm.devScriptsSecret()).isEmpty();
	}

	@Test
	void aConfidentialDevScriptsClientBringsItsSecret() {
		RealmFile realm = RealmFile.parse("""
				{"clients": [{"clientId": "dev-scripts", "publicClient": false, "secret": "s3cret"}]}
				""");

		assertThat(realm.devScriptsSecret()).contains("s3cret");
		assertThat(realm.accounts()).isEmpty();
	}
}
