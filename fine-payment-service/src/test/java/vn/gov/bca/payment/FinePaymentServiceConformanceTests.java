package vn.gov.bca.payment;

import vn.gov.bca.platform.testkit.ServiceConformanceTests;

class FinePaymentServiceConformanceTests extends ServiceConformanceTests {

	@Override
	protected String apiPrefix() {
		return "/api/payment";
	}

}
