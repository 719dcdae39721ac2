package vn.gov.bca.platform.dossier.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import vn.gov.bca.platform.dossier.Channel;
import vn.gov.bca.platform.dossier.Dossier;
import vn.gov.bca.platform.dossier.DossierStatus;
import vn.gov.bca.platform.dossier.ProgressEntry;

/**
 * A dossier as its applicant and officers see it, for every procedure: status (and its national
 * code), appointment ({@code appointmentProvisional} when counted past the holiday file's last year
 * and so liable to move), overdue on Vietnam's day, fee, supplement request, result, progress —
 * and the procedure's own part ({@code details}: its form, what it produced), whose fields appear at
 * the top level of the JSON.
 */
public record DossierView(String code, String procedureCode, Channel channel, DossierStatus status, int statusCode,
		String handlingUnit, Instant receivedAt, LocalDate appointmentDate, boolean appointmentProvisional,
		boolean overdue, Dossier.Fee fee, Dossier.SupplementRequest supplementRequest, Dossier.Result result,
		List<ProgressEntry> progress, @JsonUnwrapped Object details) {

	static DossierView of(Dossier dossier, Object details, LocalDate today) {
		return new DossierView(dossier.code(), dossier.procedureCode(), dossier.channel(), dossier.status(),
				dossier.status().code(), dossier.handlingUnit().code(), dossier.receivedAt(), dossier.appointmentDate(),
				dossier.appointmentProvisional(), dossier.isOverdue(today), dossier.fee(), dossier.supplementRequest(),
				dossier.result(), dossier.progress(), details);
	}

}
