package dev.oauthjwt.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.support.SecuredApiTestBase;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.Tokens;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * JWKS failure modes seen from the HTTP client's side (section G): a JWKS that is down when the first request
 * arrives, and a JWKS that stalls while a flood of unknown kids arrives together with valid tokens. Answer times are
 * recorded; the assertions use generous bounds derived from the configured deadline (1 s).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JwksOverHttpTest extends SecuredApiTestBase {

    private static final Logger LOG = Logger.getLogger(JwksOverHttpTest.class.getName());

    private static final long DEADLINE_MS = 1_000;
    private static final long COOLDOWN_MS = 2_000;
    /** Deadline + the cache's 250 ms grace + generous slack for a loaded 2-core machine. */
    private static final long BOUND_MS = DEADLINE_MS + 250 + 2_000;

    /** HTTP/1.1 only: without the h2c upgrade offer, pooled connections are reused safely under concurrency. */
    private final java.net.http.HttpClient http11 = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .connectTimeout(java.time.Duration.ofSeconds(5))
            .build();

    private HttpResponse<String> call(String token) throws Exception {
        return http11.send(
                java.net.http.HttpRequest.newBuilder(uri("/api/data"))
                        .timeout(java.time.Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    protected Map<String, String> config(JwksEndpoint server) {
        server.failWith(503); // down before the first request
        Map<String, String> values = super.config(server);
        values.put("oauth.jwt.jwks.timeout", "PT1S");
        values.put("oauth.jwt.jwks.min-refresh-interval", "PT2S");
        return values;
    }

    @Test
    @Order(1)
    void G128_jwksDownAtTheFirstRequest_answers503FastWithRetryAfterAndRecoversByItself() throws Exception {
        String token = Tokens.valid(key).sign();
        long max = 0;
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = getWithToken("/api/data", token);
            if (i > 0) {
                max = Math.max(max, System.nanoTime() - start); // the first request also builds the validator
            }
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.headers().allValues("WWW-Authenticate")).isEmpty();
            assertThat(response.body()).doesNotContain(token.substring(0, 20), "Exception");
        }
        assertThat(jwks.requestCount()).as("no fetch per request").isLessThanOrEqualTo(2);
        assertThat(max / 1_000_000).isLessThan(BOUND_MS);
        LOG.fine(String.format(
                Locale.ROOT, "[hardening] G128 over HTTP: 20 answers 503, max %.1f ms after the first", max / 1e6));

        jwks.publish(key);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status;
        do {
            Thread.sleep(200);
            status = getWithToken("/api/data", token).statusCode();
        } while (status != 200 && System.nanoTime() < end);
        assertThat(status).as("recovered without a restart").isEqualTo(200);
    }

    @Test
    @Order(2)
    void G123_G129_unknownKidFloodWhileTheJwksStalls_isAnswered401FastAndValidTokensKeepWorking() throws Exception {
        String valid = Tokens.valid(key).sign();
        assertThat(call(valid).statusCode()).isEqualTo(200);
        jwks.resetCount();
        jwks.delay(30_000); // every fetch from now on stalls far beyond the deadline
        Thread.sleep(COOLDOWN_MS + 200); // past the cooldown: the first unknown kid starts a (stalling) fetch
        ExecutorService clients = Executors.newFixedThreadPool(4);
        long started = System.nanoTime();
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(clients.submit(() -> {
                    long maxUnknown = 0;
                    long maxValid = 0;
                    for (int i = 0; i < 25; i++) {
                        String kid = "flood-" + thread + "-" + i;
                        String unknown = Tokens.rawWithSignatureOf(
                                valid,
                                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}",
                                Tokens.valid(key).claimsJson());
                        long start = System.nanoTime();
                        HttpResponse<String> rejected = call(unknown);
                        maxUnknown = Math.max(maxUnknown, System.nanoTime() - start);
                        assertThat(rejected.statusCode()).isIn(401, 503);
                        start = System.nanoTime();
                        HttpResponse<String> served = call(valid);
                        maxValid = Math.max(maxValid, System.nanoTime() - start);
                        assertThat(served.statusCode())
                                .as("cached kid unaffected by the stalled JWKS")
                                .isEqualTo(200);
                    }
                    return new long[] {maxUnknown, maxValid};
                }));
            }
            long maxUnknown = 0;
            long maxValid = 0;
            for (Future<long[]> result : results) {
                long[] times = result.get(60, TimeUnit.SECONDS);
                maxUnknown = Math.max(maxUnknown, times[0]);
                maxValid = Math.max(maxValid, times[1]);
            }
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            LOG.fine(String.format(
                    Locale.ROOT,
                    "[hardening] G123/G129 over HTTP: 100 unknown-kid + 100 valid requests in %d ms, "
                            + "%d JWKS fetches, max unknown-kid answer %.1f ms, max valid answer %.1f ms",
                    elapsedMs,
                    jwks.requestCount(),
                    maxUnknown / 1e6,
                    maxValid / 1e6));
            assertThat(maxUnknown / 1_000_000).isLessThan(BOUND_MS);
            assertThat(jwks.requestCount()).as("the stalled JWKS was asked").isPositive();
            assertThat(jwks.requestCount())
                    .as("at most one fetch per cooldown")
                    .isLessThanOrEqualTo(1 + (int) (elapsedMs / COOLDOWN_MS) + 1);
        } finally {
            clients.shutdownNow();
            jwks.publish(key);
        }
    }
}
