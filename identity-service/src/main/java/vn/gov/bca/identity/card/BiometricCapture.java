package vn.gov.bca.identity.card;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.gov.bca.platform.web.error.ApiException;
import vn.gov.bca.platform.web.error.ProblemType;

/**
 * What the officer recorded at the counter (Law on Identification 26/2023/QH15, Art. 23(1); Decree
 * 70/2024/NĐ-CP): the face photo, the ten fingerprints and both irises, each by its reference in the
 * biometric store and its quality flag, never the image itself (this system keeps no biometric
 * sample). A finger or an eye that cannot be captured (amputation, injury) is marked so with the
 * officer's reason. A sample of poor quality is refused: it is taken again.
 *
 * @param face the face photo
 * @param fingerprints one entry per finger, all ten
 * @param irises one entry per eye, both
 * @param capturedAt when the officer recorded it
 * @param officerSubject who recorded it
 * @param officerAgency the officer's unit
 */
public record BiometricCapture(Sample face, List<Fingerprint> fingerprints, List<Iris> irises, Instant capturedAt,
		String officerSubject, String officerAgency) {

	/** A reference in the biometric store: opaque, no personal data. */
	static final String REFERENCE = "[A-Za-z0-9][A-Za-z0-9:._-]{7,127}";

	/** How usable a sample is, as the capture device grades it. */
	public enum Quality {

		GOOD, ACCEPTABLE, POOR

	}

	public enum Finger {

		RIGHT_THUMB, RIGHT_INDEX, RIGHT_MIDDLE, RIGHT_RING, RIGHT_LITTLE, LEFT_THUMB, LEFT_INDEX, LEFT_MIDDLE,
		LEFT_RING, LEFT_LITTLE

	}

	public enum Eye {

		RIGHT, LEFT

	}

	/** A captured sample: its reference and quality. */
	public record Sample(@NotNull @Pattern(regexp = REFERENCE) String reference, @NotNull Quality quality) {
	}

	/** A finger's print, or why it could not be taken. */
	public record Fingerprint(@NotNull Finger finger, @Pattern(regexp = REFERENCE) String reference, Quality quality,
			@Size(max = 200) String notCapturable) {
	}

	/** An eye's iris, or why it could not be taken. */
	public record Iris(@NotNull Eye eye, @Pattern(regexp = REFERENCE) String reference, Quality quality,
			@Size(max = 200) String notCapturable) {
	}

	/** The officer's request: the samples, as the capture station gives them. */
	public record Request(@NotNull @Valid Sample face, @NotNull @Size(max = 10) List<@NotNull @Valid Fingerprint> fingerprints,
			@NotNull @Size(max = 2) List<@NotNull @Valid Iris> irises) {

		/**
		 * The capture, or a 422 naming every sample missing, doubled, of poor quality, or both captured
		 * and marked not capturable.
		 */
		BiometricCapture recordedBy(String officerSubject, String officerAgency, Instant now) {
			ApiException invalid = new ApiException(ProblemType.UNPROCESSABLE, "biometrics.incomplete");
			if (this.face.quality() == Quality.POOR) {
				invalid.withError("face.quality", "biometrics.poor-quality");
			}
			Set<Finger> fingers = EnumSet.noneOf(Finger.class);
			for (int i = 0; i < this.fingerprints.size(); i++) {
				Fingerprint print = this.fingerprints.get(i);
				check("fingerprints[" + i + "]", fingers.add(print.finger()), print.reference(), print.quality(),
						print.notCapturable(), invalid);
			}
			for (Finger finger : Finger.values()) {
				if (!fingers.contains(finger)) {
					invalid.withError("fingerprints", "biometrics.finger-missing", finger);
				}
			}
			Set<Eye> eyes = EnumSet.noneOf(Eye.class);
			for (int i = 0; i < this.irises.size(); i++) {
				Iris iris = this.irises.get(i);
				check("irises[" + i + "]", eyes.add(iris.eye()), iris.reference(), iris.quality(), iris.notCapturable(),
						invalid);
			}
			for (Eye eye : Eye.values()) {
				if (!eyes.contains(eye)) {
					invalid.withError("irises", "biometrics.eye-missing", eye);
				}
			}
			if (!invalid.errors().isEmpty()) {
				throw invalid;
			}
			return new BiometricCapture(this.face, List.copyOf(this.fingerprints), List.copyOf(this.irises), now,
					officerSubject, officerAgency);
		}

		private static void check(String field, boolean first, String reference, Quality quality, String notCapturable,
				ApiException invalid) {
			if (!first) {
				invalid.withError(field, "biometrics.duplicate");
			}
			boolean captured = reference != null;
			boolean excused = notCapturable != null && !notCapturable.isBlank();
			if (captured == excused) {
				invalid.withError(field, "biometrics.captured-or-excused");
			}
			else if (captured && quality == null) {
				invalid.withError(field + ".quality", "biometrics.quality-required");
			}
			else if (captured && quality == Quality.POOR) {
				invalid.withError(field + ".quality", "biometrics.poor-quality");
			}
		}

	}

	/** How many fingers were captured (the others are marked not capturable). */
	public long fingersCaptured() {
		return this.fingerprints.stream().filter((print) -> print.reference() != null).count();
	}

	public long irisesCaptured() {
		return this.irises.stream().filter((iris) -> iris.reference() != null).count();
	}

}
