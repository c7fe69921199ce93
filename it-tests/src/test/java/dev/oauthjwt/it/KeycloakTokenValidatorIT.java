package dev.oauthjwt.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.OAuthJwtProducer;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.ConfigReader;
import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.introspection.IntrospectionConfig;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import dev.oauthjwt.jaxrs.internal.token.VerifiedToken;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real Keycloak tokens through the extension's validator, in process (no application server): the realm and the
 * token shapes (typ JWT / at+jwt, azp, UUID sub, scope string, hard-coded role) are checked here first, then end to
 * end on the servers by {@link KeycloakInteropTests}.
 */
@ExtendWith(Keycloak.class)
class KeycloakTokenValidatorIT {

    private static KeycloakServer keycloak;
    private static TokenValidator validator;

    @BeforeAll
    static void createValidator(KeycloakServer server) {
        keycloak = server;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("oauth.jwt.jwks-uri", server.jwksUri());
        properties.put("oauth.jwt.issuer", server.issuer());
        properties.put("oauth.jwt.audience", KeycloakServer.AUDIENCE);
        properties.put("oauth.jwt.roles-claim", "role");
        properties.put("oauth.jwt.jwks.min-refresh-interval", "1");
        OAuthJwtConfig config = OAuthJwtConfig.from(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "keycloak-it", 100))
                .build());
        validator = OAuthJwtProducer.create(config, Clock.systemUTC());
    }

    @AfterAll
    static void closeValidator() {
        if (validator != null) {
            validator.close();
        }
    }

    @Test
    void acceptsRs256ClientCredentialsToken() throws Exception {
        String token = keycloak.clientCredentialsToken("sample-client", null);
        Map<String, Object> header = KeycloakServer.header(token);
        Map<String, Object> claims = KeycloakServer.claims(token);

        VerifiedToken principal = validator.validate(token);

        assertThat(header).containsEntry("alg", "RS256").containsEntry("typ", "JWT");
        assertThat(claims).containsEntry("azp", "sample-client").containsKey("sub");
        assertThat(principal.getName()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(principal.getIssuer()).isEqualTo(keycloak.issuer());
        assertThat(principal.getAudience()).containsExactly(KeycloakServer.AUDIENCE);
        assertThat(principal.getScopes()).containsExactly("read");
        assertThat(principal.getStringClaim("role")).contains("admin");
        assertThat(principal.getGroups()).containsExactly("admin");
    }

    /** RFC 7662 against the real Keycloak: with {@code always}, a revoked JWT is refused at once. */
    @Test
    void introspectionRefusesATokenOnceKeycloakRevokedIt_K3() throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("oauth.jwt.jwks-uri", keycloak.jwksUri());
        properties.put("oauth.jwt.issuer", keycloak.issuer());
        properties.put("oauth.jwt.audience", KeycloakServer.AUDIENCE);
        properties.put("oauth.jwt.introspection.mode", "always");
        properties.put("oauth.jwt.introspection.endpoint", keycloak.introspectionEndpoint());
        // Keycloak 26 lets only a client of the token's audience introspect it: the API's own client
        properties.put("oauth.jwt.introspection.client-id", KeycloakServer.AUDIENCE);
        properties.put("oauth.jwt.introspection.client-secret", KeycloakServer.AUDIENCE + "-secret");
        properties.put("oauth.jwt.introspection.cache-ttl", "0");
        Config config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "keycloak-introspection", 100))
                .build();
        TokenValidator introspecting = OAuthJwtProducer.create(
                OAuthJwtConfig.from(config),
                Optional.empty(),
                IntrospectionConfig.from(new ConfigReader(config)),
                Clock.systemUTC());
        try {
            String token = keycloak.clientCredentialsToken("sample-client", null);
            VerifiedToken active = introspecting.validate(token);
            assertThat(active.getScopes()).contains("read");
            assertThat(active.getIssuer()).isEqualTo(keycloak.issuer());

            keycloak.revoke("sample-client", token);

            assertThatThrownBy(() -> introspecting.validate(token))
                    .isInstanceOfSatisfying(
                            TokenRejectedException.class,
                            e -> assertThat(e.failure()).isEqualTo(Failure.INVALID_TOKEN));
            assertThat(validator.validate(token).getName())
                    .as("a local check cannot see the revocation")
                    .isEqualTo(active.getName());
        } finally {
            introspecting.close();
        }
    }

    @Test
    void acceptsOptionalScopeWhenRequested() throws Exception {
        VerifiedToken principal = validator.validate(keycloak.clientCredentialsToken("sample-client", "write"));

        assertThat(principal.getScopes()).containsExactlyInAnyOrder("read", "write");
    }

    @Test
    void acceptsEs256AtJwtToken() throws Exception {
        String token = keycloak.clientCredentialsToken("es256-client", null);

        VerifiedToken principal = validator.validate(token);

        assertThat(KeycloakServer.header(token)).containsEntry("alg", "ES256").containsEntry("typ", "at+jwt");
        assertThat(principal.getStringClaim("azp")).contains("es256-client");
        assertThat(principal.getScopes()).containsExactly("read");
    }

    @Test
    void acceptsTokenWithoutReadScopeButRightAudience() throws Exception {
        VerifiedToken principal = validator.validate(keycloak.clientCredentialsToken("no-read-client", null));

        assertThat(principal.getScopes()).doesNotContain("read");
    }

    @Test
    void rejectsTokenForAnotherAudience() throws Exception {
        String token = keycloak.clientCredentialsToken("other-api-client", null);

        assertThat(KeycloakServer.claims(token)).containsEntry("aud", "other-api");
        assertThatThrownBy(() -> validator.validate(token))
                .isInstanceOfSatisfying(
                        TokenRejectedException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.WRONG_AUDIENCE));
    }

    @Test
    void neverSelectsTheEncryptionKeyForSignatures() throws Exception {
        String encKid = keycloak.publishedKeys().stream()
                .filter(k -> "enc".equals(k.get("use")))
                .map(k -> (String) k.get("kid"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Keycloak publishes no use=enc key"));
        String token = keycloak.clientCredentialsToken("sample-client", null);
        Map<String, Object> header = new LinkedHashMap<>(KeycloakServer.header(token));
        header.put("kid", encKid);

        assertThatThrownBy(() -> validator.validate(KeycloakServer.withHeader(token, header)))
                .isInstanceOfSatisfying(
                        TokenRejectedException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.UNVERIFIABLE));
    }
}
