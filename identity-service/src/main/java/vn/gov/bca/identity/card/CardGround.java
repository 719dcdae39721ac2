package vn.gov.bca.identity.card;

/**
 * Why a card is issued, exchanged or re-issued (Law on Identification 26/2023/QH15, Art. 24), and
 * whether the fee is owed. The fees are those of Circular 73/2024/TT-BTC (exchange 50,000 VND,
 * re-issue 70,000 VND, in the catalogue); the first issue is not among the cases the circular charges,
 * and it exempts the exchange at the ages of Art. 21(1), one made for an error the managing authority
 * made in the card's data, and one made because administrative units were rearranged (the articles
 * to confirm are noted in the catalogue).
 */
public enum CardGround {

	/** The first card (Art. 23): free. */
	FIRST_ISSUE(CardProcedure.ISSUE, true, "Cấp thẻ căn cước lần đầu"),
	/** The holder reaches 14, 25, 40 or 60 (Art. 21(1), 24(1)(a)): free. */
	EXCHANGE_AGE(CardProcedure.EXCHANGE, true, "Đổi thẻ khi đủ tuổi theo quy định (14, 25, 40, 60 tuổi)"),
	/** The family name, middle name, given name or date of birth changed or was corrected (Art. 24(1)(b)). */
	PERSONAL_DATA_CHANGED(CardProcedure.EXCHANGE, false,
			"Thay đổi, cải chính thông tin về họ, chữ đệm, tên khai sinh, ngày, tháng, năm sinh"),
	/** Sex redetermined or changed (Art. 24(1)(d)). */
	SEX_CHANGED(CardProcedure.EXCHANGE, false, "Xác định lại giới tính hoặc chuyển đổi giới tính"),
	/** The card is damaged and cannot be used. */
	DAMAGED(CardProcedure.EXCHANGE, false, "Thẻ bị hư hỏng không sử dụng được"),
	/** The card's data are wrong through the managing authority's error (Art. 24(1)(đ)): free. */
	AUTHORITY_ERROR(CardProcedure.EXCHANGE, true, "Có sai sót về thông tin trên thẻ do lỗi của cơ quan quản lý"),
	/** The address printed changed because administrative units were rearranged (Art. 24(1)(e)): free. */
	ADMINISTRATIVE_UNITS_REARRANGED(CardProcedure.EXCHANGE, true,
			"Thay đổi thông tin do sắp xếp đơn vị hành chính"),
	/** The card was lost (Art. 24(2)(a)). */
	LOST(CardProcedure.REISSUE, false, "Bị mất thẻ căn cước"),
	/** Vietnamese nationality was restored (Art. 24(2)(b)). */
	NATIONALITY_RESTORED(CardProcedure.REISSUE, false, "Được trở lại quốc tịch Việt Nam");

	private final CardProcedure procedure;

	private final boolean free;

	private final String nameVi;

	CardGround(CardProcedure procedure, boolean free, String nameVi) {
		this.procedure = procedure;
		this.free = free;
		this.nameVi = nameVi;
	}

	/** The procedure this ground belongs to. */
	public CardProcedure procedure() {
		return this.procedure;
	}

	/** Whether no fee is owed on this ground, whatever the catalogue sets for the procedure. */
	public boolean free() {
		return this.free;
	}

	public String nameVi() {
		return this.nameVi;
	}

}
