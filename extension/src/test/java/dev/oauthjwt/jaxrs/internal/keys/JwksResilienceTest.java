package dev.oauthjwt.jaxrs.internal.keys;

import static dev.oauthjwt.jaxrs.internal.token.ValidatorFixture.accepted;
import static dev.oauthjwt.jaxrs.internal.token.ValidatorFixture.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import dev.oauthjwt.jaxrs.internal.token.ValidatorFixture;
import dev.oauthjwt.jaxrs.support.TestConfig;
import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.MutableClock;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import java.util.zip.GZIPOutputStream;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Catalogue section G in depth: the key cache and the JWKS client against a scriptable JWKS server, with a
 * controllable clock for TTL, cooldown and stale-if-error (no sleeping for time windows). Timings are recorded and
 * printed; the only timing assertions are generous sanity bounds derived from the configured fetch deadline.
 */
class JwksResilienceTest {

    private static final Logger LOG = Logger.getLogger(JwksResilienceTest.class.getName());

    static final Duration REFRESH = Duration.ofMinutes(10);
    static final Duration COOLDOWN = Duration.ofSeconds(30);
    static final Duration STALE_IF_ERROR = Duration.ofHours(24);
    /** The total fetch deadline of these tests: short, so that the slow-server cases stay fast. */
    static final Duration DEADLINE = Duration.ofMillis(500);
    /** Sanity bound for "answered within the deadline": deadline + the cache's 250 ms grace + scheduling slack. */
    static final long DEADLINE_BOUND_MS = DEADLINE.toMillis() + 250 + 1_000;

    static TestKeys k1;
    static TestKeys k2;
    static TestKeys ec;
    /** The longest answer seen by any DoS-flagged case of this class, reported at the end. */
    static final AtomicLong MAX_DOS_ANSWER_NANOS = new AtomicLong();

    JwksEndpoint server;
    MutableClock clock;
    ExecutorService fetchThreads;
    JwksKeyCache cache;

    @BeforeAll
    static void keys() {
        k1 = TestKeys.rsa("k1");
        k2 = TestKeys.rsa("k2");
        ec = TestKeys.ec("e1", "P-256");
    }

    @AfterAll
    static void report() {
        LOG.fine(String.format(
                Locale.ROOT,
                "[hardening] JWKS DoS cases: max answer time %.1f ms (fetch deadline %d ms)",
                MAX_DOS_ANSWER_NANOS.get() / 1e6,
                DEADLINE.toMillis()));
    }

    @BeforeEach
    void start() {
        server = AuthorizationServerStub.start().jwks().publish(k1);
        clock = MutableClock.startingNow();
        fetchThreads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "test-jwks-fetch");
            t.setDaemon(true);
            return t;
        });
        cache = cacheFor(server.uri());
    }

    @AfterEach
    void stop() {
        fetchThreads.shutdownNow();
        server.stub().close();
    }

    JwksKeyCache cacheFor(URI uri) {
        return new JwksKeyCache(
                new JwksFetcher(uri, DEADLINE, fetchThreads), clock, REFRESH, COOLDOWN, STALE_IF_ERROR, DEADLINE);
    }

    /** A validator whose key cache runs on the test clock (time claims use the real clock). */
    TokenValidator validatorOver(JwksKeyCache keyCache) {
        return new TokenValidator(
                OAuthJwtConfig.from(TestConfig.of(TestConfig.defaults(server))),
                keyCache,
                java.time.Clock.systemUTC(),
                () -> {});
    }

    JwksKeyCache.Status lookup(String kid) {
        return cache.lookup(kid, JwsAlgorithm.RS256).status();
    }

    /** Times one lookup, records it as a DoS answer time, and returns its status. */
    JwksKeyCache.Status timedLookup(String kid) {
        long start = System.nanoTime();
        JwksKeyCache.Status status = lookup(kid);
        long elapsed = System.nanoTime() - start;
        MAX_DOS_ANSWER_NANOS.accumulateAndGet(elapsed, Math::max);
        assertThat(elapsed / 1_000_000)
                .as("answer time (ms) within the fetch deadline")
                .isLessThan(DEADLINE_BOUND_MS);
        return status;
    }

    static void eventually(BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached within 5 s").isLessThan(end);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Waits for a fetch under way, if any, to complete: a lookup of an unknown kid joins it (bounded by the deadline);
     * call it only inside a cooldown, where the probe cannot start a fetch of its own.
     */
    void settle() {
        cache.lookup("settle-probe", JwsAlgorithm.RS256);
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Caches k1, then lets the TTL pass so that the next lookup starts a background refresh. */
    void cacheK1ThenExpire() {
        assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND);
        assertThat(server.requestCount()).isEqualTo(1);
        clock.advance(REFRESH.plusSeconds(1));
    }

    /** After a refresh was made to fail: the cached key still answers, with no further fetch in the cooldown. */
    void assertPreviousKeysKeptAfterFailedRefresh() {
        int before = server.requestCount();
        long start = System.nanoTime();
        assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND); // starts the background refresh
        MAX_DOS_ANSWER_NANOS.accumulateAndGet(System.nanoTime() - start, Math::max);
        eventually(() -> server.requestCount() == before + 1);
        // an unknown kid joins the refresh under way and waits at most for its deadline
        assertThat(timedLookup("unknown")).isIn(JwksKeyCache.Status.UNKNOWN, JwksKeyCache.Status.UNAVAILABLE);
        for (int i = 0; i < 100; i++) {
            assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND);
        }
        assertThat(server.requestCount()).isEqualTo(before + 1);
    }

    @Nested
    class RotationAndFloods {

        @Test
        void G122_removedKey_isRefusedOnceTheCacheTtlPassed() {
            server.publish(k1, k2);
            assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND);
            server.publish(k2);
            clock.advance(REFRESH.minusSeconds(1));
            assertThat(lookup("k1")).as("still within the TTL").isEqualTo(JwksKeyCache.Status.FOUND);
            clock.advance(Duration.ofSeconds(2));
            lookup("k1"); // the TTL passed: this lookup starts the refresh
            eventually(() -> lookup("k1") == JwksKeyCache.Status.UNKNOWN);
            assertThat(lookup("k2")).isEqualTo(JwksKeyCache.Status.FOUND);
            assertThat(server.requestCount()).isEqualTo(2);
        }

        @Test
        void G122_removedKey_tokenIsAnswered401ThroughTheValidator() {
            server.publish(k1, k2);
            TokenValidator validator = validatorOver(cache);
            String token = Tokens.valid(k1).sign();
            accepted(validator, token);
            server.publish(k2);
            clock.advance(REFRESH.plusSeconds(1));
            accepted(validator, token); // served from the cache while the refresh runs
            eventually(() -> {
                try {
                    validator.validate(token);
                    return false;
                } catch (TokenRejectedException e) {
                    return e.failure() == Failure.UNVERIFIABLE;
                }
            });
            accepted(validator, Tokens.valid(k2).sign());
        }

        @Test
        void G123_unknownKidFlood_fetchesAtMostOncePerCooldown() {
            assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND);
            java.util.Random random = new java.util.Random(123);
            long maxNanos = 0;
            // 10 000 requests spread over 60 s of clock time (6 ms apart), each with a fresh random kid
            for (int i = 0; i < 10_000; i++) {
                clock.advance(Duration.ofMillis(6));
                long start = System.nanoTime();
                JwksKeyCache.Status status = lookup("rnd-" + Long.toHexString(random.nextLong()));
                maxNanos = Math.max(maxNanos, System.nanoTime() - start);
                assertThat(status).isEqualTo(JwksKeyCache.Status.UNKNOWN);
            }
            MAX_DOS_ANSWER_NANOS.accumulateAndGet(maxNanos, Math::max);
            // 1 initial fetch, then at most one per 30 s cooldown over 60 s
            assertThat(server.requestCount()).isBetween(2, 1 + 60 / (int) COOLDOWN.toSeconds() + 1);
            LOG.fine(String.format(
                    Locale.ROOT,
                    "[hardening] G123 unknown-kid flood: 10000 lookups, %d fetches, max %.1f ms",
                    server.requestCount(),
                    maxNanos / 1e6));
        }

        @Test
        void G123_unknownKidFlood_fromManyThreads_blocksNoThreadBeyondOneFetch() throws Exception {
            assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND);
            server.delay(200); // the one fetch the flood may cause is slow
            clock.advance(COOLDOWN.plusSeconds(1));
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<Long>> answers = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    int thread = t;
                    answers.add(pool.submit(() -> {
                        long max = 0;
                        for (int i = 0; i < 625; i++) {
                            long start = System.nanoTime();
                            assertThat(lookup("flood-" + thread + "-" + i)).isEqualTo(JwksKeyCache.Status.UNKNOWN);
                            max = Math.max(max, System.nanoTime() - start);
                        }
                        return max;
                    }));
                }
                long max = 0;
                for (Future<Long> answer : answers) {
                    max = Math.max(max, answer.get(30, TimeUnit.SECONDS));
                }
                MAX_DOS_ANSWER_NANOS.accumulateAndGet(max, Math::max);
                assertThat(max / 1_000_000).isLessThan(DEADLINE_BOUND_MS);
                assertThat(server.requestCount()).isEqualTo(2);
                assertThat(server.maxConcurrentRequests()).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void G123_kidlessFloodAgainstAMultiKeyJwks_neverFetches() {
            server.publish(k1, k2);
            assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND);
            for (int i = 0; i < 10_000; i++) {
                clock.advance(Duration.ofMillis(6));
                assertThat(cache.lookup(null, JwsAlgorithm.RS256).status()).isEqualTo(JwksKeyCache.Status.UNKNOWN);
            }
            assertThat(server.requestCount()).isEqualTo(1);
        }

        @Test
        void G124_rotationAfterAnAttackerBurnedTheRefreshBudget_isPickedUpWithinOneCooldown() {
            assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND);
            clock.advance(COOLDOWN.plusSeconds(1));
            assertThat(lookup("attacker-random-kid")).isEqualTo(JwksKeyCache.Status.UNKNOWN); // T: budget burned
            clock.advance(Duration.ofSeconds(1));
            server.publish(k1, k2); // T+1 s: the AS rotates
            clock.advance(Duration.ofSeconds(1));
            assertThat(lookup("k2")).as("T+2 s, inside the cooldown").isEqualTo(JwksKeyCache.Status.UNKNOWN);
            clock.advance(COOLDOWN.minusSeconds(2));
            assertThat(lookup("k2")).as("T + cooldown").isEqualTo(JwksKeyCache.Status.FOUND);
            assertThat(COOLDOWN).isLessThanOrEqualTo(Duration.ofSeconds(60));
        }

        @Test
        void G125_twoHundredConcurrentMissesForANewKid_causeExactlyOneFetch() throws Exception {
            assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND);
            server.publish(k1, k2).delay(150);
            clock.advance(COOLDOWN.plusSeconds(1));
            ExecutorService pool = Executors.newFixedThreadPool(200);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Long>> answers = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        long start = System.nanoTime();
                        assertThat(lookup("k2")).isEqualTo(JwksKeyCache.Status.FOUND);
                        return System.nanoTime() - start;
                    }));
                }
                go.countDown();
                long max = 0;
                for (Future<Long> answer : answers) {
                    max = Math.max(max, answer.get(30, TimeUnit.SECONDS));
                }
                MAX_DOS_ANSWER_NANOS.accumulateAndGet(max, Math::max);
                assertThat(max / 1_000_000).isLessThan(DEADLINE_BOUND_MS);
                assertThat(server.requestCount()).isEqualTo(2);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void G126_ttlExpiryUnderLoad_causesOneFetchWhileCachedKeysKeepAnswering() throws Exception {
            cacheK1ThenExpire();
            server.delay(300);
            ExecutorService pool = Executors.newFixedThreadPool(50);
            try {
                List<Callable<Long>> requests = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    requests.add(() -> {
                        long start = System.nanoTime();
                        assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND);
                        return System.nanoTime() - start;
                    });
                }
                long max = 0;
                for (Future<Long> answer : pool.invokeAll(requests, 30, TimeUnit.SECONDS)) {
                    max = Math.max(max, answer.get());
                }
                MAX_DOS_ANSWER_NANOS.accumulateAndGet(max, Math::max);
                LOG.fine(String.format(
                        Locale.ROOT,
                        "[hardening] G126 500 lookups at TTL expiry: max %.1f ms (fetch takes 300 ms)",
                        max / 1e6));
                eventually(() -> server.requestCount() == 2);
                assertThat(server.maxConcurrentRequests()).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class Outages {

        @ParameterizedTest
        @ValueSource(ints = {500, 503, 404})
        void G127_outageWithCachedKeys_keepsAcceptingWithinStaleIfError(int status) {
            cacheK1ThenExpire();
            server.failWith(status);
            assertPreviousKeysKeptAfterFailedRefresh();
            clock.advance(COOLDOWN.plusSeconds(1));
            assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND); // retries once per cooldown
            eventually(() -> server.requestCount() == 3);
            settle();
            clock.advance(STALE_IF_ERROR.minus(COOLDOWN).minusSeconds(10));
            assertThat(lookup("k1")).as("near the end of stale-if-error").isEqualTo(JwksKeyCache.Status.FOUND);
            eventually(() -> server.requestCount() == 4);
            settle();
            clock.advance(Duration.ofSeconds(20));
            assertThat(lookup("k1")).as("past stale-if-error: fail closed").isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
        }

        @Test
        void G127_connectionRefusedWithCachedKeys_keepsAccepting() throws Exception {
            JwksEndpoint gone = AuthorizationServerStub.start().jwks().publish(k1);
            URI uri = gone.uri();
            cache = cacheFor(uri);
            assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND);
            gone.stub().close();
            clock.advance(REFRESH.plusSeconds(1));
            for (int i = 0; i < 50; i++) {
                assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND);
            }
            assertThat(timedLookup("other")).isIn(JwksKeyCache.Status.UNKNOWN, JwksKeyCache.Status.UNAVAILABLE);
        }

        @Test
        void G128_jwksDownFromTheStart_answersUnavailableFastAndRecoversByItself() {
            server.failWith(503);
            assertThat(timedLookup("k1")).isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
            for (int i = 0; i < 1_000; i++) {
                assertThat(timedLookup("k1")).isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
            }
            assertThat(server.requestCount()).as("no fetch per request").isEqualTo(1);
            assertThat(cache.retryAfterSeconds()).isBetween(1L, COOLDOWN.toSeconds() + 1);
            server.publish(k1);
            clock.advance(COOLDOWN.plusSeconds(1));
            assertThat(lookup("k1")).as("recovered without a restart").isEqualTo(JwksKeyCache.Status.FOUND);
            assertThat(server.requestCount()).isEqualTo(2);
        }

        @Test
        void G128_jwksUnreachableFromTheStart_answersUnavailableFast() throws Exception {
            int freePort;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                freePort = probe.getLocalPort();
            }
            cache = cacheFor(URI.create("http://127.0.0.1:" + freePort + "/jwks"));
            assertThat(timedLookup("k1")).isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
            assertThat(timedLookup("k1")).isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
        }

        @Test
        void G128_downFromTheStart_validatorAnswers503WithRetryAfter() {
            server.failWith(503);
            TokenValidator validator = ValidatorFixture.validator(server, Map.of());
            try {
                long start = System.nanoTime();
                assertRejected(validator, Tokens.valid(k1).sign(), Failure.KEYS_UNAVAILABLE);
                assertRejected(validator, Tokens.valid(k1).sign(), Failure.KEYS_UNAVAILABLE);
                MAX_DOS_ANSWER_NANOS.accumulateAndGet(System.nanoTime() - start, Math::max);
                assertThat(validator.retryAfterSeconds(Failure.KEYS_UNAVAILABLE))
                        .isPositive();
                assertThat(Failure.KEYS_UNAVAILABLE.status()).isEqualTo(503);
            } finally {
                validator.close();
            }
        }
    }

    @Nested
    class HostileServers {

        @Test
        void G129_stalledServer_isAnsweredWithinTheTotalDeadline() {
            server.delay(60_000);
            assertThat(timedLookup("k1")).isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
        }

        @Test
        void G129_stalledRefresh_leavesRequestsWithCachedKidsUnaffected() {
            cacheK1ThenExpire();
            server.delay(60_000);
            long start = System.nanoTime();
            for (int i = 0; i < 1_000; i++) {
                assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND);
            }
            long elapsed = System.nanoTime() - start;
            LOG.fine(String.format(
                    Locale.ROOT,
                    "[hardening] G129 1000 cached-kid lookups during a stalled refresh: %.1f ms",
                    elapsed / 1e6));
            assertThat(timedLookup("new-kid")).isIn(JwksKeyCache.Status.UNKNOWN, JwksKeyCache.Status.UNAVAILABLE);
        }

        @Test
        void G130_blackholedHost_isAnsweredWithinTheTotalDeadline() throws Exception {
            // a listener that never accepts, its backlog filled: further SYNs go unanswered
            try (ServerSocket blackhole = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                List<Socket> fillers = new ArrayList<>();
                try {
                    for (int i = 0; i < 4; i++) {
                        Socket s = new Socket();
                        try {
                            s.connect(blackhole.getLocalSocketAddress(), 200);
                            fillers.add(s);
                        } catch (java.io.IOException full) {
                            s.close();
                            break;
                        }
                    }
                    cache = cacheFor(URI.create("http://127.0.0.1:" + blackhole.getLocalPort() + "/jwks"));
                    assertThat(timedLookup("k1")).isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
                } finally {
                    for (Socket s : fillers) {
                        s.close();
                    }
                }
            }
        }

        @Test
        void G131_slowlorisBody_isAbortedByTheTotalDeadline() {
            server.trickle(100); // 1 byte per 100 ms: each read is well under any per-read timeout
            assertThat(timedLookup("k1")).isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
        }

        @Test
        void G131_slowlorisRefresh_keepsThePreviousKeys() {
            cacheK1ThenExpire();
            server.trickle(100);
            assertPreviousKeysKeptAfterFailedRefresh();
        }

        @ParameterizedTest
        @ValueSource(strings = {"100MB", "endless-chunked", "lying-length-short", "lying-length-huge", "json-over-cap"})
        void G132_hugeOrLyingBodies_areCutAtTheSizeCapAndKeepThePreviousKeys(String mode) {
            cacheK1ThenExpire();
            switch (mode) {
                case "100MB" -> server.stream(100_000_000L);
                case "endless-chunked" -> server.stream(-1);
                case "lying-length-short" -> server.declaredLength(100_000); // sends far fewer bytes, then stalls
                case "lying-length-huge" -> server.declaredLength(10_000_000_000L).stream(-1);
                case "json-over-cap" -> server.rawBody(jwksOfSize(JwksFetcher.MAX_BODY_BYTES + 1));
                default -> throw new IllegalArgumentException(mode);
            }
            long heapBefore = usedHeap();
            assertPreviousKeysKeptAfterFailedRefresh();
            long grown = usedHeap() - heapBefore;
            LOG.fine(String.format(Locale.ROOT, "[hardening] G132 %s: heap delta %d KiB", mode, grown / 1024));
        }

        @Test
        void G132_documentJustUnderTheCap_isAccepted() {
            server.rawBody(jwksOfSize(JwksFetcher.MAX_BODY_BYTES - 16));
            assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND);
        }

        @Test
        void G132_fetcherCutsA100MbBodyAtTheCap() {
            server.stream(100_000_000L);
            long start = System.nanoTime();
            assertThatThrownBy(() -> new JwksFetcher(server.uri(), DEADLINE, fetchThreads)
                            .fetch()
                            .join())
                    .hasRootCauseInstanceOf(FetchFailedException.class)
                    .rootCause()
                    .satisfies(cause -> assertThat(((FetchFailedException) cause).result())
                            .isEqualTo(dev.oauthjwt.jaxrs.internal.ops.FetchResult.BAD_DOCUMENT));
            MAX_DOS_ANSWER_NANOS.accumulateAndGet(System.nanoTime() - start, Math::max);
        }

        @Test
        void G133_gzipBomb_isNeverDecompressed() throws Exception {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 64; i++) {
                    gzip.write(zeros); // 64 MiB of zeros in about 64 KiB
                }
            }
            cacheK1ThenExpire();
            server.rawBytes(compressed.toByteArray()).headers(Map.of("Content-Encoding", "gzip"));
            assertPreviousKeysKeptAfterFailedRefresh();

            JwksEndpoint fresh = AuthorizationServerStub.start().jwks();
            try {
                fresh.rawBytes(compressed.toByteArray()).headers(Map.of("Content-Encoding", "gzip"));
                cache = cacheFor(fresh.uri());
                assertThat(timedLookup("k1")).isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
                // served without the header, the compressed bytes are just garbage
                fresh.rawBytes(compressed.toByteArray()).headers(Map.of());
                clock.advance(COOLDOWN.plusSeconds(1));
                assertThat(timedLookup("k1")).isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
            } finally {
                fresh.stub().close();
            }
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "<html><body>502 Bad Gateway</body></html>",
                    "[]",
                    "{}",
                    "{\"keys\":\"x\"}",
                    "{\"keys\":[1,2]}",
                    "{\"keys\":null}",
                    "{\"keys\":[{\"kty\":\"RSA\"",
                    "{\"keys\":[],\"keys\":[]}",
                    "{\"keys\":[]}",
                    "",
                    "null",
                    "\"keys\"",
                    "{\"keys\":[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]}",
                    "{\"keys\":{\"kty\":\"RSA\"}}",
                    "{\"keys\":[{\"kty\":1,\"kid\":[]}]}"
                })
        void G134_garbageDocument_countsAsAFailedRefreshAndKeepsThePreviousKeys(String body) {
            assertThatThrownBy(() -> JwkSetParser.parse(body.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(IllegalArgumentException.class);
            cacheK1ThenExpire();
            server.rawBody(body);
            assertPreviousKeysKeptAfterFailedRefresh();
        }

        @Test
        void G134_deeplyNestedDocument_isRefusedWithoutRecursion() {
            String deep = "{\"keys\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
            long start = System.nanoTime();
            assertThatThrownBy(() -> JwkSetParser.parse(deep.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(IllegalArgumentException.class);
            MAX_DOS_ANSWER_NANOS.accumulateAndGet(System.nanoTime() - start, Math::max);
        }

        @Test
        void G134_garbageFromTheStart_answersUnavailable() {
            server.rawBody("<html>oops</html>");
            assertThat(timedLookup("k1")).isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
        }

        @ParameterizedTest
        @ValueSource(ints = {301, 302, 303, 307, 308})
        void G144_redirects_areNotFollowedAndCountAsFailures(int status) {
            JwksEndpoint target = AuthorizationServerStub.start().jwks().publish(k1);
            try {
                server.failWith(status).headers(Map.of("Location", target.uri().toString()));
                assertThat(timedLookup("k1")).isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
                assertThat(target.requestCount()).isZero();
                // to http on another host, and a redirect loop to itself
                server.failWith(status).headers(Map.of("Location", "http://example.invalid/jwks"));
                clock.advance(COOLDOWN.plusSeconds(1));
                assertThat(timedLookup("k1")).isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
                server.failWith(status).headers(Map.of("Location", server.uri().toString()));
                clock.advance(COOLDOWN.plusSeconds(1));
                assertThat(timedLookup("k1")).isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
                assertThat(server.requestCount()).isEqualTo(3);
            } finally {
                target.stub().close();
            }
        }

        @Test
        void G145_selfSignedJwksCertificate_failsTheFetch() throws Exception {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("jwks-tls");
            java.nio.file.Path store = dir.resolve("server.p12");
            Process keytool = new ProcessBuilder(
                            java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool")
                                    .toString(),
                            "-genkeypair",
                            "-alias",
                            "jwks",
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-dname",
                            "CN=localhost",
                            "-ext",
                            "SAN=ip:127.0.0.1,dns:localhost",
                            "-validity",
                            "2",
                            "-keystore",
                            store.toString(),
                            "-storetype",
                            "PKCS12",
                            "-storepass",
                            "changeit")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("keytool.log").toFile())
                    .start();
            com.sun.net.httpserver.HttpsServer https = null;
            try {
                assertThat(keytool.waitFor(60, TimeUnit.SECONDS))
                        .as("keytool finished")
                        .isTrue();
                assertThat(keytool.exitValue()).isZero();
                java.security.KeyStore keyStore = java.security.KeyStore.getInstance("PKCS12");
                try (java.io.InputStream in = java.nio.file.Files.newInputStream(store)) {
                    keyStore.load(in, "changeit".toCharArray());
                }
                javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                        javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore, "changeit".toCharArray());
                javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
                tls.init(kmf.getKeyManagers(), null, null);
                https = com.sun.net.httpserver.HttpsServer.create(
                        new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
                https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
                java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
                byte[] body = JsonUtil.toJson(Map.of("keys", List.of(k1.publicJwk())))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                https.createContext("/jwks", exchange -> {
                    served.incrementAndGet();
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                https.start();
                cache = cacheFor(
                        URI.create("https://127.0.0.1:" + https.getAddress().getPort() + "/jwks"));
                assertThat(timedLookup("k1")).isEqualTo(JwksKeyCache.Status.UNAVAILABLE);
                assertThat(served.get())
                        .as("no request got past the TLS handshake")
                        .isZero();
            } finally {
                keytool.destroyForcibly();
                if (https != null) {
                    https.stop(0);
                }
                try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
                    for (java.nio.file.Path f : files.toList()) {
                        java.nio.file.Files.deleteIfExists(f);
                    }
                }
                java.nio.file.Files.deleteIfExists(dir);
            }
        }

        @Test
        void G145_plainHttpJwksUriOnANonLoopbackHost_isRefusedAtStartup() {
            Map<String, String> values = new java.util.HashMap<>(TestConfig.defaults(server));
            values.put("oauth.jwt.jwks-uri", "http://as.example.com/jwks");
            assertThatThrownBy(() -> OAuthJwtConfig.from(TestConfig.of(values)))
                    .isInstanceOf(dev.oauthjwt.jaxrs.config.InvalidConfigurationException.class)
                    .hasMessageContaining("jwks-uri");
        }

        @Test
        void G144_redirectDuringRefresh_keepsThePreviousKeys() {
            cacheK1ThenExpire();
            server.failWith(302).headers(Map.of("Location", "https://evil.example/jwks"));
            assertPreviousKeysKeptAfterFailedRefresh();
        }
    }

    @Nested
    class CacheLifetime {

        int fetchesAfter(Duration elapsed) {
            int before = server.requestCount();
            clock.advance(elapsed);
            lookup("k1");
            eventually(() -> server.requestCount() >= before);
            try {
                Thread.sleep(100); // a refresh, if one was started, has reached the server by now
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return server.requestCount() - before;
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "max-age=0",
                    "no-store",
                    "no-cache",
                    "no-cache, max-age=0",
                    "max-age=0, must-revalidate",
                    "No-Store",
                    "MAX-AGE=0"
                })
        void G143_zeroLifetime_isClampedUpToTheCooldown_noFetchPerRequest(String cacheControl) {
            server.publish(k1).headers(Map.of("Cache-Control", cacheControl));
            assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND);
            for (int i = 0; i < 1_000; i++) {
                assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND);
            }
            assertThat(server.requestCount()).isEqualTo(1);
            assertThat(fetchesAfter(COOLDOWN.minusSeconds(1))).isZero();
            assertThat(fetchesAfter(Duration.ofSeconds(2))).isEqualTo(1);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "max-age=100000000000000000",
                    "max-age=31536000",
                    "public, max-age=9223372036854775807",
                    "max-age=\"31536000\""
                })
        void G143_hugeLifetime_isClampedDownToTheRefreshInterval(String cacheControl) {
            server.publish(k1).headers(Map.of("Cache-Control", cacheControl));
            assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND);
            assertThat(fetchesAfter(REFRESH.minusSeconds(1))).isZero();
            assertThat(fetchesAfter(Duration.ofSeconds(2))).isEqualTo(1);
        }

        @Test
        void G143_honoursAMaxAgeInsideTheBounds() {
            server.publish(k1).headers(Map.of("Cache-Control", "public, max-age=120"));
            assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND);
            assertThat(fetchesAfter(Duration.ofSeconds(119))).isZero();
            assertThat(fetchesAfter(Duration.ofSeconds(2))).isEqualTo(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Thu, 01 Jan 1970 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "garbage"})
        void G143_expiresHeader_isIgnoredInFavourOfTheRefreshInterval(String expires) {
            server.publish(k1).headers(Map.of("Expires", expires));
            assertThat(lookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND);
            assertThat(fetchesAfter(REFRESH.minusSeconds(1))).isZero();
            assertThat(fetchesAfter(Duration.ofSeconds(2))).isEqualTo(1);
        }
    }

    @Nested
    class KeyAdmission {

        List<VerificationKey> parse(List<Map<String, Object>> jwks) {
            return JwkSetParser.parse(JsonUtil.toJson(Map.of("keys", jwks)).getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void G135_badEntriesAreSkippedAndGoodKeysKeepWorking() {
            Map<String, Object> noN = new LinkedHashMap<>(k2.publicJwk());
            noN.remove("n");
            Map<String, Object> badE = new LinkedHashMap<>(k2.publicJwk());
            badE.put("e", "!!not base64url!!");
            badE.put("kid", "bad-e");
            Map<String, Object> unknownKty = new LinkedHashMap<>(Map.of(
                    "kty", "OKP", "crv", "Ed25519", "kid", "okp", "x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"));
            List<VerificationKey> keys = parse(List.of(
                    unknownKty, noN, badE, new LinkedHashMap<>(k1.publicJwk()), new LinkedHashMap<>(ec.publicJwk())));
            assertThat(keys).extracting(VerificationKey::kid).containsExactly("k1", "e1");

            server.publishJwks(List.of(unknownKty, noN, badE, new LinkedHashMap<>(k1.publicJwk())));
            TokenValidator validator = ValidatorFixture.validator(server, Map.of());
            try {
                accepted(validator, Tokens.valid(k1).sign());
            } finally {
                validator.close();
            }
        }

        @Test
        void G139_duplicateKids_areResolvedByKeyTypeAndUse_deterministically() {
            TestKeys rsaShared = TestKeys.rsa("shared");
            TestKeys ecShared = TestKeys.ec("shared", "P-256");
            TestKeys rsaOld = TestKeys.rsa("shared");
            TestKeys encryption = TestKeys.rsa("shared");
            Map<String, Object> encCopy = new LinkedHashMap<>(encryption.publicJwk());
            encCopy.put("use", "enc");
            List<Map<String, Object>> published = List.of(
                    encCopy,
                    new LinkedHashMap<>(rsaShared.publicJwk()),
                    new LinkedHashMap<>(ecShared.publicJwk()),
                    new LinkedHashMap<>(rsaOld.publicJwk()));
            server.publishJwks(published);
            TokenValidator validator = ValidatorFixture.validator(server, Map.of());
            try {
                // (a) RSA + EC under one kid: the token's alg selects the key type
                accepted(validator, Tokens.valid(rsaShared).sign());
                accepted(validator, Tokens.valid(ecShared).sign());
                // (b) two RSA keys under one kid (old/new): both are tried, at most two
                accepted(validator, Tokens.valid(rsaOld).sign());
                // (c) the use:enc copy is never a candidate
                assertRejected(validator, Tokens.valid(encryption).sign(), Failure.UNVERIFIABLE);
            } finally {
                validator.close();
            }
            KeySet set = new KeySet(parse(published), clock.instant());
            assertThat(set.find("shared", JwsAlgorithm.RS256))
                    .extracting(VerificationKey::publicKey)
                    .containsExactly(rsaShared.pair().getPublic(), rsaOld.pair().getPublic());
            assertThat(set.find("shared", JwsAlgorithm.ES256))
                    .extracting(VerificationKey::publicKey)
                    .containsExactly(ecShared.pair().getPublic());
            // three RSA keys under one kid: still at most two candidates, always the same two
            KeySet three = new KeySet(
                    parse(List.of(
                            new LinkedHashMap<>(rsaShared.publicJwk()),
                            new LinkedHashMap<>(rsaOld.publicJwk()),
                            TestKeys.rsa("shared").publicJwk())),
                    clock.instant());
            assertThat(three.find("shared", JwsAlgorithm.RS256))
                    .hasSize(KeySet.MAX_CANDIDATES)
                    .isEqualTo(three.find("shared", JwsAlgorithm.RS256));
        }

        @Test
        void G141_oddRsaParameters_areRefusedAtLoad() {
            BigInteger n = (BigInteger)
                    ((java.security.interfaces.RSAPublicKey) k1.pair().getPublic()).getModulus();
            List<Map<String, Object>> odd = new ArrayList<>();
            odd.add(rsaJwk("e1", n, BigInteger.ONE));
            odd.add(rsaJwk("e-even", n, BigInteger.valueOf(65536)));
            odd.add(rsaJwk("e-ge-n", n, n.add(BigInteger.TWO)));
            odd.add(rsaJwk("n-even", n.subtract(BigInteger.ONE), BigInteger.valueOf(65537)));
            odd.add(rsaJwk("n-16384", BigInteger.ONE.shiftLeft(16383).add(BigInteger.ONE), BigInteger.valueOf(65537)));
            odd.add(rsaJwk("e-long", n, BigInteger.ONE.shiftLeft(4095).add(BigInteger.ONE)));
            odd.add(rsaJwk("e-zero", n, BigInteger.ZERO));
            odd.add(rsaJwk("n-small", BigInteger.valueOf(3233), BigInteger.valueOf(17)));
            long start = System.nanoTime();
            assertThatThrownBy(() -> parse(odd)).isInstanceOf(IllegalArgumentException.class);
            MAX_DOS_ANSWER_NANOS.accumulateAndGet(System.nanoTime() - start, Math::max);
            List<Map<String, Object>> mixed = new ArrayList<>(odd);
            mixed.add(new LinkedHashMap<>(k1.publicJwk()));
            assertThat(parse(mixed)).extracting(VerificationKey::kid).containsExactly("k1");
        }

        private Map<String, Object> rsaJwk(String kid, BigInteger n, BigInteger e) {
            Map<String, Object> jwk = new LinkedHashMap<>();
            jwk.put("kty", "RSA");
            jwk.put("kid", kid);
            jwk.put("n", b64(n));
            jwk.put("e", b64(e));
            return jwk;
        }

        private String b64(BigInteger value) {
            byte[] bytes = value.toByteArray();
            if (bytes.length > 1 && bytes[0] == 0) {
                bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        @Test
        void G142_offCurveWrongLengthAndUnsupportedCurves_areRefused() {
            Map<String, Object> offCurve = new LinkedHashMap<>(ec.publicJwk());
            BigInteger y = new BigInteger(1, Base64.getUrlDecoder().decode((String) offCurve.get("y")));
            offCurve.put("y", b64(y.add(BigInteger.ONE)));
            offCurve.put("kid", "off");
            Map<String, Object> shortX = new LinkedHashMap<>(ec.publicJwk());
            shortX.put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[31]));
            shortX.put("kid", "short");
            Map<String, Object> k256 = new LinkedHashMap<>(ec.publicJwk());
            k256.put("crv", "secp256k1");
            k256.put("kid", "k256");
            Map<String, Object> p384Claim = new LinkedHashMap<>(ec.publicJwk());
            p384Claim.put("crv", "P-384");
            p384Claim.put("kid", "p384");
            Map<String, Object> zero = new LinkedHashMap<>(ec.publicJwk());
            zero.put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]));
            zero.put("y", Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]));
            zero.put("kid", "zero");
            assertThatThrownBy(() -> parse(List.of(offCurve, shortX, k256, p384Claim, zero)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(parse(List.of(offCurve, shortX, k256, p384Claim, zero, new LinkedHashMap<>(ec.publicJwk()))))
                    .extracting(VerificationKey::kid)
                    .containsExactly("e1");
        }

        @Test
        void G146_tenThousandKeys_areCappedAndLookupStaysConstantTime() {
            List<Map<String, Object>> many = new ArrayList<>();
            Map<String, Object> template = new LinkedHashMap<>(ec.publicJwk());
            for (int i = 0; i < 10_000; i++) {
                Map<String, Object> jwk = new LinkedHashMap<>(template);
                jwk.put("kid", "k" + i);
                many.add(jwk);
            }
            String document = JsonUtil.toJson(Map.of("keys", many));
            LOG.fine(String.format(Locale.ROOT, "[hardening] G146 10000-key JWKS: %d KiB", document.length() / 1024));
            long start = System.nanoTime();
            // (larger than the fetch cap: the parser on its own must still cap what it keeps)
            List<VerificationKey> keys = JwkSetParser.parse(document.getBytes(StandardCharsets.UTF_8));
            long parseNanos = System.nanoTime() - start;
            MAX_DOS_ANSWER_NANOS.accumulateAndGet(parseNanos, Math::max);
            assertThat(keys).hasSize(JwkSetParser.MAX_KEYS);
            KeySet set = new KeySet(keys, clock.instant());
            assertThat(set.find("k99", JwsAlgorithm.ES256)).hasSize(1);
            assertThat(set.find("k100", JwsAlgorithm.ES256)).isEmpty();
            LOG.fine(String.format(Locale.ROOT, "[hardening] G146 parse of 10000 keys: %.1f ms", parseNanos / 1e6));

            // 10 000 small entries under the fetch cap, the only good key last
            List<Map<String, Object>> junk = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                junk.add(Map.of("kty", "x", "kid", "j" + i));
            }
            junk.add(new LinkedHashMap<>(k1.publicJwk()));
            String small = JsonUtil.toJson(Map.of("keys", junk));
            assertThat(small.length()).isLessThan(JwksFetcher.MAX_BODY_BYTES);
            server.rawBody(small);
            assertThat(timedLookup("k1")).isEqualTo(JwksKeyCache.Status.FOUND);
        }

        @Test
        void G148_keysOfAnotherTenantInTheSameJwks_doNotMakeItsTokensAcceptable() {
            TestKeys tenantB = TestKeys.rsa("tenant-b");
            server.publish(k1, tenantB);
            TokenValidator validator = ValidatorFixture.validator(server, Map.of());
            try {
                assertRejected(
                        validator,
                        Tokens.valid(tenantB)
                                .claim("iss", "https://as.example.test/tenant-b")
                                .sign(),
                        Failure.WRONG_ISSUER);
                assertRejected(
                        validator,
                        Tokens.valid(tenantB)
                                .claim("iss", "https://tenant-b.example")
                                .sign(),
                        Failure.WRONG_ISSUER);
                accepted(validator, Tokens.valid(k1).sign());
            } finally {
                validator.close();
            }
        }
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** A valid JWKS document (k1) padded with insignificant whitespace to exactly {@code size} bytes. */
    static String jwksOfSize(int size) {
        String document = JsonUtil.toJson(Map.of("keys", List.of(new LinkedHashMap<>(k1.publicJwk()))));
        String head = document.substring(0, document.length() - 1);
        return head + " ".repeat(size - document.length()) + "}";
    }
}
