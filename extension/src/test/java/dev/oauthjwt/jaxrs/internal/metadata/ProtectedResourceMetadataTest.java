package dev.oauthjwt.jaxrs.internal.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.internal.config.Tenants;
import dev.oauthjwt.jaxrs.internal.jose.StrictJson;
import dev.oauthjwt.jaxrs.support.TestConfig;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The RFC 9728 §2 document built from the configuration and the scopes of the secured endpoints. */
class ProtectedResourceMetadataTest {

    private static Tenants config(String issuer, String scope) {
        Map<String, String> values = new HashMap<>();
        values.put("oauth.jwt.jwks-uri", "https://as.example.test/jwks");
        values.put("oauth.jwt.issuer", issuer);
        values.put("oauth.jwt.audience", "api");
        values.put("oauth.jwt.scope", scope);
        values.put("oauth.jwt.resource", "https://api.example.test/orders");
        return Tenants.from(TestConfig.of(values));
    }

    private static Map<String, Object> parse(String json) throws Exception {
        return StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void namesTheResourceTheIssuerTheScopesAndTheHeaderMethod() throws Exception {
        String json = ProtectedResourceMetadataResource.document(config("https://as.example.test", "orders"),
                Set.of("write", "read", "orders"));
        Map<String, Object> document = parse(json);
        assertThat(document).containsOnlyKeys("resource", "authorization_servers", "scopes_supported",
                "bearer_methods_supported");
        assertThat(document.get("resource")).isEqualTo("https://api.example.test/orders");
        assertThat(document.get("authorization_servers")).isEqualTo(List.of("https://as.example.test"));
        assertThat(document.get("scopes_supported")).isEqualTo(List.of("orders", "read", "write"));
        assertThat(document.get("bearer_methods_supported")).isEqualTo(List.of("header"));
    }

    @Test
    void omitsScopesSupportedWhenNoScopeIsRequired() throws Exception {
        Map<String, Object> document = parse(ProtectedResourceMetadataResource.document(
                config("https://as.example.test", ""), Set.of()));
        assertThat(document).doesNotContainKey("scopes_supported");
    }

    @Test
    void I9_escapesAnIssuerThatIsNotAUrlSoTheDocumentStaysWellFormedJson() throws Exception {
        String issuer = "issuer \"quoted\" \\ \u0001 \u2028";
        Map<String, Object> document = parse(ProtectedResourceMetadataResource.document(config(issuer, ""), Set.of()));
        assertThat(document.get("authorization_servers")).isEqualTo(List.of(issuer));
    }

    @Test
    void namesTheIssuersOfEveryTenantAndTheirScopes() throws Exception {
        Map<String, String> values = new HashMap<>();
        values.put("oauth.jwt.tenants", "main,partner");
        values.put("oauth.jwt.tenant.main.issuer", "https://main.example.test");
        values.put("oauth.jwt.tenant.main.jwks-uri", "https://main.example.test/jwks");
        values.put("oauth.jwt.tenant.partner.issuer", "https://partner.example.test");
        values.put("oauth.jwt.tenant.partner.jwks-uri", "https://partner.example.test/jwks");
        values.put("oauth.jwt.tenant.partner.scope", "partner");
        values.put("oauth.jwt.audience", "api");
        values.put("oauth.jwt.resource", "https://api.example.test/orders");
        Map<String, Object> document = parse(ProtectedResourceMetadataResource.document(
                Tenants.from(TestConfig.of(values)), Set.of("read")));
        assertThat(document.get("authorization_servers"))
                .isEqualTo(List.of("https://main.example.test", "https://partner.example.test"));
        assertThat(document.get("scopes_supported")).isEqualTo(List.of("partner", "read"));
    }
}
