package dev.oauthjwt.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.support.SecuredApiTestBase;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.StubEndpoint;
import dev.oauthjwt.testsupport.Tokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When no key can be obtained for a token: 503 with Retry-After, fast, and recovery without restart. */
class KeysUnavailableEndpointTest extends SecuredApiTestBase {

    @Override
    protected Map<String, String> config(JwksEndpoint server) {
        Map<String, String> values = super.config(server);
        values.put("oauth.jwt.jwks.timeout", "PT0.5S");
        values.put("oauth.jwt.jwks.min-refresh-interval", "PT2S");
        return values;
    }

    @Test
    void answers503WithRetryAfterWhileTheJwksIsDownAndRecovers_G128() throws Exception {
        jwks.failWith(503);
        jwks.resetCount(); // the stub is shared by the tests of this class
        String token = Tokens.valid(key).sign();
        Thread.sleep(2100); // past the cooldown of fetches of the other test: the first request here fetches
        jwks.resetCount();
        long start = System.nanoTime();
        HttpResponse<String> first = getWithToken("/api/data", token);
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3L));
        assertThat(first.headers().allValues("WWW-Authenticate")).isEmpty();
        for (int i = 0; i < 20; i++) {
            assertThat(getWithToken("/api/data", token).statusCode()).isEqualTo(503);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
        // one fetch per 2 s cooldown: 21 requests on a loaded machine may span more than one cooldown
        assertThat(jwks.requestCount()).isBetween(1, 1 + (int) (elapsed.toMillis() / 2000));

        jwks.publish(key);
        Thread.sleep(2100);
        assertThat(getWithToken("/api/data", token).statusCode()).isEqualTo(200);
    }

    @Test
    void answersAStalledJwksWithinTheDeadline_G129() {
        StubEndpoint stalled = jwks.delay(3_000);
        try {
            long start = System.nanoTime();
            HttpResponse<String> response = getWithToken(
                    "/api/data", Tokens.valid(key).header("kid", "new").sign());
            assertThat(response.statusCode()).isIn(401, 503);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        } finally {
            stalled.delay(0);
        }
    }
}
