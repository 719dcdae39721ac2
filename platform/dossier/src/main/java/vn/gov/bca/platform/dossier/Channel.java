package vn.gov.bca.platform.dossier;

/** How a dossier reached the agency, with the national portal's codes. */
public enum Channel {

	/** Trực tiếp: at the counter. */
	COUNTER(1),
	/** Trực tuyến: online (the national portal, the ministry's portal, VNeID). */
	ONLINE(2),
	/** Bưu chính công ích: the public postal service. */
	POST(3);

	private final int code;

	Channel(int code) {
		this.code = code;
	}

	/** The national portal's code. */
	public int code() {
		return this.code;
	}

}
