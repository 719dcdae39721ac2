package vn.gov.bca.seal;

import vn.gov.bca.platform.testkit.ServiceConformanceTests;

class SealServiceConformanceTests extends ServiceConformanceTests {

	@Override
	protected String apiPrefix() {
		return "/api/seal";
	}

}
