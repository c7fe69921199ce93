package dev.oauthjwt.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.support.JwksServer;
import dev.oauthjwt.jaxrs.support.SecuredApiTestBase;
import dev.oauthjwt.jaxrs.support.Tokens;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Discovery end to end: the API deploys while the issuer is down, answers 503 + Retry-After, then recovers. */
class DiscoveryEndpointTest extends SecuredApiTestBase {

    private static final String OPENID = "/.well-known/openid-configuration";

    @Override
    protected Map<String, String> config(JwksServer server) {
        Map<String, String> values = super.config(server);
        values.remove("oauth.jwt.jwks-uri");
        values.put("oauth.jwt.issuer", server.base());
        return values;
    }

    @Test
    void answers503WhileTheIssuerMetadataIsMissingThenRecoversWithoutARestart() throws Exception {
        String token = Tokens.valid(key).claim("iss", jwks.base()).sign();
        HttpResponse<String> down = getWithToken("/api/data", token);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(jwks.requestCount()).isZero();

        jwks.document(OPENID, "{\"issuer\":\"" + jwks.base() + "\",\"jwks_uri\":\"" + jwks.uri() + "\"}");
        Thread.sleep(1_100);
        assertThat(getWithToken("/api/data", token).statusCode()).isEqualTo(200);
        assertThat(getWithToken("/api/data", Tokens.valid(key).sign()).statusCode())
                .as("a token of the issuer of the default test configuration is another issuer's").isEqualTo(401);
        assertThat(jwks.documentRequests(OPENID)).isEqualTo(2);
    }
}
