package vn.gov.bca.seal.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.gov.bca.platform.dossier.catalogue.AgencyLevel;

/**
 * The categories of organisations that use seals under Decree 99/2016/NĐ-CP Art. 5 (as amended by
 * Decree 56/2023/NĐ-CP), as master data ({@code organisation-categories.json}): each with its clause,
 * names and the police levels that may register its seals (C06 for central bodies, PC06 for local
 * ones). Enterprises are outside the decree and so in no category. Checked at load.
 */
@Component
public class OrganisationCategories {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** One category: {@code levels} the police levels that handle its organisations' seals. */
	public record Category(String code, String clause, String nameVi, String nameEn, Set<AgencyLevel> levels) {
	}

	record File(String source, List<Category> categories) {
	}

	private final Map<String, Category> byCode;

	@org.springframework.beans.factory.annotation.Autowired
	OrganisationCategories(
			@Value("${vneid.seal.organisation-categories:classpath:organisation-categories.json}") Resource file) {
		this(read(file));
	}

	OrganisationCategories(List<Category> categories) {
		Map<String, Category> byCode = new LinkedHashMap<>();
		for (Category category : categories) {
			if (category.code() == null || !category.code().matches("[A-Z][A-Z0-9_]{1,39}")) {
				throw new IllegalArgumentException("'" + category.code() + "' is not a category code");
			}
			if (category.levels() == null || category.levels().isEmpty() || category.levels().contains(AgencyLevel.COMMUNE)) {
				throw new IllegalArgumentException("category " + category.code() + ": levels are CENTRAL and/or PROVINCIAL");
			}
			if (category.nameVi() == null || category.clause() == null) {
				throw new IllegalArgumentException("category " + category.code() + " needs its clause and name");
			}
			if (byCode.put(category.code(), category) != null) {
				throw new IllegalArgumentException("category " + category.code() + " is listed twice");
			}
		}
		if (byCode.isEmpty()) {
			throw new IllegalArgumentException("The organisation categories file lists no category");
		}
		this.byCode = Map.copyOf(byCode);
		this.ordered = List.copyOf(byCode.values());
	}

	private final List<Category> ordered;

	private static List<Category> read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			File file = JSON.readValue(in, File.class);
			return (file.categories() != null) ? file.categories() : List.of();
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The organisation categories file is not valid: " + ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the organisation categories " + resource, ex);
		}
	}

	public Optional<Category> find(String code) {
		return Optional.ofNullable((code != null) ? this.byCode.get(code) : null);
	}

	public List<Category> all() {
		return this.ordered;
	}

}
