package vn.gov.bca.platform.dossier.catalogue;

import java.util.List;

/**
 * A procedure catalogue that cannot be used: fees and time limits shown to citizens come from it,
 * so the whole file is refused, with every mistake listed and each naming its procedure.
 */
public class InvalidCatalogueException extends RuntimeException {

	private final List<String> problems;

	public InvalidCatalogueException(List<String> problems) {
		super("Invalid procedure catalogue: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public InvalidCatalogueException(String problem, Throwable cause) {
		super("Invalid procedure catalogue: " + problem, cause);
		this.problems = List.of(problem);
	}

	/** Each mistake, naming the procedure it is in. */
	public List<String> problems() {
		return this.problems;
	}

}
