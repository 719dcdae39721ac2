package vn.gov.bca.platform.web.config;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;

import vn.gov.bca.platform.web.security.Caller;

/**
 * The part of every service's OpenAPI description that is the same everywhere: the service's
 * name, the VNeID bearer token, and a relative server so that "try it out" in the gateway's
 * Swagger UI goes through the gateway rather than straight to the service.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.properties.SpringDocConfigProperties")
public class OpenApiConfiguration {

	/**
	 * The {@link Caller} parameter of a controller comes from the token, not from the request: without
	 * this, springdoc lists it as a required {@code caller} query parameter that does not exist.
	 */
	public OpenApiConfiguration() {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	@ConditionalOnMissingBean(OpenAPI.class)
	OpenAPI platformOpenApi(@Value("${spring.application.name:service}") String name,
			@Value("${info.service.description:}") String description) {
		return new OpenAPI().info(new Info().title(name).version("v1").description(description))
			.servers(List.of(new Server().url("/")))
			.components(new Components().addSecuritySchemes("vneid",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("Access token of the VNeID account (Keycloak realm vneid)")))
			.addSecurityItem(new SecurityRequirement().addList("vneid"));
	}

}
