package dev.oauthjwt.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.internal.http.SecuredScopes;
import dev.oauthjwt.jaxrs.internal.metadata.ProtectedResourceMetadataResource;
import dev.oauthjwt.jaxrs.support.SecuredApiTestBase;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.Tokens;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.Application;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/** With {@code oauth.jwt.resource}: every challenge names the RFC 9728 metadata URL (§5.1). */
class ResourceMetadataEndpointTest extends SecuredApiTestBase {

    private static final String METADATA =
            "resource_metadata=\"https://api.example.test/.well-known/oauth-protected-resource/orders\"";

    @Override
    protected Map<String, String> config(JwksEndpoint server) {
        Map<String, String> values = super.config(server);
        values.put("oauth.jwt.resource", "https://api.example.test/orders");
        return values;
    }

    @Override
    protected Application configure() {
        return ((ResourceConfig) super.configure()).register(ProtectedResourceMetadataResource.class);
    }

    @Test
    void servesTheMetadataDocumentAtTheWellKnownPathOfTheResource() {
        HttpResponse<String> response = get("/.well-known/oauth-protected-resource/orders");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body())
                .startsWith("{\"resource\":\"https://api.example.test/orders\"," + "\"authorization_servers\":[\""
                        + Tokens.ISSUER + "\"],\"scopes_supported\":[");
        assertThat(response.body())
                .contains(
                        "\"read\"",
                        "\"admin\"",
                        "\"bearer_methods_supported\":[\"header\"]",
                        "\"dpop_bound_access_tokens_required\":false}");
        assertThat(get("/.well-known/oauth-protected-resource").statusCode()).isEqualTo(404);
        assertThat(get("/.well-known/oauth-protected-resource/other").statusCode())
                .isEqualTo(404);
        assertThat(get("/.well-known/oauth-protected-resource/orders/x").statusCode())
                .isEqualTo(404);
    }

    /** @return the Bearer challenge, after checking that every challenge (Bearer, DPoP) names the metadata */
    private static String challenge(HttpResponse<String> response) {
        List<String> challenges = response.headers().allValues("WWW-Authenticate");
        assertThat(challenges)
                .isNotEmpty()
                .allSatisfy(value -> assertThat(value).endsWith(METADATA));
        List<String> bearer =
                challenges.stream().filter(value -> value.startsWith("Bearer")).toList();
        assertThat(bearer).hasSize(1);
        return bearer.get(0);
    }

    @Test
    void aMissingTokenGetsABareChallengeNamingTheMetadata() {
        HttpResponse<String> response = get("/api/data");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(challenge(response)).isEqualTo("Bearer realm=\"test-api\", " + METADATA);
    }

    @Test
    void anInvalidTokenGetsAChallengeNamingTheMetadata() {
        HttpResponse<String> response = getWithToken(
                "/api/data", Tokens.valid(key).claim("aud", "other").sign());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(challenge(response))
                .isEqualTo("Bearer realm=\"test-api\", error=\"invalid_token\", "
                        + "error_description=\"The access token is not intended for this audience\", " + METADATA);
    }

    @Test
    void aMissingScopeGets403NamingTheScopeAndTheMetadata() {
        HttpResponse<String> response = getWithToken(
                "/api/scopes", Tokens.valid(key).claim("scope", "read").sign());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(challenge(response)).endsWith("scope=\"read admin\", " + METADATA);
    }

    @Test
    void aMalformedRequestGets400NamingTheMetadata() {
        HttpResponse<String> response = get("/api/data", "Authorization", "Bearer a b");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(challenge(response)).contains("error=\"invalid_request\"").endsWith(", " + METADATA);
    }

    @Test
    void theScopesOfEverySecuredEndpointAreCollectedForScopesSupported() {
        assertThat(CDI.current().select(SecuredScopes.class).get().scopes()).contains("read", "admin");
    }
}
