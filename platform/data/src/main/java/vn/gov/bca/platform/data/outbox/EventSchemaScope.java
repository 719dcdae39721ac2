package vn.gov.bca.platform.data.outbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an event interface whose types several services publish on their own topics (the platform's
 * dossier and document events): their schemas live once, in the folder named here, instead of once
 * per topic. See {@link EventSchemas}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventSchemaScope {

	/** The folder under {@code META-INF/vneid/event-schemas/}, e.g. {@code dossier}. */
	String value();

}
