package dev.oauthjwt.jaxrs.internal.keys;

import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import dev.oauthjwt.jaxrs.internal.ops.FetchResult;
import dev.oauthjwt.jaxrs.internal.ops.Telemetry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The keys of the JWKS, fetched on demand and kept fresh without per-request network I/O.
 *
 * <ul>
 *   <li>Known {@code kid}: answered from memory. Once the keys are older than their freshness (the refresh interval,
 *       or the server's {@code Cache-Control: max-age} clamped to [cooldown, refresh interval]) one background refresh
 *       starts while requests go on with the cached keys.</li>
 *   <li>Unknown {@code kid}: at most one fetch per cooldown ({@code min-refresh-interval}); concurrent misses wait for
 *       the same fetch, bounded by its deadline. Within the cooldown the answer is "unknown" at once.</li>
 *   <li>Failed refresh: the previous keys keep working until {@code stale-if-error} has passed beyond their
 *       freshness; then, and when nothing was ever fetched, lookups answer "unavailable".</li>
 * </ul>
 * Every fetch outcome goes to the {@link Telemetry} and into the {@link KeysState} the readiness check reads.
 */
public final class JwksKeyCache implements KeySource {

    private static final Logger LOG = Logger.getLogger(JwksKeyCache.class.getName());

    private final JwksSource fetcher;
    private final Clock clock;
    private final Duration refreshInterval;
    private final Duration cooldown;
    private final Duration staleIfError;
    private final Duration timeout;
    private final FetchHistory history;

    private volatile KeySet keys;
    private volatile boolean lastFetchFailed;
    private Instant lastFetchStart;
    private CompletableFuture<KeySet> inFlight;

    JwksKeyCache(
            JwksSource fetcher,
            Clock clock,
            Duration refreshInterval,
            Duration cooldown,
            Duration staleIfError,
            Duration timeout) {
        this(fetcher, clock, refreshInterval, cooldown, staleIfError, timeout, Telemetry.NONE);
    }

    /** As above, reporting every fetch outcome to {@code telemetry}. */
    public JwksKeyCache(
            JwksSource fetcher,
            Clock clock,
            Duration refreshInterval,
            Duration cooldown,
            Duration staleIfError,
            Duration timeout,
            Telemetry telemetry) {
        this.history = new FetchHistory(telemetry);
        this.fetcher = fetcher;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
        this.cooldown = cooldown;
        this.staleIfError = staleIfError;
        this.timeout = timeout;
    }

    /**
     * @param jwksUri the configured JWKS URL
     * @param config the refresh, cooldown, deadline and stale-if-error settings
     * @param clock the clock
     * @param executor the threads of the HTTP client
     * @param telemetry where fetch outcomes are reported
     * @return the cache of the keys at {@code jwksUri}
     */
    public static JwksKeyCache of(
            URI jwksUri, OAuthJwtConfig config, Clock clock, Executor executor, Telemetry telemetry) {
        return new JwksKeyCache(new JwksFetcher(jwksUri, config.jwksTimeout(), executor), clock, config, telemetry);
    }

    /**
     * @param issuer the issuer whose metadata names the JWKS URL
     * @param config the refresh, cooldown, deadline and stale-if-error settings
     * @param clock the clock
     * @param executor the threads of the HTTP client
     * @param telemetry where fetch outcomes are reported
     * @return the cache of the keys at the JWKS URL of the issuer's metadata
     */
    public static JwksKeyCache discovering(
            String issuer, OAuthJwtConfig config, Clock clock, Executor executor, Telemetry telemetry) {
        JwksFetcher http = JwksFetcher.withoutUri(config.jwksTimeout(), executor);
        DiscoveredJwks source = new DiscoveredJwks(
                issuer,
                http,
                clock,
                config.jwksRefreshInterval().plus(config.jwksStaleIfError()),
                config.jwksTimeout());
        return new JwksKeyCache(source, clock, config, telemetry);
    }

    private JwksKeyCache(JwksSource source, Clock clock, OAuthJwtConfig config, Telemetry telemetry) {
        this(
                source,
                clock,
                config.jwksRefreshInterval(),
                config.jwksMinRefreshInterval(),
                config.jwksStaleIfError(),
                config.jwksTimeout(),
                telemetry);
    }

    /**
     * @param kid the token's {@code kid}, or {@code null}
     * @param alg the token's (allowed) algorithm
     * @return the keys that fit, or why there are none
     */
    @Override
    public Lookup lookup(String kid, JwsAlgorithm alg) {
        Instant now = clock.instant();
        KeySet current = usable(keys, now);
        if (current != null) {
            if (!now.isBefore(current.freshUntil())) {
                startFetch(now); // background refresh; the cached keys answer this request
            }
            List<VerificationKey> found = current.find(kid, alg);
            if (!found.isEmpty()) {
                return new Lookup(Status.FOUND, found, current);
            }
            if (kid == null) {
                return Lookup.UNKNOWN; // a kid-less token never causes a fetch
            }
        }
        CompletableFuture<KeySet> fetch = startFetch(now);
        if (fetch != null) {
            KeySet fetched = await(fetch);
            if (fetched != null) {
                List<VerificationKey> found = fetched.find(kid, alg);
                return found.isEmpty() ? Lookup.UNKNOWN : new Lookup(Status.FOUND, found, fetched);
            }
            return Lookup.UNAVAILABLE;
        }
        KeySet latest = usable(keys, now);
        if (latest != null && latest != current) {
            // a fetch completed between reading the keys above and the cooldown check: answer from its result
            List<VerificationKey> found = latest.find(kid, alg);
            if (!found.isEmpty()) {
                return new Lookup(Status.FOUND, found, latest);
            }
            current = latest;
        }
        return current == null || lastFetchFailed ? Lookup.UNAVAILABLE : Lookup.UNKNOWN;
    }

    /**
     * The key set a cached verification is checked against: the one {@link #lookup} would use, with the same
     * background refresh when it is due. Never fetches in the caller's thread.
     *
     * @return the usable key set, or {@code null} when none is (the caller must then validate afresh)
     */
    @Override
    public KeySet currentKeys() {
        Instant now = clock.instant();
        KeySet current = usable(keys, now);
        if (current != null && !now.isBefore(current.freshUntil())) {
            startFetch(now);
        }
        return current;
    }

    /**
     * Starts a background fetch when no usable keys are held and the cooldown allows one, without waiting for it:
     * deployment-time prefetch, and readiness probes of an application that has had no request yet.
     */
    @Override
    public void fetchIfMissing() {
        Instant now = clock.instant();
        if (usable(keys, now) == null) {
            startFetch(now);
        }
    }

    /** @return a snapshot of the keys and of the fetches, for the readiness check */
    @Override
    public synchronized KeysState state() {
        Instant now = clock.instant();
        KeySet usable = usable(keys, now);
        return history.state(usable, usable != null && now.isBefore(usable.freshUntil()));
    }

    /** @return seconds until the next fetch may start, at least 1: the {@code Retry-After} of a 503 */
    @Override
    public long retryAfterSeconds() {
        synchronized (this) {
            if (lastFetchStart == null) {
                return 1;
            }
            long left = Duration.between(clock.instant(), lastFetchStart.plus(cooldown))
                    .toSeconds();
            return Math.max(1, left + 1);
        }
    }

    private KeySet usable(KeySet set, Instant now) {
        return set != null && now.isBefore(set.freshUntil().plus(staleIfError)) ? set : null;
    }

    /** Joins the fetch under way, or starts one if the cooldown allows; {@code null} when neither. */
    private synchronized CompletableFuture<KeySet> startFetch(Instant now) {
        if (inFlight != null) {
            return inFlight;
        }
        if (lastFetchStart != null && now.isBefore(lastFetchStart.plus(cooldown))) {
            return null;
        }
        lastFetchStart = now;
        CompletableFuture<KeySet> fetch = fetcher.fetch().thenApply(document -> {
            List<VerificationKey> parsed = JwkSetParser.parse(document.body());
            Duration freshFor = document.maxAgeSeconds().isPresent()
                    ? clamp(Duration.ofSeconds(document.maxAgeSeconds().getAsLong()))
                    : refreshInterval;
            return new KeySet(parsed, clock.instant().plus(freshFor));
        });
        inFlight = fetch;
        fetch.whenComplete((set, failure) -> finish(fetch, set, failure));
        return fetch;
    }

    private synchronized void finish(CompletableFuture<KeySet> fetch, KeySet set, Throwable failure) {
        if (failure == null) {
            keys = set;
            lastFetchFailed = false;
            history.succeeded(clock.instant());
        } else {
            lastFetchFailed = true;
            FetchResult kind = history.failed(clock.instant(), failure);
            LOG.log(Level.WARNING, "Fetching the JWKS failed ({0}); cached keys, if any, stay in use", kind.label());
        }
        if (inFlight == fetch) {
            inFlight = null;
        }
    }

    private KeySet await(CompletableFuture<KeySet> fetch) {
        try {
            return fetch.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    private Duration clamp(Duration maxAge) {
        if (maxAge.compareTo(cooldown) < 0) {
            return cooldown;
        }
        return maxAge.compareTo(refreshInterval) > 0 ? refreshInterval : maxAge;
    }
}
