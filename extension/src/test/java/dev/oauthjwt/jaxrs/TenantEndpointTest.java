package dev.oauthjwt.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.support.SecuredApiTestBase;
import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two tenants end to end: the test API's stub serves the keys of tenant {@code main}, a second stub those of
 * {@code partner}, which requires the scope {@code partner} and disables DPoP, and of {@code strict} (another issuer
 * with the same keys), which requires DPoP; {@code /api/partner} is
 * {@code @Secured(tenants = "partner")}.
 */
class TenantEndpointTest extends SecuredApiTestBase {

    private static final String PARTNER = "https://partner.example.test";
    private static final String STRICT = "https://strict.example.test";
    private JwksEndpoint partnerJwks;
    private TestKeys partnerKey;

    @Override
    protected Map<String, String> config(JwksEndpoint server) {
        partnerJwks = AuthorizationServerStub.start().jwks();
        partnerKey = TestKeys.rsa("k1"); // the same kid as the key of main
        partnerJwks.publish(partnerKey);
        Map<String, String> values = super.config(server);
        values.remove("oauth.jwt.jwks-uri");
        values.remove("oauth.jwt.issuer");
        values.put("oauth.jwt.tenants", "main,partner,strict");
        values.put("oauth.jwt.tenant.main.issuer", Tokens.ISSUER);
        values.put("oauth.jwt.tenant.main.jwks-uri", server.uri().toString());
        values.put("oauth.jwt.tenant.partner.issuer", PARTNER);
        values.put("oauth.jwt.tenant.partner.jwks-uri", partnerJwks.uri().toString());
        values.put("oauth.jwt.tenant.partner.scope", "partner");
        values.put("oauth.jwt.tenant.partner.dpop", "disabled");
        values.put("oauth.jwt.tenant.strict.issuer", STRICT);
        values.put("oauth.jwt.tenant.strict.jwks-uri", partnerJwks.uri().toString());
        values.put("oauth.jwt.tenant.strict.dpop", "required");
        values.put("oauth.jwt.dpop", "allowed");
        return values;
    }

    @AfterAll
    void stopPartner() {
        partnerJwks.stub().close();
    }

    private String partnerToken(String scope) {
        return Tokens.valid(partnerKey)
                .claim("iss", PARTNER)
                .claim("scope", scope)
                .sign();
    }

    private static String challenge(HttpResponse<String> response) {
        return String.join("\n", response.headers().allValues("WWW-Authenticate"));
    }

    @Test
    void acceptsTheTokensOfEveryTenant() {
        assertThat(getWithToken("/api/data", Tokens.valid(key).sign()).statusCode())
                .isEqualTo(200);
        assertThat(getWithToken("/api/data", partnerToken("partner")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void appliesTheGlobalRulesOfTheTokensTenant() {
        HttpResponse<String> response = getWithToken("/api/data", partnerToken("read"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(challenge(response)).contains("scope=\"partner\"");
        assertThat(getWithToken(
                                "/api/data",
                                Tokens.valid(key).claim("scope", "read").sign())
                        .statusCode())
                .as("main has no scope rule")
                .isEqualTo(200);
    }

    @Test
    void I10_G148_aTokenSignedByAnotherTenantsKeyIsRefused() {
        HttpResponse<String> response = getWithToken(
                "/api/data", Tokens.valid(key).claim("iss", PARTNER).sign());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(challenge(response)).contains("The access token signature could not be verified");
    }

    @Test
    void I14_anEndpointLimitedToATenantRefusesAValidTokenOfAnotherTenant() {
        HttpResponse<String> response =
                getWithToken("/api/partner", Tokens.valid(key).sign());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(challenge(response))
                .contains("error=\"invalid_token\"")
                .contains("error_description=\"The access token was issued by an untrusted issuer\"");
        HttpResponse<String> partner = getWithToken("/api/partner", partnerToken("partner"));
        assertThat(partner.statusCode()).isEqualTo(200);
        assertThat(partner.body()).isEqualTo("partner ok");
    }

    @Test
    void I11_G123_aTokenOfAnUnknownIssuerIsRefusedWithoutAnyFetch() {
        int before = jwks.requestCount() + partnerJwks.requestCount();
        HttpResponse<String> response = getWithToken(
                "/api/data",
                Tokens.valid(key)
                        .claim("iss", "https://evil.example")
                        .header("kid", "new")
                        .sign());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(challenge(response)).contains("The access token was issued by an untrusted issuer");
        assertThat(jwks.requestCount() + partnerJwks.requestCount()).isEqualTo(before);
    }

    @Test
    void aTokenOfAnotherTenantCostsTheLimitedEndpointNoFetch() {
        int before = partnerJwks.requestCount() + jwks.requestCount();
        HttpResponse<String> response = getWithToken(
                "/api/partner", Tokens.valid(key).header("kid", "unknown").sign());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(partnerJwks.requestCount() + jwks.requestCount()).isEqualTo(before);
    }

    @Test
    void eachTenantHasItsOwnDpopRule() {
        assertThat(challenge(get("/api/data")))
                .as("before a tenant is known: the top-level rule")
                .contains("DPoP ");
        HttpResponse<String> partnerAsDpop = get("/api/data", "Authorization", "DPoP " + partnerToken("partner"));
        assertThat(partnerAsDpop.statusCode()).isEqualTo(401);
        assertThat(challenge(partnerAsDpop))
                .as("partner disables DPoP: its challenge offers Bearer only")
                .doesNotContain("DPoP ")
                .doesNotContain("error=");
    }

    @Test
    void aTenantThatRequiresDpopRefusesItsBearerTokensWhileTheOthersAcceptTheirs() {
        HttpResponse<String> strict = getWithToken(
                "/api/data", Tokens.valid(partnerKey).claim("iss", STRICT).sign());
        assertThat(strict.statusCode()).isEqualTo(401);
        assertThat(challenge(strict)).contains("This resource requires a DPoP-bound access token");
        assertThat(getWithToken("/api/data", Tokens.valid(key).sign()).statusCode())
                .isEqualTo(200);
    }
}
