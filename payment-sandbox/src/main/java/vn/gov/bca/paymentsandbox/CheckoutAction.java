package vn.gov.bca.paymentsandbox;

import java.util.Optional;

/** The three buttons of the checkout page, by the {@code action} value they submit. */
enum CheckoutAction {

	PAY("pay"),
	FAIL("fail"),
	CANCEL("cancel");

	private final String formValue;

	CheckoutAction(String formValue) {
		this.formValue = formValue;
	}

	String formValue() {
		return formValue;
	}

	static Optional<CheckoutAction> fromForm(String value) {
		for (CheckoutAction action : values()) {
			if (action.formValue.equals(value)) {
				return Optional.of(action);
			}
		}
		return Optional.empty();
	}
}
