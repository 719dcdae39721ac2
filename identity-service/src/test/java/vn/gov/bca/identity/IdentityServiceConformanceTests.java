package vn.gov.bca.identity;

import vn.gov.bca.platform.testkit.ServiceConformanceTests;

class IdentityServiceConformanceTests extends ServiceConformanceTests {

	@Override
	protected String apiPrefix() {
		return "/api/identity";
	}

}
