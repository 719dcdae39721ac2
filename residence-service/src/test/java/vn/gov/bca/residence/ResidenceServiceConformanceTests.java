package vn.gov.bca.residence;

import vn.gov.bca.platform.testkit.ServiceConformanceTests;

class ResidenceServiceConformanceTests extends ServiceConformanceTests {

	@Override
	protected String apiPrefix() {
		return "/api/residence";
	}

}
