package dev.oauthjwt.jaxrs.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.support.TestConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code oauth.jwt.tenants} and {@code oauth.jwt.tenant.<name>.<key>}: several issuers, shared rules written once. */
class TenantsTest {

    static Map<String, String> twoTenants() {
        Map<String, String> values = new HashMap<>();
        values.put("oauth.jwt.tenants", "main, partner");
        values.put("oauth.jwt.tenant.main.issuer", "https://main.example.test");
        values.put("oauth.jwt.tenant.main.jwks-uri", "https://main.example.test/jwks");
        values.put("oauth.jwt.tenant.partner.issuer", "https://partner.example.test");
        values.put("oauth.jwt.tenant.partner.audience", "partner-api");
        values.put("oauth.jwt.tenant.partner.profile", "rfc9068");
        values.put("oauth.jwt.jwks-uri", "https://shared.example.test/jwks");
        values.put("oauth.jwt.audience", "api");
        values.put("oauth.jwt.clock-skew", "PT10S");
        values.put("oauth.jwt.realm", "orders");
        return values;
    }

    private static void assertRefused(Map<String, String> values, String key, String problem) {
        assertThatThrownBy(() -> Tenants.from(TestConfig.of(values)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(key + " " + problem)
                .satisfies(e ->
                        assertThat(((InvalidConfigurationException) e).getKey()).isEqualTo(key));
    }

    @Test
    void readsEachTenantWithFallbackToTheTopLevelKeys() {
        Tenants tenants = Tenants.from(TestConfig.of(twoTenants()));
        assertThat(tenants.named()).isTrue();
        assertThat(tenants.all()).extracting(Tenant::name).containsExactly("main", "partner");
        OAuthJwtConfig main = tenants.all().get(0).config();
        OAuthJwtConfig partner = tenants.all().get(1).config();
        assertThat(main.jwksUri()).contains(URI.create("https://main.example.test/jwks"));
        assertThat(partner.jwksUri()).as("inherited").contains(URI.create("https://shared.example.test/jwks"));
        assertThat(main.audiences()).containsExactly("api");
        assertThat(partner.audiences()).containsExactly("partner-api");
        assertThat(main.profile()).isEqualTo(TokenProfile.OAUTH);
        assertThat(partner.profile()).isEqualTo(TokenProfile.RFC9068);
        assertThat(partner.clockSkew()).isEqualTo(Duration.ofSeconds(10));
        assertThat(tenants.issuers()).containsExactly("https://main.example.test", "https://partner.example.test");
        assertThat(tenants.realm()).contains("orders");
    }

    @Test
    void withoutTenantsTheTopLevelKeysConfigureTheOneIssuer() {
        Map<String, String> values = twoTenants();
        values.remove("oauth.jwt.tenants");
        values.put("oauth.jwt.issuer", "https://single.example.test");
        Tenants tenants = Tenants.from(TestConfig.of(values));
        assertThat(tenants.named()).isFalse();
        assertThat(tenants.issuers()).containsExactly("https://single.example.test");
    }

    @Test
    void refusesATenantWithoutItsOwnIssuerEvenWhenATopLevelIssuerIsSet() {
        Map<String, String> values = twoTenants();
        values.remove("oauth.jwt.tenant.partner.issuer");
        values.put("oauth.jwt.issuer", "https://main.example.test");
        assertRefused(values, "oauth.jwt.tenant.partner.issuer", "is required but not set");
    }

    @Test
    void I13_refusesTwoTenantsWithTheSameIssuer() {
        Map<String, String> values = twoTenants();
        values.put("oauth.jwt.tenant.partner.issuer", "https://main.example.test");
        assertRefused(values, "oauth.jwt.tenant.partner.issuer", "is the issuer of tenant main too");
    }

    @Test
    void refusesATenantNameThatCannotBeAKeySegment() {
        Map<String, String> values = twoTenants();
        values.put("oauth.jwt.tenants", "main,part.ner");
        assertRefused(values, "oauth.jwt.tenants", "contains a name other than");
    }

    @Test
    void namesTheTenantKeyOfAnInvalidValue() {
        Map<String, String> values = twoTenants();
        values.put("oauth.jwt.tenant.partner.clock-skew", "PT1H");
        assertRefused(values, "oauth.jwt.tenant.partner.clock-skew", "must be between");
    }

    @Test
    void readsTenantsFromEnvironmentVariableNames() {
        Map<String, String> env = Map.of(
                "OAUTH_JWT_TENANTS", "keycloak",
                "OAUTH_JWT_TENANT_KEYCLOAK_ISSUER", "https://kc.example.test/realms/a",
                "OAUTH_JWT_TENANT_KEYCLOAK_AUDIENCE", "kc-api",
                "OAUTH_JWT_JWKS_URI", "https://kc.example.test/jwks",
                "OAUTH_JWT_AUDIENCE", "api");
        Tenants tenants = Tenants.from(new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(env, 300))
                .build());
        assertThat(tenants.all()).extracting(Tenant::name).isEqualTo(List.of("keycloak"));
        assertThat(tenants.all().get(0).config().issuer()).isEqualTo("https://kc.example.test/realms/a");
        assertThat(tenants.all().get(0).config().audiences()).containsExactly("kc-api");
    }

    @Test
    void refusesAKeyOfATenantThatIsNotListed() {
        Map<String, String> values = twoTenants();
        values.put("oauth.jwt.tenant.partnr.audience", "typo");
        assertRefused(values, "oauth.jwt.tenant.partnr.audience", "belongs to no tenant listed in oauth.jwt.tenants");
    }

    @Test
    void refusesAnApplicationWideKeyUnderATenant() {
        Map<String, String> values = twoTenants();
        values.put("oauth.jwt.tenant.main.realm", "other");
        assertRefused(values, "oauth.jwt.tenant.main.realm", "is not a per-issuer key");
        values.remove("oauth.jwt.tenant.main.realm");
        values.put("oauth.jwt.tenant.main.decryption-keys", "classpath:keys.pem");
        assertRefused(values, "oauth.jwt.tenant.main.decryption-keys", "is not a per-issuer key");
        values.remove("oauth.jwt.tenant.main.decryption-keys");
        values.put("oauth.jwt.tenant.main.no-such-key", "1");
        assertRefused(values, "oauth.jwt.tenant.main.no-such-key", "is not a per-issuer key");
    }

    @Test
    void refusesIntrospectionWithTenants() {
        Map<String, String> values = twoTenants();
        values.put("oauth.jwt.introspection.mode", "opaque");
        assertRefused(values, "oauth.jwt.introspection.mode", "cannot be combined with oauth.jwt.tenants");
    }

    @Test
    void namesTheTenantKeysOfItsSenderConstraintErrors() {
        Map<String, String> values = twoTenants();
        values.put("oauth.jwt.tenant.partner.dpop.nonce", "true");
        assertRefused(
                values,
                "oauth.jwt.tenant.partner.dpop.nonce-secret",
                "is required when oauth.jwt.tenant.partner.dpop.nonce is true");

        values.put("oauth.jwt.tenant.partner.dpop.nonce-secret", "short");
        assertRefused(values, "oauth.jwt.tenant.partner.dpop.nonce-secret", "must have at least");

        Map<String, String> bothRequired = twoTenants();
        bothRequired.put("oauth.jwt.dpop", "required");
        bothRequired.put("oauth.jwt.tenant.partner.mtls", "required");
        assertRefused(
                bothRequired,
                "oauth.jwt.tenant.partner.mtls",
                "cannot be required while oauth.jwt.dpop is required too");
    }

    @Test
    void readsTheDpopRulesOfEachTenantWithFallback() {
        Map<String, String> values = twoTenants();
        values.put("oauth.jwt.dpop", "required");
        values.put("oauth.jwt.tenant.partner.dpop", "disabled");
        values.put("oauth.jwt.tenant.partner.claims.tenant", "partner");
        values.put("oauth.jwt.tenant.main.jwks.timeout", "PT3S");
        Tenants tenants = Tenants.from(TestConfig.of(values));
        assertThat(tenants.all().get(0).senderConstraints().dpop()).isEqualTo(SenderConstraintConfig.DpopMode.REQUIRED);
        assertThat(tenants.all().get(1).senderConstraints().dpop()).isEqualTo(SenderConstraintConfig.DpopMode.DISABLED);
        assertThat(tenants.all().get(1).config().claimRules())
                .extracting(ClaimRule::claim)
                .containsExactly("tenant");
        assertThat(tenants.all().get(0).config().claimRules()).isEmpty();
        assertThat(tenants.all().get(0).config().jwksTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void refusesATenantWithoutIssuerFromEnvironmentVariables() {
        Map<String, String> env = Map.of(
                "OAUTH_JWT_TENANTS", "keycloak",
                "OAUTH_JWT_ISSUER", "https://kc.example.test/realms/a",
                "OAUTH_JWT_JWKS_URI", "https://kc.example.test/jwks",
                "OAUTH_JWT_AUDIENCE", "api");
        assertThatThrownBy(() -> Tenants.from(new SmallRyeConfigBuilder()
                        .withSources(new EnvConfigSource(env, 300))
                        .build()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("oauth.jwt.tenant.keycloak.issuer is required but not set");
    }
}
