package dev.oauthjwt.jaxrs;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthjwt.jaxrs.internal.AccessTokenHolder;
import dev.oauthjwt.jaxrs.internal.OAuthJwtExtension;
import dev.oauthjwt.jaxrs.internal.OAuthJwtProducer;
import dev.oauthjwt.jaxrs.internal.OAuthJwtStartup;
import dev.oauthjwt.jaxrs.internal.mpjwt.MicroProfileJwtProducer;
import dev.oauthjwt.jaxrs.support.TestConfig;
import dev.oauthjwt.jaxrs.undeployable.ClaimBeans;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bad configuration or {@code @Claim} injection point fails the CDI deployment, with a message saying why. */
class DeploymentValidationTest {

    @Test
    void failsTheDeploymentWhenARequiredKeyIsMissing() {
        TestConfig.install(Map.of("oauth.jwt.jwks-uri", "https://as.example.test/jwks", "oauth.jwt.audience", "api"));
        assertThatThrownBy(DeploymentValidationTest::boot)
                .hasStackTraceContaining("oauth.jwt.issuer is required but not set");
    }

    @Test
    void failsTheDeploymentWhenAnAlgorithmIsUnsafe() {
        TestConfig.install(Map.of(
                "oauth.jwt.jwks-uri",
                "https://as.example.test/jwks",
                "oauth.jwt.audience",
                "api",
                "oauth.jwt.issuer",
                "https://as.example.test",
                "oauth.jwt.algorithms",
                "RS256,HS256"));
        assertThatThrownBy(DeploymentValidationTest::boot)
                .hasStackTraceContaining("oauth.jwt.algorithms contains 'HS256'");
    }

    @Test
    void failsTheDeploymentWhenALocalPublicKeyIsNotAdmitted() {
        TestConfig.install(Map.of(
                "oauth.jwt.audience",
                "api",
                "oauth.jwt.issuer",
                "https://as.example.test",
                "oauth.jwt.public-keys",
                "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"));
        assertThatThrownBy(() -> boot())
                .hasStackTraceContaining("oauth.jwt.public-keys holds a PEM block that is not an RSA or EC public key");
    }

    @Test
    void deploysWhileTheAuthorizationServerToDiscoverIsDown() {
        // nothing listens on port 9 of the loopback: discovery would fail, but it only happens on the first token
        TestConfig.install(Map.of("oauth.jwt.audience", "api", "oauth.jwt.issuer", "http://127.0.0.1:9/realms/a"));
        assertThatCode(() -> boot()).doesNotThrowAnyException();
    }

    @Test
    void failsTheDeploymentForARawClaimInAnApplicationScopedBean() {
        TestConfig.install(VALID);
        assertThatThrownBy(() -> boot(ClaimBeans.RawClaimInApplicationScope.class))
                .hasStackTraceContaining("of scope @ApplicationScoped must be a ClaimValue, Instance or Provider");
    }

    @Test
    void failsTheDeploymentForAClaimQualifierThatNamesNoOrTwoClaims() {
        TestConfig.install(VALID);
        assertThatThrownBy(() -> boot(ClaimBeans.ClaimNamingTwoClaims.class))
                .hasStackTraceContaining("names no claim, or two");
        assertThatThrownBy(() -> boot(ClaimBeans.ClaimNamingNothing.class))
                .hasStackTraceContaining("names no claim, or two");
    }

    @Test
    void deploysLazyClaimsInAnApplicationScopedBean() {
        TestConfig.install(VALID);
        boot(ClaimBeans.LazyClaimsInApplicationScope.class);
    }

    @Test
    void failsTheDeploymentWhenTheSharedReplayCacheForgetsProofsBeforeTheirWindowEnds() {
        String name = "short-lived-" + java.util.UUID.randomUUID();
        javax.cache.CacheManager grid = javax.cache.Caching.getCachingProvider(
                        DeploymentValidationTest.class.getClassLoader())
                .getCacheManager();
        grid.createCache(
                name,
                new javax.cache.configuration.MutableConfiguration<>()
                        .setExpiryPolicyFactory(javax.cache.expiry.CreatedExpiryPolicy.factoryOf(
                                javax.cache.expiry.Duration.ONE_MINUTE)));
        try {
            Map<String, String> values = new java.util.HashMap<>(VALID);
            values.put("oauth.jwt.dpop.replay-cache", "jcache:" + name);
            TestConfig.install(values);
            assertThatThrownBy(() -> boot(OAuthJwtStartup.class))
                    .hasStackTraceContaining("oauth.jwt.dpop.replay-cache names the cache '" + name + "'")
                    .hasStackTraceContaining("expire after creation in less than the proof window (420000 ms)");
        } finally {
            grid.destroyCache(name);
        }
    }

    @Test
    void deploysWithASharedReplayCacheAndCreatesItWithTheProofWindowAsExpiry() {
        String name = "created-" + java.util.UUID.randomUUID();
        Map<String, String> values = new java.util.HashMap<>(VALID);
        values.put("oauth.jwt.dpop.replay-cache", "jcache:" + name);
        TestConfig.install(values);
        boot(OAuthJwtStartup.class);
        javax.cache.CacheManager grid = javax.cache.Caching.getCachingProvider(
                        DeploymentValidationTest.class.getClassLoader())
                .getCacheManager();
        javax.cache.Cache<Object, Object> created = grid.getCache(name);
        try {
            @SuppressWarnings("unchecked")
            javax.cache.configuration.CompleteConfiguration<Object, Object> configuration =
                    created.getConfiguration(javax.cache.configuration.CompleteConfiguration.class);
            org.assertj.core.api.Assertions.assertThat(
                            configuration.getExpiryPolicyFactory().create().getExpiryForCreation())
                    .isEqualTo(new javax.cache.expiry.Duration(java.util.concurrent.TimeUnit.MILLISECONDS, 420_000));
        } finally {
            grid.destroyCache(name);
        }
    }

    private static final Map<String, String> VALID = Map.of(
            "oauth.jwt.jwks-uri",
            "https://as.example.test/jwks",
            "oauth.jwt.audience",
            "api",
            "oauth.jwt.issuer",
            "https://as.example.test");

    private static void boot(Class<?>... beans) {
        try (SeContainer container = SeContainerInitializer.newInstance()
                .disableDiscovery()
                .addExtensions(new OAuthJwtExtension())
                .addBeanClasses(OAuthJwtProducer.class, AccessTokenHolder.class, MicroProfileJwtProducer.class)
                .addBeanClasses(beans)
                .initialize()) {
            container.isRunning();
        }
    }
}
