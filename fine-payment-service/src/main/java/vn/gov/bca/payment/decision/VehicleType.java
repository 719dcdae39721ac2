package vn.gov.bca.payment.decision;

/** The kinds of vehicle the lookup distinguishes (a car and a motorbike may share plate digits). */
public enum VehicleType {

	/** Ô tô. */
	CAR,
	/** Mô tô, xe gắn máy. */
	MOTORBIKE,
	/** Xe máy điện, xe đạp điện. */
	ELECTRIC_BIKE,
	/** Xe máy chuyên dùng and others. */
	OTHER

}
