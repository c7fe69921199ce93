package dev.oauthjwt.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.internal.ops.AuditLog;
import dev.oauthjwt.jaxrs.support.LogCapture;
import dev.oauthjwt.jaxrs.support.RecordingMetricRegistry;
import dev.oauthjwt.jaxrs.support.SecuredApiTestBase;
import dev.oauthjwt.testsupport.Tokens;
import jakarta.enterprise.inject.spi.CDI;
import java.util.logging.Level;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/**
 * The operational integrations over HTTP, in a container that offers MicroProfile Health and a metric registry:
 * every outcome of a secured request is counted, cache hits and validation times are measured, refusals are audited
 * with the resource method, and the readiness check is a bean.
 */
class OperationsEndpointTest extends SecuredApiTestBase {

    static final RecordingMetricRegistry METRICS = RecordingMetricRegistry.SHARED;

    static long requests(String outcome) {
        return METRICS.count("oauth.jwt.requests{outcome=" + outcome + "}");
    }

    @Test
    void countsAcceptedAndRefusedRequestsByOutcome() {
        long accepted = requests("accepted");
        long expired = requests("expired");
        long noCredentials = requests("no_credentials");
        long scope = requests("insufficient_scope");
        long open = METRICS.count("oauth.jwt.validation{}");

        assertThat(getWithToken("/api/data", Tokens.valid(key).sign()).statusCode())
                .isEqualTo(200);
        long now = System.currentTimeMillis() / 1000;
        String expiredToken = Tokens.valid(key)
                .claim("iat", now - 600)
                .claim("exp", now - 300)
                .sign();
        assertThat(getWithToken("/api/data", expiredToken).statusCode()).isEqualTo(401);
        assertThat(get("/api/data").statusCode()).isEqualTo(401);
        assertThat(getWithToken("/api/scopes", Tokens.valid(key).sign()).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/public").statusCode()).isEqualTo(200); // not secured: not counted

        assertThat(requests("accepted")).isEqualTo(accepted + 1);
        assertThat(requests("expired")).isEqualTo(expired + 1);
        assertThat(requests("no_credentials")).isEqualTo(noCredentials + 1);
        assertThat(requests("insufficient_scope")).isEqualTo(scope + 1);
        assertThat(METRICS.count("oauth.jwt.validation{}")).isEqualTo(open + 3); // no token: nothing validated
        assertThat(METRICS.count("oauth.jwt.fetches{document=jwks,result=ok}")).isPositive();
    }

    @Test
    void countsTokenCacheMissThenHitForTheSameToken() {
        long hits = METRICS.count("oauth.jwt.token.cache{result=hit}");
        long misses = METRICS.count("oauth.jwt.token.cache{result=miss}");
        String token = Tokens.valid(key).claim("jti", "cache-probe").sign();
        assertThat(getWithToken("/api/data", token).statusCode()).isEqualTo(200);
        assertThat(getWithToken("/api/data", token).statusCode()).isEqualTo(200);
        assertThat(METRICS.count("oauth.jwt.token.cache{result=miss}")).isEqualTo(misses + 1);
        assertThat(METRICS.count("oauth.jwt.token.cache{result=hit}")).isEqualTo(hits + 1);
    }

    @Test
    void I3_auditLinesNameTheResourceMethodAndReason_neverTheToken() {
        String wrongAudience =
                Tokens.valid(key).claim("aud", "other").claim("jti", "j-77").sign();
        String garbage = "eyJhbGciOiJSUzI1NiJ9.not-a-token";
        try (LogCapture audit = new LogCapture(AuditLog.LOGGER_NAME, Level.INFO)) {
            assertThat(getWithToken("/api/data", wrongAudience).statusCode()).isEqualTo(401);
            assertThat(getWithToken("/api/data", garbage).statusCode()).isEqualTo(401);
            assertThat(audit.messages())
                    .containsExactly(
                            "refused reason=WRONG_AUDIENCE status=401 endpoint=dev.oauthjwt.jaxrs.api.TestApi#data client=-"
                                    + " kid=\"k1\" iss=\"" + Tokens.ISSUER + "\" sub=\"alice\" jti=\"j-77\"",
                            "refused reason=MALFORMED_TOKEN status=401 endpoint=dev.oauthjwt.jaxrs.api.TestApi#data client=-");
            assertThat(String.join("\n", audit.messages()))
                    .doesNotContain(wrongAudience.split("\\.")[2], "not-a-token");
        }
    }

    @Test
    void readinessCheckIsABeanWhenTheHealthApiIsPresent() {
        assertThat(getWithToken("/api/data", Tokens.valid(key).sign()).statusCode())
                .isEqualTo(200);
        HealthCheck check = CDI.current()
                .select(HealthCheck.class, Readiness.Literal.INSTANCE)
                .get();
        HealthCheckResponse response = check.call();
        assertThat(response.getName()).isEqualTo("oauth-jwt");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("issuer.1.keys", 1L);
    }
}
