package dev.oauthjwt.jaxrs.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.support.TestConfig;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading and validating {@code oauth.jwt.*} (catalogue section H): every bad value names its key. */
class OAuthJwtConfigTest {

    static Map<String, String> minimal() {
        Map<String, String> values = new HashMap<>();
        values.put("oauth.jwt.jwks-uri", "https://as.example.test/jwks");
        values.put("oauth.jwt.issuer", "https://as.example.test");
        values.put("oauth.jwt.audience", "api");
        return values;
    }

    static OAuthJwtConfig read(Map<String, String> values) {
        return OAuthJwtConfig.from(TestConfig.of(values));
    }

    static void assertRefused(Map<String, String> values, String key, String problem) {
        assertThatThrownBy(() -> read(values))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(problem)
                .satisfies(e ->
                        assertThat(((InvalidConfigurationException) e).getKey()).isEqualTo(key));
    }

    @Test
    void appliesTheDocumentedDefaults() {
        OAuthJwtConfig config = read(minimal());
        assertThat(config.jwksUri()).contains(URI.create("https://as.example.test/jwks"));
        assertThat(config.audiences()).containsExactly("api");
        assertThat(config.algorithms())
                .extracting(Enum::name)
                .containsExactlyInAnyOrder(
                        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");
        assertThat(config.scopes()).isEmpty();
        assertThat(config.claimRules()).isEmpty();
        assertThat(config.requiredClaims()).isEmpty();
        assertThat(config.realm()).isEmpty();
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.maxTokenLifetime()).isEqualTo(Duration.ofHours(24));
        assertThat(config.rolesClaims()).containsExactly(ClaimPath.of("groups"));
        assertThat(config.principalClaim()).isEqualTo("sub");
        assertThat(config.jwksRefreshInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.jwksMinRefreshInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.jwksTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.jwksStaleIfError()).isEqualTo(Duration.ofHours(24));
        assertThat(config.cacheMaxSize()).isEqualTo(10_000);
        assertThat(config.cacheMaxAge()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void readsEveryKey() {
        Map<String, String> values = minimal();
        values.put("oauth.jwt.audience", "api, https://api.example.test");
        values.put("oauth.jwt.algorithms", "RS256,ES256");
        values.put("oauth.jwt.scope", "read write,admin");
        values.put("oauth.jwt.claims.role", "admin");
        values.put("oauth.jwt.claims.tenant", "acme");
        values.put("oauth.jwt.required-claims", "jti,client_id");
        values.put("oauth.jwt.realm", "my-api");
        values.put("oauth.jwt.clock-skew", "PT30S");
        values.put("oauth.jwt.max-token-lifetime", "3600");
        values.put("oauth.jwt.roles-claim", "realm_access/roles, \"https://example.com/roles\"");
        values.put("oauth.jwt.principal-claim", "preferred_username");
        values.put("oauth.jwt.jwks.refresh-interval", "PT5M");
        values.put("oauth.jwt.jwks.min-refresh-interval", "10");
        values.put("oauth.jwt.jwks.timeout", "PT2.5S");
        values.put("oauth.jwt.jwks.stale-if-error", "PT1H");
        values.put("oauth.jwt.cache.max-size", "500");
        values.put("oauth.jwt.cache.max-age", "PT30S");
        OAuthJwtConfig config = read(values);
        assertThat(config.audiences()).containsExactly("api", "https://api.example.test");
        assertThat(config.algorithms()).extracting(Enum::name).containsExactly("RS256", "ES256");
        assertThat(config.scopes()).containsExactly("read", "write", "admin");
        assertThat(config.claimRules())
                .containsExactly(new ClaimRule("role", "admin"), new ClaimRule("tenant", "acme"));
        assertThat(config.requiredClaims()).containsExactly("jti", "client_id");
        assertThat(config.realm()).contains("my-api");
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.maxTokenLifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(config.rolesClaims())
                .extracting(ClaimPath::toString)
                .containsExactly("realm_access/roles", "\"https://example.com/roles\"");
        assertThat(config.principalClaim()).isEqualTo("preferred_username");
        assertThat(config.jwksRefreshInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.jwksMinRefreshInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.jwksTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.jwksStaleIfError()).isEqualTo(Duration.ofHours(1));
        assertThat(config.cacheMaxSize()).isEqualTo(500);
        assertThat(config.cacheMaxAge()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void acceptsACacheSizeOfZeroToDisableTheCache() {
        Map<String, String> values = minimal();
        values.put("oauth.jwt.cache.max-size", "0");
        assertThat(read(values).cacheMaxSize()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"-1", "1000001", "ten", "1e4", "99999999999"})
    void refusesACacheSizeThatIsNotAWholeNumberInRange(String size) {
        Map<String, String> values = minimal();
        values.put("oauth.jwt.cache.max-size", size);
        assertRefused(values, "oauth.jwt.cache.max-size", "whole number between 0 and 1000000");
    }

    @ParameterizedTest
    @CsvSource({"0", "PT0.5S", "PT2H"})
    void refusesACacheMaxAgeOutOfRange(String age) {
        Map<String, String> values = minimal();
        values.put("oauth.jwt.cache.max-age", age);
        assertRefused(values, "oauth.jwt.cache.max-age", "must be between 1 s and 3600 s");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "realm_access//roles|empty claim name",
                "/roles|empty claim name",
                "roles/|empty claim name",
                "groups,,roles|empty claim name",
                "'\"https://x/roles'|without its closing quote",
                "'ab\"c\"'|quote inside a segment",
                "'\"a\"b'|text after a quoted segment",
                "'\"\"'|empty claim name",
                "a/b/c/d/e/f/g/h/i|deeper than 8 segments"
            })
    void refusesAnInvalidRolesClaimPath(String paths, String problem) {
        Map<String, String> values = minimal();
        values.put("oauth.jwt.roles-claim", paths);
        assertRefused(values, "oauth.jwt.roles-claim", problem);
    }

    @Test
    void refusesMoreThanSixteenRolesClaimPaths() {
        Map<String, String> values = minimal();
        values.put("oauth.jwt.roles-claim", String.join(",", java.util.Collections.nCopies(17, "roles")));
        assertRefused(values, "oauth.jwt.roles-claim", "more than 16 claim paths");
    }

    @Test
    void readsNestedAndQuotedRolesClaimPaths() {
        Map<String, String> values = minimal();
        values.put(
                "oauth.jwt.roles-claim",
                " realm_access/roles ,resource_access/sample-api/roles,"
                        + " \"https://example.com/roles\", \"a,b\"/\" c.d \"");
        assertThat(read(values).rolesClaims())
                .extracting(ClaimPath::segments)
                .containsExactly(
                        java.util.List.of("realm_access", "roles"),
                                java.util.List.of("resource_access", "sample-api", "roles"),
                        java.util.List.of("https://example.com/roles"), java.util.List.of("a,b", " c.d "));
    }

    @Test
    void readsClaimRulesFromEnvironmentVariableNames() {
        Map<String, String> values = minimal();
        values.put("OAUTH_JWT_CLAIMS_ROLE", "admin");
        assertThat(read(values).claimRules()).containsExactly(new ClaimRule("role", "admin"));
    }

    @ParameterizedTest
    @CsvSource({"oauth.jwt.issuer", "oauth.jwt.audience"})
    void refusesToStartWithoutARequiredKey_H149_H150(String key) {
        Map<String, String> values = minimal();
        values.remove(key);
        assertRefused(values, key, "is required but not set");
    }

    @Test
    void refusesAnEmptyAudience_H149() {
        Map<String, String> values = minimal();
        values.put("oauth.jwt.audience", "api,,other");
        assertRefused(values, "oauth.jwt.audience", "empty audience");
        values.put("oauth.jwt.audience", " ");
        assertRefused(values, "oauth.jwt.audience", "is required");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"none", "HS256", "RS256,HS512", "EdDSA", "rs256"})
    void refusesUnsafeOrUnknownAlgorithms_H151(String algorithms) {
        Map<String, String> values = minimal();
        values.put("oauth.jwt.algorithms", algorithms);
        assertRefused(values, "oauth.jwt.algorithms", "never none or HMAC");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "oauth.jwt.clock-skew|301",
                "oauth.jwt.clock-skew|-1",
                "oauth.jwt.clock-skew|PT6M",
                "oauth.jwt.jwks.min-refresh-interval|PT10M",
                "oauth.jwt.jwks.min-refresh-interval|0",
                "oauth.jwt.jwks.timeout|PT1M",
                "oauth.jwt.jwks.timeout|PT0.01S",
                "oauth.jwt.jwks.refresh-interval|PT10S",
                "oauth.jwt.jwks.stale-if-error|P30D",
                "oauth.jwt.max-token-lifetime|P365D"
            })
    void refusesDurationsOutOfRange_H152_H153(String key, String value) {
        Map<String, String> values = minimal();
        values.put(key, value);
        assertThatThrownBy(() -> read(values))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(key);
    }

    @Test
    void knowsWhichJavaRuntimesAcceptForgedEcdsaSignatures_H154() {
        assertThat(ConfigReader.hasEcdsaFix(Runtime.Version.parse("17.0.2"))).isFalse();
        assertThat(ConfigReader.hasEcdsaFix(Runtime.Version.parse("17.0.3"))).isTrue();
        assertThat(ConfigReader.hasEcdsaFix(Runtime.Version.parse("15.0.7"))).isFalse();
        assertThat(ConfigReader.hasEcdsaFix(Runtime.Version.parse("18"))).isFalse();
        assertThat(ConfigReader.hasEcdsaFix(Runtime.Version.parse("18.0.1"))).isTrue();
        assertThat(ConfigReader.hasEcdsaFix(Runtime.Version.parse("11.0.14"))).isTrue();
        assertThat(ConfigReader.hasEcdsaFix(Runtime.Version.parse("21.0.1"))).isTrue();
        assertThat(ConfigReader.hasEcdsaFix(Runtime.version()))
                .as("this build's runtime")
                .isTrue();
    }

    @Test
    void refusesANonNumericDuration_H152() {
        Map<String, String> values = minimal();
        values.put("oauth.jwt.clock-skew", "one minute");
        assertRefused(values, "oauth.jwt.clock-skew", "neither a number of seconds nor an ISO-8601 duration");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http://as.example.test/jwks|must use https",
                "ftp://as.example.test/jwks|absolute https URL",
                "/jwks|absolute https URL",
                "not a uri|valid URI"
            })
    void refusesAnUnsafeJwksUri_H153(String uri, String problem) {
        Map<String, String> values = minimal();
        values.put("oauth.jwt.jwks-uri", uri);
        assertRefused(values, "oauth.jwt.jwks-uri", problem);
    }

    @ParameterizedTest
    @CsvSource({"http://127.0.0.1:8080/jwks", "http://localhost/jwks", "http://[::1]:9000/jwks"})
    void acceptsPlainHttpOnLoopbackForDevelopment(String uri) {
        Map<String, String> values = minimal();
        values.put("oauth.jwt.jwks-uri", uri);
        assertThat(read(values).jwksUri()).contains(URI.create(uri));
    }

    @Test
    void refusesScopesAndRealmsThatWouldBreakTheChallenge_E114() {
        Map<String, String> values = minimal();
        values.put("oauth.jwt.scope", "read \"admin\"");
        assertRefused(values, "oauth.jwt.scope", "scope-token");
        values.put("oauth.jwt.scope", "read");
        values.put("oauth.jwt.realm", "my\\realm");
        assertRefused(values, "oauth.jwt.realm", "printable ASCII");
    }

    @Test
    void discoversTheKeysWhenNeitherAJwksUriNorPublicKeysAreSet() {
        Map<String, String> values = minimal();
        values.remove("oauth.jwt.jwks-uri");
        OAuthJwtConfig config = read(values);
        assertThat(config.discoversKeys()).isTrue();
        assertThat(config.jwksUri()).isEmpty();
        assertThat(read(minimal()).discoversKeys()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "my-issuer; must be an absolute https URL to discover the keys",
                "http://as.example.test; must use https (plain http is accepted for loopback hosts only) to discover",
                "https://as.example.test/realm?x=1; may not have a query or fragment",
                "https://as.example.test/realm#f; may not have a query or fragment"
            })
    void refusesAnIssuerThatCannotBeDiscovered(String issuer, String problem) {
        Map<String, String> values = minimal();
        values.remove("oauth.jwt.jwks-uri");
        values.put("oauth.jwt.issuer", issuer);
        assertRefused(values, "oauth.jwt.issuer", problem);
        values.put("oauth.jwt.jwks-uri", "https://as.example.test/jwks");
        assertThat(read(values).issuer())
                .as("any string is a valid issuer when nothing is discovered")
                .isEqualTo(issuer);
    }

    @Test
    void readsTheProfile() {
        Map<String, String> values = minimal();
        assertThat(read(values).profile()).isEqualTo(TokenProfile.OAUTH);
        values.put("oauth.jwt.profile", "rfc9068");
        assertThat(read(values).profile()).isEqualTo(TokenProfile.RFC9068);
        values.put("oauth.jwt.profile", "rfc7519");
        assertRefused(values, "oauth.jwt.profile", "must be oauth or rfc9068");
    }

    @Test
    void derivesTheResourceMetadataUrlOfRfc9728() {
        Map<String, String> values = minimal();
        assertThat(read(values).resourceMetadataUrl("/")).isEmpty();
        values.put("oauth.jwt.resource", "https://api.example.test/orders/");
        assertThat(read(values).resourceMetadataUrl("/"))
                .contains("https://api.example.test/.well-known/oauth-protected-resource/orders");
        values.put("oauth.jwt.resource", "https://api.example.test:8443");
        assertThat(read(values).resourceMetadataUrl("/shop/api"))
                .contains("https://api.example.test:8443/shop/api/.well-known/oauth-protected-resource");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "orders-api; must be an absolute https URL",
                "http://api.example.test/orders; must use https",
                "https://api.example.test/orders#x; may not have a query or fragment",
                "https://api.example.test/orders?v=1; may not have a query or fragment"
            })
    void refusesAResourceThatIsNotAnHttpsUrlWithoutQueryAndFragment(String resource, String problem) {
        Map<String, String> values = minimal();
        values.put("oauth.jwt.resource", resource);
        assertRefused(values, "oauth.jwt.resource", problem);
    }
}
