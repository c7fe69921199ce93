package dev.oauthjwt.jaxrs.internal.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.internal.config.SenderConstraintConfig;
import dev.oauthjwt.jaxrs.internal.config.Tenants;
import dev.oauthjwt.jaxrs.internal.dpop.TenantBindings;
import dev.oauthjwt.jaxrs.internal.jose.StrictJson;
import dev.oauthjwt.jaxrs.support.TestConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** The RFC 9728 §2 document built from the configuration and the scopes of the secured endpoints. */
class ProtectedResourceMetadataTest {

    private static Map<String, String> config(String issuer, String scope, String dpop) {
        Map<String, String> values = new HashMap<>();
        values.put("oauth.jwt.jwks-uri", "https://as.example.test/jwks");
        values.put("oauth.jwt.issuer", issuer);
        values.put("oauth.jwt.audience", "api");
        values.put("oauth.jwt.scope", scope);
        values.put("oauth.jwt.resource", "https://api.example.test/orders");
        values.put("oauth.jwt.dpop", dpop);
        return values;
    }

    private static Map<String, Object> document(Map<String, String> values, Set<String> endpointScopes)
            throws Exception {
        Config config = TestConfig.of(values);
        Tenants tenants = Tenants.from(config);
        TenantBindings bindings =
                TenantBindings.create(tenants, SenderConstraintConfig.from(config), Clock.systemUTC());
        String json = ProtectedResourceMetadataResource.document(tenants, endpointScopes, bindings);
        return StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void namesTheResourceTheIssuerTheScopesAndTheHeaderMethod() throws Exception {
        Map<String, Object> document =
                document(config("https://as.example.test", "orders", "disabled"), Set.of("write", "read", "orders"));
        assertThat(document)
                .containsOnlyKeys("resource", "authorization_servers", "scopes_supported", "bearer_methods_supported");
        assertThat(document.get("resource")).isEqualTo("https://api.example.test/orders");
        assertThat(document.get("authorization_servers")).isEqualTo(List.of("https://as.example.test"));
        assertThat(document.get("scopes_supported")).isEqualTo(List.of("orders", "read", "write"));
        assertThat(document.get("bearer_methods_supported")).isEqualTo(List.of("header"));
    }

    @Test
    void omitsScopesSupportedWhenNoScopeIsRequired() throws Exception {
        Map<String, Object> document = document(config("https://as.example.test", "", "disabled"), Set.of());
        assertThat(document).doesNotContainKey("scopes_supported");
    }

    @Test
    void I9_escapesAnIssuerThatIsNotAUrlSoTheDocumentStaysWellFormedJson() throws Exception {
        String issuer = "issuer \"quoted\" \\ \u0001 \u2028";
        Map<String, Object> document = document(config(issuer, "", "disabled"), Set.of());
        assertThat(document.get("authorization_servers")).isEqualTo(List.of(issuer));
    }

    @Test
    void announcesDpopWhenItIsAcceptedAndWhetherItIsRequired() throws Exception {
        Map<String, String> values = config("https://as.example.test", "", "allowed");
        values.put("oauth.jwt.dpop.algorithms", "ES256,PS256");
        Map<String, Object> allowed = document(values, Set.of());
        assertThat(allowed.get("dpop_signing_alg_values_supported")).isEqualTo(List.of("ES256", "PS256"));
        assertThat(allowed.get("dpop_bound_access_tokens_required")).isEqualTo(false);
        values.put("oauth.jwt.dpop", "required");
        Map<String, Object> required = document(values, Set.of());
        assertThat(required.get("dpop_bound_access_tokens_required")).isEqualTo(true);
    }

    private static Map<String, String> twoTenants() {
        Map<String, String> values = new HashMap<>();
        values.put("oauth.jwt.tenants", "main,partner");
        values.put("oauth.jwt.tenant.main.issuer", "https://main.example.test");
        values.put("oauth.jwt.tenant.main.jwks-uri", "https://main.example.test/jwks");
        values.put("oauth.jwt.tenant.partner.issuer", "https://partner.example.test");
        values.put("oauth.jwt.tenant.partner.jwks-uri", "https://partner.example.test/jwks");
        values.put("oauth.jwt.tenant.partner.scope", "partner");
        values.put("oauth.jwt.audience", "api");
        values.put("oauth.jwt.resource", "https://api.example.test/orders");
        return values;
    }

    @Test
    void namesTheIssuersOfEveryTenantAndTheirScopes() throws Exception {
        Map<String, Object> document = document(twoTenants(), Set.of("read"));
        assertThat(document.get("authorization_servers"))
                .isEqualTo(List.of("https://main.example.test", "https://partner.example.test"));
        assertThat(document.get("scopes_supported")).isEqualTo(List.of("partner", "read"));
    }

    @Test
    void requiresDpopBoundTokensOnlyWhenEveryTenantRequiresThem() throws Exception {
        Map<String, String> values = twoTenants();
        values.put("oauth.jwt.tenant.partner.dpop", "required");
        values.put("oauth.jwt.tenant.main.dpop", "disabled");
        values.put("oauth.jwt.tenant.partner.dpop.algorithms", "ES256");
        Map<String, Object> mixed = document(values, Set.of());
        assertThat(mixed.get("dpop_bound_access_tokens_required")).isEqualTo(false);
        assertThat(mixed.get("dpop_signing_alg_values_supported")).isEqualTo(List.of("ES256"));
        values.put("oauth.jwt.tenant.main.dpop", "required");
        assertThat(document(values, Set.of()).get("dpop_bound_access_tokens_required"))
                .isEqualTo(true);
    }
}
