package vn.gov.bca.platform.dossier.workflow;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import vn.gov.bca.platform.dossier.Dossier;

/**
 * The API description of {@link DossierView} with the procedure's part in it: the view's JSON has
 * the fields of the rules' details at its top level ({@code @JsonUnwrapped}), which springdoc
 * cannot see through an {@code Object}; the type is read from the return type the rules declare for
 * {@link ProcedureRules#details} (e.g. {@code Details details(PassportApplication)}).
 */
final class DossierViewSchema {

	private DossierViewSchema() {
	}

	static OpenApiCustomizer of(ProcedureRules<?, ?> rules) {
		Class<?> details = detailsType(rules);
		return (openApi) -> {
			if (details == Object.class || openApi.getComponents() == null
					|| openApi.getComponents().getSchemas() == null) {
				return;
			}
			Schema<?> view = openApi.getComponents().getSchemas().get(DossierView.class.getSimpleName());
			Map<String, Schema> found = ModelConverters.getInstance().readAll(details);
			Schema<?> own = found.get(details.getSimpleName());
			if (view == null || own == null || own.getProperties() == null) {
				return;
			}
			view.getProperties().remove("details");
			own.getProperties().forEach(view::addProperty);
			found.forEach((name, schema) -> {
				if (!name.equals(details.getSimpleName())) {
					openApi.getComponents().getSchemas().putIfAbsent(name, schema);
				}
			});
		};
	}

	static Class<?> detailsType(ProcedureRules<?, ?> rules) {
		return Arrays.stream(rules.getClass().getMethods())
			.filter((method) -> method.getName().equals("details") && !method.isBridge()
					&& method.getParameterCount() == 1 && Dossier.class.isAssignableFrom(method.getParameterTypes()[0]))
			.map(Method::getReturnType)
			.findFirst()
			.orElse(Object.class);
	}

}
