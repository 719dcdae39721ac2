package vn.gov.bca.seal.registry;

/** The kinds of seal Decree 99/2016 registers (Art. 3: con dấu, dấu nổi, dấu thu nhỏ, dấu xi; Art. 6: a seal added). */
public enum SealKind {

	/** Con dấu: the organisation's seal. */
	ORDINARY("Con dấu"),
	/** Dấu nổi: an embossed seal. */
	EMBOSSED("Dấu nổi"),
	/** Dấu thu nhỏ: a miniature of the seal. */
	MINIATURE("Dấu thu nhỏ"),
	/** Dấu xi: a wax seal. */
	WAX("Dấu xi"),
	/** Con dấu thêm: another seal of the organisation beside its first. */
	ADDITIONAL("Con dấu thêm");

	private final String nameVi;

	SealKind(String nameVi) {
		this.nameVi = nameVi;
	}

	public String nameVi() {
		return this.nameVi;
	}

	/** The kinds only an organisation entitled by a legal document may use. */
	public boolean special() {
		return this == EMBOSSED || this == MINIATURE || this == WAX;
	}

}
