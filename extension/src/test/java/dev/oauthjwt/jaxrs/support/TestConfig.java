package dev.oauthjwt.jaxrs.support;

import dev.oauthjwt.testsupport.StubEndpoint;
import dev.oauthjwt.testsupport.Tokens;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/** Builds MicroProfile Configs from maps and installs one as the application's config for a test. */
public final class TestConfig {

    private TestConfig() {}

    /** The keys a valid configuration needs, pointing at the given JWKS stub, with short test cooldowns. */
    public static Map<String, String> defaults(StubEndpoint jwks) {
        Map<String, String> values = new HashMap<>();
        values.put("oauth.jwt.jwks-uri", jwks.uri().toString());
        values.put("oauth.jwt.issuer", Tokens.ISSUER);
        values.put("oauth.jwt.audience", Tokens.AUDIENCE);
        values.put("oauth.jwt.realm", "test-api");
        values.put("oauth.jwt.jwks.min-refresh-interval", "PT1S");
        values.put("oauth.jwt.jwks.timeout", "PT2S");
        return values;
    }

    public static Config of(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build();
    }

    /** Makes {@code values} the config that {@code ConfigProvider.getConfig()} returns on this thread's loader. */
    public static void install(Map<String, String> values) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        try {
            resolver.releaseConfig(resolver.getConfig(loader));
        } catch (RuntimeException none) {
            // nothing registered yet
        }
        resolver.registerConfig(of(values), loader);
    }
}
