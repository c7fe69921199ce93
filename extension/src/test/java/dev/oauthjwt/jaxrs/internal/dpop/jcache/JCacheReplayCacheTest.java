package dev.oauthjwt.jaxrs.internal.dpop.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.SenderConstraintConfig;
import dev.oauthjwt.jaxrs.internal.dpop.RequestFacts;
import dev.oauthjwt.jaxrs.internal.dpop.SenderConstraints;
import dev.oauthjwt.jaxrs.internal.token.Confirmation;
import dev.oauthjwt.jaxrs.support.DpopProofs;
import dev.oauthjwt.jaxrs.support.TestConfig;
import dev.oauthjwt.testsupport.MutableClock;
import dev.oauthjwt.testsupport.TestKeys;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The replay cache shared by replicas through JCache, on the JSR-107 reference implementation in this JVM: one cache
 * manager stands for the data grid, and each {@link JCacheReplayCache} on it for one replica.
 */
class JCacheReplayCacheTest {

    private static final Duration WINDOW = Duration.ofMinutes(7);
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private final MutableClock clock = MutableClock.startingNow();
    private final String cacheName = "dpop-proofs-" + UUID.randomUUID();
    private CachingProvider provider;
    private CacheManager grid;
    private final List<JCacheReplayCache> replicas = new java.util.ArrayList<>();

    @BeforeEach
    void startGrid() {
        provider = Caching.getCachingProvider("org.jsr107.ri.spi.RICachingProvider");
        grid = provider.getCacheManager(
                URI.create("urn:test:" + cacheName), getClass().getClassLoader());
    }

    @AfterEach
    void stopGrid() {
        replicas.forEach(JCacheReplayCache::close);
        grid.close();
    }

    private JCacheReplayCache replica(Supplier<CacheManager> manager, Duration deadline) {
        JCacheReplayCache replica = new JCacheReplayCache(manager, cacheName, WINDOW, clock, deadline);
        replicas.add(replica);
        return replica;
    }

    private JCacheReplayCache replica() {
        return replica(() -> grid, DEADLINE);
    }

    @Test
    void P1_proofReplayedToAnotherReplica_isRefused() throws Exception {
        TestKeys client = TestKeys.ec("client", "P-256");
        String token = "header.payload.signature";
        URI uri = URI.create("https://api.example/orders");
        String proof = DpopProofs.of(client, "GET", uri, token).sign();
        Confirmation bound = new Confirmation(Confirmation.Type.DPOP, DpopProofs.thumbprint(client));
        SenderConstraintConfig config = SenderConstraintConfig.from(TestConfig.of(Map.of()));
        SenderConstraints replicaA = new SenderConstraints(config, Duration.ofSeconds(60), replica(), clock);
        SenderConstraints replicaB = new SenderConstraints(config, Duration.ofSeconds(60), replica(), clock);
        java.util.function.Function<String, List<String>> headers = name -> name.equals("DPoP") ? List.of(proof) : null;

        RequestFacts request = new RequestFacts("GET", uri, headers, null);

        replicaA.enforce(true, token, bound, request);
        assertRejected(() -> replicaB.enforce(true, token, bound, request), Failure.DPOP_PROOF_REPLAYED);
        assertRejected(() -> replicaA.enforce(true, token, bound, request), Failure.DPOP_PROOF_REPLAYED);
    }

    @Test
    void ofConcurrentReplicasExactlyOneAcceptsAProof() throws Exception {
        List<JCacheReplayCache> many = List.of(replica(), replica(), replica(), replica());
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger accepted = new AtomicInteger();
        List<Thread> threads = new java.util.ArrayList<>();
        for (JCacheReplayCache replica : many) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    replica.recordFirstUse("proof-1");
                    accepted.incrementAndGet();
                } catch (TokenRejectedException | InterruptedException refused) {
                    // the others
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(accepted).hasValue(1);
    }

    @Test
    void createsTheCacheWithAnExpiryOfTheProofWindow() {
        replica().open();
        Cache<Object, Object> cache = grid.getCache(cacheName);
        @SuppressWarnings("unchecked")
        CompleteConfiguration<Object, Object> configuration = cache.getConfiguration(CompleteConfiguration.class);
        javax.cache.expiry.Duration expiry =
                configuration.getExpiryPolicyFactory().create().getExpiryForCreation();
        assertThat(expiry.getTimeUnit().toMillis(expiry.getDurationAmount())).isEqualTo(WINDOW.toMillis());
    }

    @Test
    void aProofIsRememberedForItsWindowAndForgottenAfter() throws Exception {
        JCacheReplayCache replicaA = replica();
        JCacheReplayCache replicaB = replica();
        replicaA.recordFirstUse("proof-1");
        clock.advance(WINDOW.minusMillis(1));
        assertRejected(() -> replicaB.recordFirstUse("proof-1"), Failure.DPOP_PROOF_REPLAYED);
        clock.advance(Duration.ofMillis(1));
        // the entry is still in the cache (its own expiry runs on the real clock), but past its time: taken over
        assertThat(grid.getCache(cacheName).containsKey("proof-1")).isTrue();
        assertThatCode(() -> replicaB.recordFirstUse("proof-1")).doesNotThrowAnyException();
        assertRejected(() -> replicaA.recordFirstUse("proof-1"), Failure.DPOP_PROOF_REPLAYED);
    }

    @Test
    void anExistingCacheWithAShorterExpiryFailsTheDeploymentNamingTheKey() {
        grid.createCache(
                cacheName,
                new MutableConfiguration<>()
                        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(javax.cache.expiry.Duration.ONE_MINUTE)));
        assertThatThrownBy(() -> replica().open())
                .isInstanceOfSatisfying(
                        InvalidConfigurationException.class,
                        e -> assertThat(e.getKey()).isEqualTo("oauth.jwt.dpop.replay-cache"))
                .hasMessageContaining("less than the proof window");
    }

    @Test
    void anExistingCacheWithALongerExpiryIsUsedAsItIs() throws Exception {
        grid.createCache(
                cacheName,
                new MutableConfiguration<>()
                        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(javax.cache.expiry.Duration.ONE_HOUR)));
        JCacheReplayCache replica = replica();
        replica.open();
        replica.recordFirstUse("proof-1");
        assertThat(grid.getCache(cacheName).get("proof-1")).isEqualTo(clock.millis() + WINDOW.toMillis());
    }

    @Test
    void aCacheThatThrowsFailsClosedWith503() {
        JCacheReplayCache replica = replica(
                () -> managerOf(failing(() -> {
                    throw new CacheException("the cluster is gone");
                })),
                DEADLINE);
        assertRejected(() -> replica.recordFirstUse("proof-1"), Failure.REPLAY_CACHE_UNAVAILABLE);
        assertThat(Failure.REPLAY_CACHE_UNAVAILABLE.status()).isEqualTo(503);
    }

    @Test
    void aCacheThatDoesNotAnswerWithinTheDeadlineFailsClosedWith503() {
        CountDownLatch release = new CountDownLatch(1);
        JCacheReplayCache replica = replica(
                () -> managerOf(failing(() -> {
                    release.await();
                    return true;
                })),
                Duration.ofMillis(200));
        try {
            assertRejected(() -> replica.recordFirstUse("proof-1"), Failure.REPLAY_CACHE_UNAVAILABLE);
        } finally {
            release.countDown();
        }
    }

    @Test
    void anUnreachableCacheManagerFailsClosedAndIsTriedAgainLater() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        JCacheReplayCache replica = replica(
                () -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new CacheException("not joined yet");
                    }
                    return grid;
                },
                DEADLINE);
        replica.open(); // logged, not thrown: the deployment goes on
        assertThatCode(() -> replica.recordFirstUse("proof-1")).doesNotThrowAnyException();
        assertThat(attempts).hasValue(2);
        assertRejected(() -> replica.recordFirstUse("proof-1"), Failure.DPOP_PROOF_REPLAYED);
    }

    @Test
    void aClosedCacheManagerFailsClosed() {
        JCacheReplayCache replica = replica();
        replica.open();
        grid.close();
        assertRejected(() -> replica.recordFirstUse("proof-1"), Failure.REPLAY_CACHE_UNAVAILABLE);
    }

    private interface Answer {
        Object get() throws Exception;
    }

    /** A cache whose every operation gives {@code answer}: throws it, or blocks in it. */
    @SuppressWarnings("unchecked")
    private static Cache<Object, Object> failing(Answer answer) {
        return (Cache<Object, Object>) Proxy.newProxyInstance(
                JCacheReplayCacheTest.class.getClassLoader(), new Class<?>[] {Cache.class}, (proxy, method, args) -> {
                    if (method.getName().equals("isClosed")) {
                        return false;
                    }
                    if (method.getName().equals("getConfiguration")) {
                        return new MutableConfiguration<>();
                    }
                    return answer.get();
                });
    }

    private static CacheManager managerOf(Cache<Object, Object> cache) {
        return (CacheManager) Proxy.newProxyInstance(
                JCacheReplayCacheTest.class.getClassLoader(),
                new Class<?>[] {CacheManager.class},
                (proxy, method, args) -> method.getName().equals("getCache") ? cache : null);
    }

    private interface Call {
        void run() throws TokenRejectedException;
    }

    private static void assertRejected(Call call, Failure failure) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        TokenRejectedException.class,
                        e -> assertThat(e.failure()).isEqualTo(failure));
    }
}
