package vn.gov.bca.platform.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A JWT issuer shaped like the Keycloak realm {@code vneid}: it serves the realm's JWKS,
 * discovery document and a client-credentials token endpoint on a local port, and signs tokens
 * carrying the same claims as the realm's (personal_id, identity_level, realm roles, agency,
 * province, azp). Point {@code vneid.keycloak.url} at {@link #keycloakUrl()}.
 */
public final class JwtIssuer implements AutoCloseable {

	private final java.util.concurrent.atomic.AtomicInteger tokensIssued = new java.util.concurrent.atomic.AtomicInteger();


	private final RSAKey key;

	private final RSAKey otherKey;

	private final HttpServer server;

	private final String keycloakUrl;

	JwtIssuer() {
		this.key = rsaKey("vneid-test");
		this.otherKey = rsaKey("vneid-test");
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the test JWT issuer", ex);
		}
		this.server.setExecutor(Executors.newFixedThreadPool(2, (runnable) -> {
			Thread thread = new Thread(runnable, "test-jwt-issuer");
			thread.setDaemon(true);
			return thread;
		}));
		this.keycloakUrl = "http://localhost:" + this.server.getAddress().getPort();
		this.server.createContext("/realms/vneid/protocol/openid-connect/certs",
				(exchange) -> JsonResponses.respond(exchange, 200, new JWKSet(this.key.toPublicJWK()).toString()));
		this.server.createContext("/realms/vneid/.well-known/openid-configuration", (exchange) -> JsonResponses.respond(exchange,
				200,
				"{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer() + "/protocol/openid-connect/certs\","
						+ "\"token_endpoint\":\"" + issuer() + "/protocol/openid-connect/token\"}"));
		this.server.createContext("/realms/vneid/protocol/openid-connect/token", this::clientCredentials);
		this.server.start();
	}

	public String keycloakUrl() {
		return this.keycloakUrl;
	}

	public String issuer() {
		return this.keycloakUrl + "/realms/vneid";
	}

	/**
	 * A citizen's token: realm role citizen, their personal id and VNeID level. The subject is the
	 * same for every token of one personal id, as Keycloak's account id is.
	 */
	public String citizen(String personalId, int identityLevel) {
		return token().claims(CallerClaims.citizen(personalId, identityLevel)).sign();
	}

	/** An officer of an agency in a province (province codes as in DOMAIN.md: 01 Hà Nội, 79 TP HCM). */
	public String officer(String personalId, String agency, String province) {
		return token().claims(CallerClaims.officer(personalId, agency, province)).sign();
	}

	/** A unit's leader: an officer with the supervisor role. */
	public String supervisor(String personalId, String agency, String province) {
		return token().claims(CallerClaims.supervisor(personalId, agency, province)).sign();
	}

	/** The platform's administrator. */
	public String admin() {
		return token().claims(CallerClaims.admin()).sign();
	}

	/** The national public-service portal's service-account token: role national-portal, the platform's audience as the realm gives it. */
	public String nationalPortal() {
		return token().claims(CallerClaims.nationalPortal()).sign();
	}

	/** The account id (token subject) of the person with that personal id. */
	public static String accountOf(String personalId) {
		return UUID.nameUUIDFromBytes(("vneid-account:" + personalId).getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.toString();
	}

	/** The audience of the user-facing clients' tokens (the realm's audience mappers put it there). */
	public static final String PLATFORM_AUDIENCE = "dichvucong-bca";

	/** The services of the platform, each of which accepts a token whose {@code aud} names it. */
	public static final List<String> SERVICES = List.of("identity-service", "residence-service", "passport-service",
			"seal-service", "fine-payment-service");

	/**
	 * Another service's service-account token, meant for every service (aud = the five service
	 * names); a test of the audience check narrows it with {@code token().audience(...)}.
	 */
	public String service(String clientId) {
		return token().claims(CallerClaims.service(clientId)).audience(SERVICES.toArray(String[]::new)).sign();
	}

	public Builder token() {
		return new Builder();
	}

	/** How many client-credentials tokens this issuer has given, to check that services cache theirs. */
	public int tokensIssued() {
		return this.tokensIssued.get();
	}

	private void clientCredentials(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			String[] parts = pair.split("=", 2);
			if (parts.length == 2) {
				form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
						URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
			}
		}
		String clientId = form.get("client_id");
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (clientId == null && authorization != null && authorization.startsWith("Basic ")) {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
			clientId = URLDecoder.decode(decoded.substring(0, decoded.indexOf(':')), StandardCharsets.UTF_8);
		}
		if (!"client_credentials".equals(form.get("grant_type")) || clientId == null) {
			JsonResponses.respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
			return;
		}
		this.tokensIssued.incrementAndGet();
		JsonResponses.respond(exchange, 200, "{\"access_token\":\"" + service(clientId)
				+ "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
	}

	private static RSAKey rsaKey(String keyId) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(keyId)
				.build();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** A token with any claims, for the cases the shortcuts do not cover (expired, foreign issuer...). */
	public final class Builder {

		private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();

		private boolean foreignKey;

		private Instant issuedAt = Instant.now();

		private Duration lifetime = Duration.ofMinutes(5);

		Builder() {
			this.claims.issuer(JwtIssuer.this.issuer())
				.subject(UUID.randomUUID().toString())
				.jwtID(UUID.randomUUID().toString())
				.claim("azp", "dev-scripts")
				.claim("typ", "Bearer")
				.audience(PLATFORM_AUDIENCE);
		}

		/** The token's {@code aud}; by default the platform audience {@code dichvucong-bca}. */
		public Builder audience(String... audiences) {
			this.claims.audience(List.of(audiences));
			return this;
		}

		/** A token without {@code aud}: no service accepts it. */
		public Builder noAudience() {
			this.claims.audience((List<String>) null);
			return this;
		}

		public Builder subject(String subject) {
			this.claims.subject(subject);
			return this;
		}

		public Builder personalId(String personalId) {
			return claim("personal_id", personalId);
		}

		public Builder identityLevel(int level) {
			return claim("identity_level", level);
		}

		public Builder roles(String... roles) {
			return claim("realm_access", Map.of("roles", List.of(roles)));
		}

		public Builder clientId(String clientId) {
			return claim("azp", clientId);
		}

		public Builder issuer(String issuer) {
			this.claims.issuer(issuer);
			return this;
		}

		public Builder claim(String name, Object value) {
			this.claims.claim(name, value);
			return this;
		}

		/** Every claim of the map (a claim already set is replaced). */
		public Builder claims(Map<String, Object> claims) {
			claims.forEach(this.claims::claim);
			return this;
		}

		/** Issued this long ago: with a lifetime shorter than the age, the token has expired. */
		public Builder issuedAgo(Duration age, Duration lifetime) {
			this.issuedAt = Instant.now().minus(age);
			this.lifetime = lifetime;
			return this;
		}

		/** Signed by a key the realm does not publish. */
		public Builder signedWithForeignKey() {
			this.foreignKey = true;
			return this;
		}

		public String sign() {
			JWTClaimsSet set = this.claims.issueTime(Date.from(this.issuedAt))
				.expirationTime(Date.from(this.issuedAt.plus(this.lifetime)))
				.build();
			RSAKey signingKey = this.foreignKey ? JwtIssuer.this.otherKey : JwtIssuer.this.key;
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
				.type(JOSEObjectType.JWT)
				.build(), set);
			try {
				jwt.sign(new RSASSASigner(signingKey));
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
			return jwt.serialize();
		}

		/** The same claims, unsigned, with {@code alg: none}: must always be refused. */
		public String unsigned() {
			JWTClaimsSet set = this.claims.issueTime(Date.from(this.issuedAt))
				.expirationTime(Date.from(this.issuedAt.plus(this.lifetime)))
				.build();
			Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
			String header = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
			String payload = encoder.encodeToString(set.toString().getBytes(StandardCharsets.UTF_8));
			return header + "." + payload + ".";
		}

	}

}
