package dev.oauthjwt.jaxrs.internal;

import dev.oauthjwt.jaxrs.AccessToken;
import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys;
import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.config.Tenant;
import dev.oauthjwt.jaxrs.internal.config.Tenants;
import dev.oauthjwt.jaxrs.internal.keys.JwksKeyCache;
import dev.oauthjwt.jaxrs.internal.keys.LocalKeys;
import dev.oauthjwt.jaxrs.internal.token.IssuerRouter;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Wires the application's validators from MicroProfile Config, one {@link TokenValidator} per trusted issuer behind
 * an {@link IssuerRouter} (each validator's keys are local, or fetched by a JWKS client that runs on two daemon threads
 * of its own, stopped with the application), and produces the request-scoped {@link AccessToken}.
 */
@ApplicationScoped
public class OAuthJwtProducer {

    @Produces
    @Singleton
    IssuerRouter validators() {
        return create(Tenants.from(ConfigProvider.getConfig()), Clock.systemUTC());
    }

    void close(@Disposes IssuerRouter validators) {
        validators.close();
    }

    /**
     * @param tenants the validated tenants
     * @param clock the clock for time claims and cache freshness
     * @return a validator per tenant, each with its own keys, behind the router that picks one by {@code iss}
     */
    public static IssuerRouter create(Tenants tenants, Clock clock) {
        List<TokenValidator> validators = new ArrayList<>();
        for (Tenant tenant : tenants.all()) {
            validators.add(create(tenant.config(), clock));
        }
        return new IssuerRouter(tenants, validators);
    }

    @Produces
    @RequestScoped
    AccessToken accessToken(AccessTokenHolder holder) {
        return holder.get();
    }

    /**
     * @param config the validated configuration
     * @param clock the clock for time claims and cache freshness
     * @return a validator with its own JWKS client; {@link TokenValidator#close()} stops the client's threads
     */
    public static TokenValidator create(OAuthJwtConfig config, Clock clock) {
        if (config.publicKeys().isPresent()) {
            return new TokenValidator(config, localKeys(config), clock, () -> { });
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "oauth-jwt-jwks");
            thread.setDaemon(true);
            return thread;
        });
        JwksKeyCache keys = config.jwksUri().isPresent()
                ? JwksKeyCache.of(config.jwksUri().get(), config, clock, executor)
                : JwksKeyCache.discovering(config.issuer(), config, clock, executor);
        return new TokenValidator(config, keys, clock, executor::shutdownNow);
    }

    /**
     * @param config the validated configuration, with {@code oauth.jwt.public-keys} set
     * @return its keys, read under the admission rules of fetched keys
     * @throws InvalidConfigurationException naming the key when they are not admitted
     */
    public static LocalKeys localKeys(OAuthJwtConfig config) {
        return localKeys(config, OAuthJwtConfigKeys.PUBLIC_KEYS);
    }

    /**
     * @param config the validated configuration, with public keys set
     * @param key the key that names them in errors (a tenant's, or {@code oauth.jwt.public-keys})
     * @return the keys
     * @throws InvalidConfigurationException naming {@code key} when they are not admitted
     */
    public static LocalKeys localKeys(OAuthJwtConfig config, String key) {
        try {
            return LocalKeys.parse(config.publicKeys().orElseThrow());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(key, e.getMessage());
        }
    }
}
