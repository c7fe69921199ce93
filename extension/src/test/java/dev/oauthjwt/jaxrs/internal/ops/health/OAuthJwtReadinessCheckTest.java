package dev.oauthjwt.jaxrs.internal.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.OAuthJwtProducer;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.config.Tenants;
import dev.oauthjwt.jaxrs.internal.ops.Telemetry;
import dev.oauthjwt.jaxrs.internal.ops.metrics.MicroProfileTelemetry;
import dev.oauthjwt.jaxrs.internal.token.IssuerRouter;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import dev.oauthjwt.jaxrs.support.RecordingMetricRegistry;
import dev.oauthjwt.jaxrs.support.TestConfig;
import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.MutableClock;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each state of the readiness check {@code oauth-jwt}: no keys yet (DOWN, and the probe starts a fetch), fresh keys
 * (UP), stale keys within {@code stale-if-error} (UP, with the failure that made them stale), keys past it (DOWN),
 * and each kind of fetch failure, also as counted in the fetch metric.
 */
class OAuthJwtReadinessCheckTest {

    final MutableClock clock = new MutableClock(Instant.now());
    final RecordingMetricRegistry metrics = new RecordingMetricRegistry();
    AuthorizationServerStub stub;
    JwksEndpoint jwks;
    TestKeys key;
    TokenValidator validator;
    OAuthJwtReadinessCheck check;

    @BeforeEach
    void start() {
        stub = AuthorizationServerStub.start();
        jwks = stub.jwks();
        key = TestKeys.rsa("k1");
        jwks.publish(key);
    }

    @AfterEach
    void stop() {
        if (validator != null) {
            validator.close();
        }
        stub.close();
    }

    void trust(String jwksUri) {
        Map<String, String> values = TestConfig.defaults(jwks);
        values.put("oauth.jwt.jwks-uri", jwksUri);
        values.put("oauth.jwt.jwks.timeout", "PT0.5S");
        validator = OAuthJwtProducer.create(
                OAuthJwtConfig.from(TestConfig.of(values)), clock, new MicroProfileTelemetry(metrics.proxy()));
        check = new OAuthJwtReadinessCheck(validator, clock);
    }

    /** Probes until {@code condition} holds (the fetch a probe starts runs in the background), at most 10 s. */
    HealthCheckResponse probeUntil(Predicate<HealthCheckResponse> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HealthCheckResponse response = check.call();
        while (!condition.test(response) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            response = check.call();
        }
        return response;
    }

    static Map<String, Object> data(HealthCheckResponse response) {
        return response.getData().orElseThrow();
    }

    static long fetches(RecordingMetricRegistry metrics, String result) {
        return metrics.count("oauth.jwt.fetches{document=jwks,result=" + result + "}");
    }

    @Test
    void isDownWithoutKeysAndTheProbeStartsAFetch_thenUpWithFreshKeys() throws Exception {
        trust(jwks.uri().toString());
        HealthCheckResponse first = check.call();
        assertThat(first.getName()).isEqualTo("oauth-jwt");
        assertThat(first.getStatus()).isEqualTo(Status.DOWN);
        assertThat(data(first))
                .containsEntry("issuer.1", Tokens.ISSUER)
                .containsEntry("issuer.1.state", "none")
                .containsEntry("issuer.1.keys", 0L)
                .doesNotContainKey("issuer.1.last-success");

        HealthCheckResponse ready = probeUntil(r -> r.getStatus() == Status.UP);
        assertThat(ready.getStatus()).isEqualTo(Status.UP);
        assertThat(data(ready))
                .containsEntry("issuer.1.state", "fresh")
                .containsEntry("issuer.1.keys", 1L)
                .containsEntry("issuer.1.keys-age-seconds", 0L)
                .containsKey("issuer.1.last-success")
                .doesNotContainKey("issuer.1.last-failure");
        assertThat(jwks.requestCount()).isEqualTo(1);
        assertThat(fetches(metrics, "ok")).isEqualTo(1);
    }

    @Test
    void isUpWithStaleKeysWithinStaleIfError_showingTheFailedRefresh() throws Exception {
        trust(jwks.uri().toString());
        probeUntil(r -> r.getStatus() == Status.UP);
        jwks.failWith(503);
        clock.advance(Duration.ofMinutes(11)); // past the 10 min freshness: the next request refreshes in background
        try {
            validator.validate(Tokens.valid(key).sign()); // its key lookup starts the background refresh
        } catch (TokenRejectedException expiredOnTheAdvancedClock) {
            assertThat(expiredOnTheAdvancedClock.failure()).isEqualTo(Failure.EXPIRED);
        }
        HealthCheckResponse stale = probeUntil(r -> data(r).containsKey("issuer.1.last-failure"));
        assertThat(stale.getStatus()).isEqualTo(Status.UP);
        assertThat(data(stale))
                .containsEntry("issuer.1.state", "stale")
                .containsEntry("issuer.1.keys", 1L)
                .containsEntry("issuer.1.keys-age-seconds", 660L)
                .containsEntry("issuer.1.last-failure", "http_status")
                .containsEntry("issuer.1.last-failure-status", 503L)
                .containsKey("issuer.1.last-failure-at");
        assertThat(fetches(metrics, "http_status")).isEqualTo(1);
    }

    @Test
    void isDownOnceStaleIfErrorHasPassed() throws Exception {
        trust(jwks.uri().toString());
        probeUntil(r -> r.getStatus() == Status.UP);
        jwks.failWith(500);
        clock.advance(Duration.ofMinutes(10).plus(Duration.ofHours(24)).plusSeconds(1));
        HealthCheckResponse down = probeUntil(r -> data(r).containsKey("issuer.1.last-failure"));
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(data(down))
                .containsEntry("issuer.1.state", "none")
                .containsEntry("issuer.1.keys", 0L)
                .containsKey("issuer.1.last-success")
                .containsEntry("issuer.1.last-failure", "http_status");
    }

    @Test
    void reportsATimeoutAsTheLastFailureKind() throws Exception {
        jwks.delay(3_000);
        trust(jwks.uri().toString());
        HealthCheckResponse down = probeUntil(r -> data(r).containsKey("issuer.1.last-failure"));
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(data(down))
                .containsEntry("issuer.1.last-failure", "timeout")
                .doesNotContainKey("issuer.1.last-failure-status");
        assertThat(fetches(metrics, "timeout")).isEqualTo(1);
    }

    @Test
    void reportsARefusedConnectionAsTheLastFailureKind() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        trust("http://127.0.0.1:" + closedPort + "/jwks");
        HealthCheckResponse down = probeUntil(r -> data(r).containsKey("issuer.1.last-failure"));
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(data(down)).containsEntry("issuer.1.last-failure", "refused");
        assertThat(fetches(metrics, "refused")).isEqualTo(1);
    }

    @Test
    void reportsADocumentWithoutKeysAsBadDocument() throws Exception {
        jwks.rawBody("{\"keys\":[]}");
        trust(jwks.uri().toString());
        HealthCheckResponse down = probeUntil(r -> data(r).containsKey("issuer.1.last-failure"));
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(data(down)).containsEntry("issuer.1.last-failure", "bad_document");
        assertThat(fetches(metrics, "bad_document")).isEqualTo(1);
    }

    @Test
    void probesRespectTheCooldownAndNeverShowTheJwksUrl() throws Exception {
        jwks.failWith(500);
        trust(jwks.uri().toString());
        probeUntil(r -> data(r).containsKey("issuer.1.last-failure"));
        for (int i = 0; i < 50; i++) {
            assertThat(data(check.call()).values())
                    .allSatisfy(value -> assertThat(String.valueOf(value))
                            .doesNotContain(jwks.uri().getHost() + ":"));
        }
        assertThat(jwks.requestCount()).isEqualTo(1); // 50 probes within the 1 s cooldown: no further fetch
    }

    @Test
    void reportsEveryTenantsIssuerAndIsDownWhileOneHasNoKeys() throws Exception {
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String unreachable = "http://127.0.0.1:" + closed.getLocalPort() + "/jwks";
            closed.close();
            Map<String, String> values = TestConfig.defaults(jwks);
            values.remove("oauth.jwt.jwks-uri");
            values.remove("oauth.jwt.issuer");
            values.put("oauth.jwt.tenants", "main,partner");
            values.put("oauth.jwt.tenant.main.issuer", Tokens.ISSUER);
            values.put("oauth.jwt.tenant.main.jwks-uri", jwks.uri().toString());
            values.put("oauth.jwt.tenant.partner.issuer", "https://partner.example.test");
            values.put("oauth.jwt.tenant.partner.jwks-uri", unreachable);
            values.put("oauth.jwt.jwks.timeout", "PT0.5S");
            try (IssuerRouter router = OAuthJwtProducer.create(
                    Tenants.from(TestConfig.of(values)), Optional.empty(), Optional.empty(), clock, Telemetry.NONE)) {
                check = new OAuthJwtReadinessCheck(router.validators(), clock);
                HealthCheckResponse response = probeUntil(r ->
                        "fresh".equals(data(r).get("issuer.1.state")) && data(r).containsKey("issuer.2.last-failure"));
                assertThat(response.getStatus()).isEqualTo(Status.DOWN);
                assertThat(data(response))
                        .containsEntry("issuer.1", Tokens.ISSUER)
                        .containsEntry("issuer.1.state", "fresh")
                        .containsEntry("issuer.2", "https://partner.example.test")
                        .containsEntry("issuer.2.state", "none");
            }
        }
    }
}
