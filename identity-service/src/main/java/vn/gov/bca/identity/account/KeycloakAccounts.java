package vn.gov.bca.identity.account;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

import vn.gov.bca.platform.web.client.ServiceClient;
import vn.gov.bca.platform.web.client.ServiceClients;
import vn.gov.bca.platform.web.error.ApiException;

/**
 * The VNeID account store (Keycloak's admin API of the realm), used with this service's own service
 * account ({@code manage-users}). Users are created with the personal id as user name and
 * {@code personal_id} / {@code identity_level} attributes, which the realm's user profile lets only
 * administrators write. Changes to an existing user GET the whole representation and PUT it back
 * changed: a PUT replaces the attributes, so a partial one would erase the others.
 */
@Component
class KeycloakAccounts {

	static final String CLIENT = "keycloak-admin";

	private static final String CITIZEN_ROLE = "citizen";

	private final ServiceClients clients;

	KeycloakAccounts(ServiceClients clients) {
		this.clients = clients;
	}

	private ServiceClient admin() {
		return this.clients.get(CLIENT);
	}

	/** The Keycloak user holding this personal id, if any. */
	@SuppressWarnings("unchecked")
	Mono<User> findByPersonalId(String personalId) {
		return admin().get("/users?q={query}&briefRepresentation=false&max=2", Map[].class, (headers) -> {
		}, "personal_id:" + personalId)
			.flatMap((users) -> Mono.justOrEmpty(List.of(users)
				.stream()
				.map((user) -> User.of((Map<String, Object>) user))
				.filter((user) -> personalId.equals(user.personalId()))
				.findFirst()));
	}

	/**
	 * Creates an enabled level-1 citizen user with a password, and gives it the citizen role. The
	 * user is removed again if the role cannot be given, so a failed registration leaves nothing.
	 *
	 * @return the new user's id
	 */
	Mono<String> createCitizen(NewUser user) {
		Map<String, Object> attributes = new HashMap<>();
		attributes.put("personal_id", List.of(user.personalId()));
		attributes.put("identity_level", List.of("1"));
		if (user.phone() != null) {
			attributes.put("phoneNumber", List.of(user.phone()));
		}
		Map<String, Object> representation = new HashMap<>();
		representation.put("username", user.personalId());
		representation.put("enabled", true);
		if (user.email() != null) {
			representation.put("email", user.email());
			representation.put("emailVerified", user.emailVerified());
		}
		representation.put("firstName", user.givenNames());
		representation.put("lastName", user.familyName());
		representation.put("attributes", attributes);
		representation.put("credentials",
				List.of(Map.of("type", "password", "value", user.password(), "temporary", false)));
		return admin().exchange(HttpMethod.POST, "/users", representation, Void.class)
			.map((created) -> idFrom(created.getHeaders().getLocation()))
			.onErrorMap(WebClientResponseException.class, KeycloakAccounts::refusal)
			.flatMap((id) -> giveCitizenRole(id).thenReturn(id)
				.onErrorResume((failure) -> delete(id).onErrorResume((ignored) -> Mono.empty())
					.then(Mono.error(failure))));
	}

	/** The user's realm roles (their names), as Keycloak holds them now. */
	@SuppressWarnings("unchecked")
	Mono<Set<String>> realmRoles(String userId) {
		return admin().get("/users/{id}/role-mappings/realm/composite", Map[].class, (headers) -> {
		}, userId)
			.map((roles) -> List.of(roles)
				.stream()
				.map((role) -> String.valueOf(((Map<String, Object>) role).get("name")))
				.collect(Collectors.toUnmodifiableSet()))
			.defaultIfEmpty(Set.of());
	}

	@SuppressWarnings("unchecked")
	private Mono<Void> giveCitizenRole(String userId) {
		return admin().get("/users/{id}/role-mappings/realm/available", Map[].class, (headers) -> {
		}, userId)
			.flatMap((roles) -> Mono.justOrEmpty(List.of(roles)
				.stream()
				.filter((role) -> CITIZEN_ROLE.equals(((Map<String, Object>) role).get("name")))
				.findFirst()))
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("Realm role citizen is not assignable")))
			.flatMap((role) -> admin()
				.exchange(HttpMethod.POST, "/users/{id}/role-mappings/realm", List.of(role), Void.class, userId))
			.then();
	}

	/**
	 * Makes the Keycloak user reflect the account: its identity level and whether it may sign in. A
	 * locked account's sessions are ended too, so a stolen phone's session stops at its next refresh.
	 */
	@SuppressWarnings("unchecked")
	Mono<Void> apply(Account account) {
		String id = account.keycloakUserId();
		return admin().get("/users/{id}", Map.class, (headers) -> {
		}, id)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("Keycloak user of an account is missing")))
			.flatMap((user) -> {
				Map<String, Object> changed = new HashMap<>(user);
				Map<String, Object> attributes = new HashMap<>(
						(Map<String, Object>) user.getOrDefault("attributes", Map.of()));
				attributes.put("identity_level", List.of(Integer.toString(account.identityLevel())));
				changed.put("attributes", attributes);
				changed.put("enabled", account.enabled());
				return admin().exchange(HttpMethod.PUT, "/users/{id}", changed, Void.class, id);
			})
			.then(account.enabled() ? Mono.empty()
					: admin().exchange(HttpMethod.POST, "/users/{id}/logout", null, Void.class, id).then());
	}

	Mono<Void> delete(String userId) {
		return admin().exchange(HttpMethod.DELETE, "/users/{id}", null, Void.class, userId).then();
	}

	private static String idFrom(URI location) {
		String path = Optional.ofNullable(location)
			.map(URI::getPath)
			.orElseThrow(() -> new IllegalStateException("Keycloak created a user without a Location"));
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/** Keycloak's 409 (user name or e-mail taken) and 400 (password policy, profile) as problems. */
	private static Throwable refusal(WebClientResponseException ex) {
		if (ex.getStatusCode().value() == 409) {
			String body = ex.getResponseBodyAsString();
			return ApiException.conflict(body.contains("email") ? "account.email-taken" : "account.already-registered");
		}
		if (ex.getStatusCode().value() == 400) {
			String body = ex.getResponseBodyAsString();
			return body.toLowerCase().contains("password") ? ApiException.unprocessable("account.password-rejected")
					: ApiException.unprocessable("account.profile-rejected");
		}
		return ex;
	}

	/** What a registration gives Keycloak; the password goes nowhere else. */
	record NewUser(String personalId, String familyName, String givenNames, String email, boolean emailVerified,
			String phone, String password) {

		@Override
		public String toString() {
			return "NewUser[" + vn.gov.bca.platform.web.security.PersonalIds.mask(this.personalId) + "]";
		}

	}

	/** The parts of a Keycloak user this service reads. */
	record User(String id, String personalId, int identityLevel, boolean enabled, String email) {

		@SuppressWarnings("unchecked")
		static User of(Map<String, Object> user) {
			Map<String, List<String>> attributes = (Map<String, List<String>>) user.getOrDefault("attributes",
					Map.of());
			String personalId = first(attributes.get("personal_id"));
			String level = first(attributes.get("identity_level"));
			return new User((String) user.get("id"), personalId, (level != null) ? Integer.parseInt(level) : 1,
					Boolean.TRUE.equals(user.get("enabled")), (String) user.get("email"));
		}

		private static String first(List<String> values) {
			return (values != null && !values.isEmpty()) ? values.get(0) : null;
		}

	}

}
