package vn.gov.bca.passport;

import vn.gov.bca.platform.testkit.ServiceConformanceTests;

class PassportServiceConformanceTests extends ServiceConformanceTests {

	@Override
	protected String apiPrefix() {
		return "/api/passport";
	}

}
