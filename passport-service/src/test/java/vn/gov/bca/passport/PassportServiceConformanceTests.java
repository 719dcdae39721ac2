package vn.gov.bca.passport;

import org.junit.jupiter.api.Test;

import vn.gov.bca.platform.testkit.ServiceConformanceTests;

class PassportServiceConformanceTests extends ServiceConformanceTests {

	@Override
	protected String apiPrefix() {
		return "/api/passport";
	}

	/** The upload is read by hand (so that a malformed one is a 400); its description still shows the parts. */
	@Test
	void describesTheAttachmentUploadParts() {
		this.client.get()
			.uri(apiPrefix() + "/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/passport/dossiers/{code}/attachments'].post.requestBody.content['multipart/form-data'].schema")
			.exists()
			.jsonPath("$.components.schemas.AttachmentUpload.properties.file.format")
			.isEqualTo("binary")
			.jsonPath("$.components.schemas.AttachmentUpload.required[0]")
			.isEqualTo("file");
	}

}
