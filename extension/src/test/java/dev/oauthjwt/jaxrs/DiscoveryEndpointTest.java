package dev.oauthjwt.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.support.SecuredApiTestBase;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.Tokens;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Discovery end to end: the API deploys while the issuer is down, answers 503 + Retry-After, then recovers. */
class DiscoveryEndpointTest extends SecuredApiTestBase {

    private static final String OPENID = "/.well-known/openid-configuration";

    @Override
    protected Map<String, String> config(JwksEndpoint server) {
        Map<String, String> values = super.config(server);
        values.remove("oauth.jwt.jwks-uri");
        values.put("oauth.jwt.issuer", base(server));
        return values;
    }

    private static String base(JwksEndpoint server) {
        return server.stub().uri("").toString();
    }

    @Test
    void answers503WhileTheIssuerMetadataIsMissingThenRecoversWithoutARestart() throws Exception {
        String token = Tokens.valid(key).claim("iss", base(jwks)).sign();
        HttpResponse<String> down = getWithToken("/api/data", token);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(jwks.requestCount()).isZero();

        var metadata = jwks.stub()
                .document(
                        OPENID,
                        "application/json",
                        "{\"issuer\":\"" + base(jwks) + "\",\"jwks_uri\":\"" + jwks.uri() + "\"}");
        Thread.sleep(1_100);
        assertThat(getWithToken("/api/data", token).statusCode()).isEqualTo(200);
        assertThat(getWithToken("/api/data", Tokens.valid(key).sign()).statusCode())
                .as("a token of the issuer of the default test configuration is another issuer's")
                .isEqualTo(401);
        assertThat(metadata.requestCount()).isEqualTo(1);
    }
}
