package dev.oauthjwt.jaxrs.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.MutableClock;
import dev.oauthjwt.testsupport.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching and caching of JWKS keys: fetch counts, cooldown, single flight, outages and deadlines. */
class JwksKeyCacheTest {

    static final Duration REFRESH = Duration.ofMinutes(10);
    static final Duration COOLDOWN = Duration.ofSeconds(30);
    static final Duration STALE_IF_ERROR = Duration.ofHours(24);

    JwksEndpoint jwks;
    TestKeys k1;
    MutableClock clock;
    ExecutorService executor;

    @BeforeEach
    void start() {
        jwks = AuthorizationServerStub.start().jwks();
        k1 = TestKeys.rsa("k1");
        jwks.publish(k1);
        clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        jwks.stub().close();
    }

    JwksKeyCache cache(Duration timeout) {
        return new JwksKeyCache(
                new JwksFetcher(jwks.uri(), timeout, executor), clock, REFRESH, COOLDOWN, STALE_IF_ERROR, timeout);
    }

    @Test
    void fetchesOnceForManyLookupsOfAKnownKid() {
        JwksKeyCache cache = cache(Duration.ofSeconds(2));
        for (int i = 0; i < 100; i++) {
            assertThat(cache.lookup("k1", JwsAlgorithm.RS256).status()).isEqualTo(JwksKeyCache.Status.FOUND);
        }
        assertThat(jwks.requestCount()).isEqualTo(1);
    }

    @Test
    void refetchesAtMostOncePerCooldownForUnknownKids() {
        JwksKeyCache cache = cache(Duration.ofSeconds(2));
        cache.lookup("k1", JwsAlgorithm.RS256);
        clock.advance(COOLDOWN);
        for (int i = 0; i < 1000; i++) {
            assertThat(cache.lookup("unknown-" + i, JwsAlgorithm.RS256).status())
                    .isEqualTo(JwksKeyCache.Status.UNKNOWN);
        }
        assertThat(jwks.requestCount()).isEqualTo(2);
        clock.advance(COOLDOWN);
        cache.lookup("another", JwsAlgorithm.RS256);
        assertThat(jwks.requestCount()).isEqualTo(3);
    }

    @Test
    void picksUpARotatedKeyWithOneFetch() {
        JwksKeyCache cache = cache(Duration.ofSeconds(2));
        cache.lookup("k1", JwsAlgorithm.RS256);
        jwks.publish(k1, TestKeys.rsa("k2"));
        clock.advance(COOLDOWN);
        assertThat(cache.lookup("k2", JwsAlgorithm.RS256).status()).isEqualTo(JwksKeyCache.Status.FOUND);
        assertThat(cache.lookup("k1", JwsAlgorithm.RS256).status()).isEqualTo(JwksKeyCache.Status.FOUND);
        assertThat(jwks.requestCount()).isEqualTo(2);
    }

    @Test
    void sharesOneFetchAmongConcurrentMisses() throws Exception {
        JwksKeyCache cache = cache(Duration.ofSeconds(3));
        jwks.delay(300);
        ExecutorService callers = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<JwksKeyCache.Status>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(callers.submit(() -> {
                    go.await();
                    return cache.lookup("k1", JwsAlgorithm.RS256).status();
                }));
            }
            go.countDown();
            for (Future<JwksKeyCache.Status> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(JwksKeyCache.Status.FOUND);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(jwks.requestCount()).isEqualTo(1);
    }

    @Test
    void keepsServingCachedKeysThroughAnOutageUntilStaleIfErrorRunsOut() throws Exception {
        JwksKeyCache cache = cache(Duration.ofSeconds(2));
        cache.lookup("k1", JwsAlgorithm.RS256);
        jwks.failWith(503);
        clock.advance(REFRESH.plusSeconds(1));
        assertThat(cache.lookup("k1", JwsAlgorithm.RS256).status()).isEqualTo(JwksKeyCache.Status.FOUND);
        awaitRequests(2);
        clock.advance(STALE_IF_ERROR.minusMinutes(1));
        assertThat(cache.lookup("k1", JwsAlgorithm.RS256).status()).isEqualTo(JwksKeyCache.Status.FOUND);
        clock.advance(Duration.ofMinutes(2));
        assertThat(cache.lookup("k1", JwsAlgorithm.RS256).status()).isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
    }

    @Test
    void refreshesInTheBackgroundOnceKeysAreStale() throws Exception {
        JwksKeyCache cache = cache(Duration.ofSeconds(2));
        cache.lookup("k1", JwsAlgorithm.RS256);
        jwks.publish(TestKeys.rsa("k9"));
        clock.advance(REFRESH);
        assertThat(cache.lookup("k1", JwsAlgorithm.RS256).status()).isEqualTo(JwksKeyCache.Status.FOUND);
        awaitRequests(2);
        for (int i = 0; i < 50 && cache.lookup("k1", JwsAlgorithm.RS256).status() == JwksKeyCache.Status.FOUND; i++) {
            Thread.sleep(20);
        }
        assertThat(cache.lookup("k1", JwsAlgorithm.RS256).status()).isEqualTo(JwksKeyCache.Status.UNKNOWN);
        assertThat(jwks.requestCount()).isEqualTo(2);
    }

    @Test
    void answersUnavailableWhenTheJwksIsDownFromTheStartAndRecoversAfterTheCooldown() {
        JwksKeyCache cache = cache(Duration.ofSeconds(2));
        jwks.failWith(500);
        assertThat(cache.lookup("k1", JwsAlgorithm.RS256).status()).isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
        for (int i = 0; i < 100; i++) {
            assertThat(cache.lookup("k1", JwsAlgorithm.RS256).status()).isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
        }
        assertThat(jwks.requestCount()).isEqualTo(1);
        assertThat(cache.retryAfterSeconds()).isBetween(1L, COOLDOWN.toSeconds() + 1);
        jwks.publish(k1);
        clock.advance(COOLDOWN);
        assertThat(cache.lookup("k1", JwsAlgorithm.RS256).status()).isEqualTo(JwksKeyCache.Status.FOUND);
    }

    @Test
    void answersUnavailableForAnUnknownKidWhileTheJwksIsDown() {
        JwksKeyCache cache = cache(Duration.ofSeconds(2));
        cache.lookup("k1", JwsAlgorithm.RS256);
        jwks.failWith(500);
        clock.advance(COOLDOWN);
        assertThat(cache.lookup("new-kid", JwsAlgorithm.RS256).status()).isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
        assertThat(cache.lookup("k1", JwsAlgorithm.RS256).status()).isEqualTo(JwksKeyCache.Status.FOUND);
    }

    @Test
    void boundsAStalledFetchByTheTotalDeadline() {
        JwksKeyCache cache = cache(Duration.ofMillis(500));
        jwks.delay(2_500);
        long start = System.nanoTime();
        assertThat(cache.lookup("k1", JwsAlgorithm.RS256).status()).isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void treatsAGarbageDocumentAsAFailedRefreshAndKeepsThePreviousKeys() throws Exception {
        JwksKeyCache cache = cache(Duration.ofSeconds(2));
        cache.lookup("k1", JwsAlgorithm.RS256);
        jwks.rawBody("<html>oops</html>");
        clock.advance(REFRESH);
        cache.lookup("k1", JwsAlgorithm.RS256);
        awaitRequests(2);
        Thread.sleep(100);
        assertThat(cache.lookup("k1", JwsAlgorithm.RS256).status()).isEqualTo(JwksKeyCache.Status.FOUND);
    }

    private void awaitRequests(int count) throws InterruptedException {
        for (int i = 0; i < 200 && jwks.requestCount() < count; i++) {
            Thread.sleep(10);
        }
        assertThat(jwks.requestCount()).isGreaterThanOrEqualTo(count);
    }
}
