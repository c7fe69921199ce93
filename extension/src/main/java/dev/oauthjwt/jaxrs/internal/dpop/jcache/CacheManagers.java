package dev.oauthjwt.jaxrs.internal.dpop.jcache;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;

/** Where the shared cache comes from: the server's or the application's cache manager. */
final class CacheManagers {

    private CacheManagers() {}

    /**
     * @return the {@link CacheManager} bean when there is exactly one (Payara produces one on its Hazelcast data
     *     grid; an application can produce its own), else the default cache manager of the default JCache provider
     *     the application sees (a provider in the WAR, such as Ehcache or Caffeine)
     */
    static CacheManager serverOrDefault() {
        try {
            Instance<CacheManager> bean = CDI.current().select(CacheManager.class);
            if (bean.isResolvable()) {
                CacheManager manager = bean.get();
                if (manager != null) {
                    return manager;
                }
            }
        } catch (IllegalStateException noContainer) {
            // outside a CDI container: the default provider
        }
        ClassLoader loader = CacheManagers.class.getClassLoader();
        CachingProvider provider = Caching.getCachingProvider(loader);
        return provider.getCacheManager(provider.getDefaultURI(), loader);
    }
}
