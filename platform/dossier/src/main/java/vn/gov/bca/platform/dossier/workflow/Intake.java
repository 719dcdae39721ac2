package vn.gov.bca.platform.dossier.workflow;

import java.time.Instant;
import java.time.LocalDate;

import vn.gov.bca.platform.dossier.Channel;
import vn.gov.bca.platform.dossier.catalogue.Procedure;
import vn.gov.bca.platform.web.security.Caller;
import vn.gov.bca.platform.web.time.VietnamTime;

/**
 * A submission as the procedure's rules see it: the catalogue's procedure, the channel, who the
 * applicant is (the caller online; the person named by the officer at the counter or by the national
 * portal), the typed form, the instant received, and the province whose unit receives it (a
 * procedure may require the unit of the place concerned).
 */
public record Intake<F>(Procedure procedure, Channel channel, String applicantPersonalId,
		String declaredApplicantName, F form, Caller caller, Instant receivedAt, String handlingProvince) {

	/** Vietnam's day of receipt: the day the procedure's time limit and age rules count from. */
	public LocalDate today() {
		return VietnamTime.dayOf(this.receivedAt);
	}

}
