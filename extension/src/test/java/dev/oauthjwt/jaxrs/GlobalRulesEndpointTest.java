package dev.oauthjwt.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.support.SecuredApiTestBase;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.Tokens;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Globally configured scopes and claim rules apply to every secured endpoint, added to the annotation's. */
class GlobalRulesEndpointTest extends SecuredApiTestBase {

    @Override
    protected Map<String, String> config(JwksEndpoint server) {
        Map<String, String> values = super.config(server);
        values.remove("oauth.jwt.realm");
        values.put("oauth.jwt.scope", "api");
        values.put("oauth.jwt.claims.tenant", "acme");
        values.put("oauth.jwt.roles-claim", "roles");
        return values;
    }

    @Test
    void requiresTheGlobalScopeOnEverySecuredEndpoint() {
        HttpResponse<String> response = getWithToken(
                "/api/data", Tokens.valid(key).claim("tenant", "acme").sign());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer error=\"insufficient_scope\", "
                        + "error_description=\"The access token lacks a required scope\", scope=\"api\"");
        HttpResponse<String> scoped = getWithToken(
                "/api/scope", Tokens.valid(key).claim("tenant", "acme").sign());
        assertThat(scoped.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).endsWith("scope=\"api read\""));
    }

    @Test
    void requiresTheGlobalClaimRuleOnEverySecuredEndpoint() {
        assertThat(getWithToken(
                                "/api/data",
                                Tokens.valid(key)
                                        .claim("scope", "api")
                                        .claim("tenant", "other")
                                        .sign())
                        .statusCode())
                .isEqualTo(403);
        assertThat(getWithToken(
                                "/api/data",
                                Tokens.valid(key)
                                        .claim("scope", "api")
                                        .claim("tenant", "acme")
                                        .sign())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void omitsTheRealmWhenNoneIsConfiguredAndReadsRolesFromTheConfiguredClaim() {
        assertThat(get("/api/data").headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer", "DPoP algs=\"RS256 RS384 RS512 PS256 PS384 PS512 ES256 ES384 ES512\"");
        HttpResponse<String> response = getWithToken(
                "/api/data",
                Tokens.valid(key)
                        .claim("scope", "api")
                        .claim("tenant", "acme")
                        .claim("roles", "users admins")
                        .sign());
        assertThat(response.body()).endsWith("users=true admins=true");
    }

    @Test
    void leavesUnsecuredEndpointsOpen() {
        assertThat(get("/api/public").statusCode()).isEqualTo(200);
    }
}
