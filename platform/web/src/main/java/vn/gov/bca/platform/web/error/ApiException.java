package vn.gov.bca.platform.web.error;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, answered as a problem of the given type. The detail is a
 * message code resolved in the caller's language (vi or en) with its arguments, so a service
 * never puts a sentence in one language into an error. Extra properties (for example the
 * current status of a dossier) are added to the problem as members.
 */
public class ApiException extends RuntimeException {

	private final ProblemType type;

	private final String detailCode;

	private final Object[] detailArgs;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	private final List<FieldProblem> errors = new ArrayList<>();

	/**
	 * One broken rule, listed under {@code errors} like a field validation error: the field, a
	 * stable code, and a message resolved from the code in the caller's language.
	 */
	public record FieldProblem(String field, String code, Object... args) {
	}

	public ApiException(ProblemType type, String detailCode, Object... detailArgs) {
		super(type.slug() + ": " + detailCode + " " + Arrays.toString(detailArgs));
		this.type = type;
		this.detailCode = detailCode;
		this.detailArgs = detailArgs.clone();
	}

	/**
	 * Nothing of that kind with that id (or nothing the caller may see). The detail is the message
	 * {@code not-found.<what>} if the service defines one, else the general "not found".
	 */
	public static ApiException notFound(String what) {
		return new ApiException(ProblemType.NOT_FOUND, "not-found." + what);
	}

	public static ApiException forbidden(String detailCode, Object... args) {
		return new ApiException(ProblemType.FORBIDDEN, detailCode, args);
	}

	public static ApiException conflict(String detailCode, Object... args) {
		return new ApiException(ProblemType.CONFLICT, detailCode, args);
	}

	public static ApiException unprocessable(String detailCode, Object... args) {
		return new ApiException(ProblemType.UNPROCESSABLE, detailCode, args);
	}

	public static ApiException unavailable(String dependency) {
		return new ApiException(ProblemType.SERVICE_UNAVAILABLE, "dependency-unavailable", dependency);
	}

	/** The dependency is unavailable for that reason (kept as the cause, logged with the 503). */
	public static ApiException unavailable(String dependency, Throwable cause) {
		ApiException ex = unavailable(dependency);
		ex.initCause(cause);
		return ex;
	}

	public ApiException with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	public ApiException withError(String field, String code, Object... args) {
		this.errors.add(new FieldProblem(field, code, args));
		return this;
	}

	public List<FieldProblem> errors() {
		return Collections.unmodifiableList(this.errors);
	}

	public ProblemType type() {
		return this.type;
	}

	public String detailCode() {
		return this.detailCode;
	}

	public Object[] detailArgs() {
		return this.detailArgs.clone();
	}

	public Map<String, Object> properties() {
		return Collections.unmodifiableMap(this.properties);
	}

}
