package dev.oauthjwt.jaxrs.internal.dpop.jcache;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;

/**
 * The named JCache cache of the replay cache, obtained on first use (and again after a failure). A cache that does
 * not exist yet is created with an expiry of the proof window after creation ({@link CreatedExpiryPolicy}); when
 * replicas create it at the same time, the one that loses the race uses the winner's. A cache that exists already
 * (configured by the user in the provider, such as a Hazelcast {@code <cache>}) is used as it is, after checking
 * that it does not forget entries before the proof window ends; its bound (eviction) is the provider's.
 */
final class SharedCache {

    private static final Logger LOG = Logger.getLogger(SharedCache.class.getName());

    private final Supplier<CacheManager> manager;
    private final String name;
    private final Duration retention;
    private volatile Cache<Object, Object> cache;

    SharedCache(Supplier<CacheManager> manager, String name, Duration retention) {
        this.manager = manager;
        this.name = name;
        this.retention = retention;
    }

    String name() {
        return name;
    }

    /**
     * @return the cache
     * @throws InvalidConfigurationException when the existing cache expires entries before the proof window ends
     * @throws RuntimeException when the provider fails (the next call tries again)
     */
    Cache<Object, Object> get() {
        Cache<Object, Object> current = cache;
        if (current != null && !current.isClosed()) {
            return current;
        }
        synchronized (this) {
            if (cache == null || cache.isClosed()) {
                cache = obtain(manager.get());
            }
            return cache;
        }
    }

    private Cache<Object, Object> obtain(CacheManager cacheManager) {
        Cache<Object, Object> existing = cacheManager.getCache(name);
        if (existing != null) {
            checkExpiry(existing);
            return existing;
        }
        MutableConfiguration<Object, Object> configuration = new MutableConfiguration<>()
                .setStoreByValue(true)
                .setStatisticsEnabled(false)
                .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                        new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, retention.toMillis())));
        try {
            Cache<Object, Object> created = cacheManager.createCache(name, configuration);
            LOG.log(
                    Level.INFO,
                    "oauth-jwt: created the DPoP replay cache {0} (entries expire after {1} ms)",
                    new Object[] {name, retention.toMillis()});
            return created;
        } catch (CacheException createdMeanwhile) {
            Cache<Object, Object> other = cacheManager.getCache(name);
            if (other == null) {
                throw createdMeanwhile;
            }
            checkExpiry(other);
            return other;
        }
    }

    private void checkExpiry(Cache<Object, Object> existing) {
        javax.cache.expiry.Duration expiry;
        try {
            @SuppressWarnings("unchecked")
            CompleteConfiguration<Object, Object> configuration =
                    existing.getConfiguration(CompleteConfiguration.class);
            ExpiryPolicy policy = configuration.getExpiryPolicyFactory().create();
            expiry = policy.getExpiryForCreation();
        } catch (RuntimeException unknown) {
            LOG.log(
                    Level.WARNING,
                    "oauth-jwt: cannot read the expiry of the DPoP replay cache {0} ({1})",
                    new Object[] {name, unknown.getClass().getName()});
            return;
        }
        if (expiry == null || expiry.isEternal()) {
            LOG.log(
                    Level.WARNING,
                    "oauth-jwt: the DPoP replay cache {0} never expires its entries: only its provider''s eviction"
                            + " bounds it",
                    name);
        } else if (expiry.isZero()
                || expiry.getTimeUnit().toMillis(expiry.getDurationAmount()) < retention.toMillis()) {
            throw new InvalidConfigurationException(
                    OAuthJwtConfigKeys.DPOP_REPLAY_CACHE,
                    "names the cache '" + name + "', whose entries expire after creation in less than the proof"
                            + " window (" + retention.toMillis() + " ms): a proof could be replayed after that");
        }
    }
}
