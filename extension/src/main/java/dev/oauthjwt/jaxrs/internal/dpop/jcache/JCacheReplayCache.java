package dev.oauthjwt.jaxrs.internal.dpop.jcache;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys;
import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.dpop.ReplayCache;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheManager;

/**
 * The DPoP replay cache in a JCache (JSR-107) cache that the replicas share, such as Payara's Hazelcast data grid: a
 * proof is recorded with an atomic {@link Cache#putIfAbsent}, so that of two replicas that receive the same proof,
 * exactly one accepts it. The value is the time until which the proof is remembered; an entry found past that time
 * (a cache whose own expiry is longer, or none) is taken over with an atomic {@link Cache#replace(Object, Object,
 * Object)}. Fails closed: when the cache throws, or does not answer within the deadline, or too many calls are
 * waiting for it already, the proof is refused with {@link Failure#REPLAY_CACHE_UNAVAILABLE} (503 with
 * {@code Retry-After}). The calls run on a small pool of daemon threads of its own, so that a hung cluster holds no
 * request thread longer than the deadline; {@link #close()} stops them.
 */
public final class JCacheReplayCache implements ReplayCache, AutoCloseable {

    /** How long a request waits for the cache before it is refused with 503. */
    public static final Duration DEADLINE = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(JCacheReplayCache.class.getName());
    private static final int THREADS = 4;
    private static final int WAITING_CALLS = 256;

    private final SharedCache shared;
    private final long retentionMillis;
    private final Clock clock;
    private final long deadlineMillis;
    private final ThreadPoolExecutor calls;
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    /**
     * With the cache manager the server or application provides ({@link CacheManagers#serverOrDefault()}).
     *
     * @param cacheName the name of the shared cache
     * @param retention how long a recorded proof is remembered
     * @param clock the clock
     */
    public JCacheReplayCache(String cacheName, Duration retention, Clock clock) {
        this(CacheManagers::serverOrDefault, cacheName, retention, clock, DEADLINE);
    }

    JCacheReplayCache(
            Supplier<CacheManager> manager, String cacheName, Duration retention, Clock clock, Duration deadline) {
        this.shared = new SharedCache(manager, cacheName, retention);
        this.retentionMillis = retention.toMillis();
        this.clock = clock;
        this.deadlineMillis = deadline.toMillis();
        this.calls = new ThreadPoolExecutor(
                THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WAITING_CALLS), runnable -> {
                    Thread thread = new Thread(runnable, "oauth-jwt-replay-cache");
                    thread.setDaemon(true);
                    return thread;
                });
        this.calls.allowCoreThreadTimeOut(true);
    }

    /**
     * Obtains (or creates) the shared cache now, so that a cache configured with a shorter expiry than the proof
     * window fails the deployment; a cache that cannot be reached now is logged and tried again on first use.
     *
     * @throws InvalidConfigurationException naming {@link OAuthJwtConfigKeys#DPOP_REPLAY_CACHE}
     */
    @Override
    public void open() {
        try {
            shared.get();
        } catch (InvalidConfigurationException invalid) {
            throw invalid;
        } catch (RuntimeException | LinkageError unreachable) {
            LOG.log(
                    Level.WARNING,
                    "oauth-jwt: the DPoP replay cache {0} is not available yet ({1}); DPoP requests get 503 until it"
                            + " is",
                    new Object[] {shared.name(), unreachable.getClass().getName()});
        }
    }

    @Override
    public void recordFirstUse(String proofId) throws TokenRejectedException {
        Future<Boolean> call;
        try {
            call = calls.submit(() -> record(proofId));
        } catch (RejectedExecutionException busy) {
            throw unavailable("too many calls are waiting for it");
        }
        boolean first;
        try {
            first = call.get(deadlineMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            call.cancel(true);
            throw unavailable("no answer within " + deadlineMillis + " ms");
        } catch (ExecutionException failed) {
            throw unavailable(failed.getCause().getClass().getName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
        if (!first) {
            throw new TokenRejectedException(Failure.DPOP_PROOF_REPLAYED);
        }
    }

    /** @return whether the proof was recorded now (not seen before within its window) */
    private boolean record(String proofId) {
        Cache<Object, Object> cache = shared.get();
        long now = clock.millis();
        Long until = now + retentionMillis;
        if (cache.putIfAbsent(proofId, until)) {
            return true;
        }
        Object seen = cache.get(proofId);
        if (seen == null) {
            return cache.putIfAbsent(proofId, until); // expired or evicted between the two calls
        }
        return seen instanceof Long earlier && earlier <= now && cache.replace(proofId, seen, until);
    }

    private TokenRejectedException unavailable(String why) {
        // the proof id is a digest, but the cause's message could quote anything: only its type is logged
        LOG.log(
                failureLogged.compareAndSet(false, true) ? Level.WARNING : Level.FINE,
                "oauth-jwt: the DPoP replay cache {0} failed ({1}); the request is answered 503",
                new Object[] {shared.name(), why});
        return new TokenRejectedException(Failure.REPLAY_CACHE_UNAVAILABLE);
    }

    /** Stops the threads; the shared cache stays (the other replicas use it). */
    @Override
    public void close() {
        calls.shutdownNow();
    }
}
