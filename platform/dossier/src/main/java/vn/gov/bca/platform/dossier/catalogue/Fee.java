package vn.gov.bca.platform.dossier.catalogue;

import java.time.LocalDate;

import vn.gov.bca.platform.dossier.Channel;

/**
 * A fee (phí, lệ phí) of a procedure during one period. Amounts change by circular of the Ministry
 * of Finance, often for a limited time and differently online and at the counter (reductions to
 * encourage online submission), so each amount is master data with the days it applies; a fee
 * code may have several periods, which must not overlap.
 *
 * @param code the fee's code; the same code in several entries means periods of one fee
 * @param nameVi the name in Vietnamese
 * @param nameEn the name in English
 * @param amountOnline the amount in VND for a dossier submitted online
 * @param amountCounter the amount in VND for a dossier submitted at the counter or by post
 * @param validFrom the first day the amounts apply
 * @param validTo the last day they apply, inclusive; null while no end is set
 * @param legalBasis the circular that sets the amounts, and what is still to confirm
 */
public record Fee(String code, String nameVi, String nameEn, long amountOnline, long amountCounter,
		LocalDate validFrom, LocalDate validTo, String legalBasis) {

	/** Whether the amounts apply on that day. */
	public boolean appliesOn(LocalDate date) {
		return !date.isBefore(this.validFrom) && (this.validTo == null || !date.isAfter(this.validTo));
	}

	/**
	 * The amount for a dossier that came through that channel: the online amount for
	 * {@link Channel#ONLINE}, the counter amount for the counter and the post (postage is not a fee
	 * of the procedure).
	 */
	public long amountFor(Channel channel) {
		return (channel == Channel.ONLINE) ? this.amountOnline : this.amountCounter;
	}

	boolean overlaps(Fee other) {
		boolean thisEndsBefore = this.validTo != null && this.validTo.isBefore(other.validFrom);
		boolean otherEndsBefore = other.validTo != null && other.validTo.isBefore(this.validFrom);
		return !thisEndsBefore && !otherEndsBefore;
	}

	String period() {
		return this.validFrom + "–" + ((this.validTo != null) ? this.validTo : "open");
	}

}
