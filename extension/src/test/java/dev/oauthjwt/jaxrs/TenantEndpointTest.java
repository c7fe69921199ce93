package dev.oauthjwt.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.support.JwksServer;
import dev.oauthjwt.jaxrs.support.SecuredApiTestBase;
import dev.oauthjwt.jaxrs.support.TestKeys;
import dev.oauthjwt.jaxrs.support.Tokens;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two tenants end to end: the test API's stub serves the keys of tenant {@code main}, a second stub those of
 * {@code partner}; {@code /api/partner} is {@code @Secured(tenants = "partner")}.
 */
class TenantEndpointTest extends SecuredApiTestBase {

    private static final String PARTNER = "https://partner.example.test";
    private JwksServer partnerJwks;
    private TestKeys partnerKey;

    @Override
    protected Map<String, String> config(JwksServer server) {
        partnerJwks = new JwksServer();
        partnerKey = TestKeys.rsa("p1");
        partnerJwks.publish(partnerKey);
        Map<String, String> values = super.config(server);
        values.remove("oauth.jwt.jwks-uri");
        values.remove("oauth.jwt.issuer");
        values.put("oauth.jwt.tenants", "main,partner");
        values.put("oauth.jwt.tenant.main.issuer", Tokens.ISSUER);
        values.put("oauth.jwt.tenant.main.jwks-uri", server.uri().toString());
        values.put("oauth.jwt.tenant.partner.issuer", PARTNER);
        values.put("oauth.jwt.tenant.partner.jwks-uri", partnerJwks.uri().toString());
        values.put("oauth.jwt.tenant.partner.scope", "partner");
        return values;
    }

    @AfterAll
    void stopPartner() {
        partnerJwks.close();
    }

    private String partnerToken(String scope) {
        return Tokens.valid(partnerKey).claim("iss", PARTNER).claim("scope", scope).sign();
    }

    @Test
    void acceptsTheTokensOfEveryTenant() {
        assertThat(getWithToken("/api/data", Tokens.valid(key).sign()).statusCode()).isEqualTo(200);
        assertThat(getWithToken("/api/data", partnerToken("partner")).statusCode()).isEqualTo(200);
    }

    @Test
    void appliesTheGlobalRulesOfTheTokensTenant() {
        HttpResponse<String> response = getWithToken("/api/data", partnerToken("read"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("scope=\"partner\""));
    }

    @Test
    void anEndpointLimitedToATenantRefusesAValidTokenOfAnotherTenant() {
        HttpResponse<String> response = getWithToken("/api/partner", Tokens.valid(key).sign());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).contains("error=\"invalid_token\"")
                        .contains("error_description=\"The access token was issued by an untrusted issuer\""));
        assertThat(getWithToken("/api/partner", partnerToken("partner")).body()).isEqualTo("partner ok");
    }

    @Test
    void aTokenOfAnUnknownIssuerIsRefusedWithoutAnyFetch() {
        int before = jwks.requestCount() + partnerJwks.requestCount();
        HttpResponse<String> response = getWithToken("/api/data",
                Tokens.valid(key).claim("iss", "https://evil.example").header("kid", "new").sign());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(jwks.requestCount() + partnerJwks.requestCount()).isEqualTo(before);
    }
}
