package dev.oauthjwt.jaxrs.internal;

import dev.oauthjwt.jaxrs.AccessToken;
import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys;
import dev.oauthjwt.jaxrs.internal.config.ConfigReader;
import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.config.SenderConstraintConfig;
import dev.oauthjwt.jaxrs.internal.config.Tenant;
import dev.oauthjwt.jaxrs.internal.config.Tenants;
import dev.oauthjwt.jaxrs.internal.dpop.TenantBindings;
import dev.oauthjwt.jaxrs.internal.introspection.IntrospectionConfig;
import dev.oauthjwt.jaxrs.internal.introspection.Introspector;
import dev.oauthjwt.jaxrs.internal.jwe.DecryptionConfig;
import dev.oauthjwt.jaxrs.internal.jwe.JweDecryptor;
import dev.oauthjwt.jaxrs.internal.keys.JwksKeyCache;
import dev.oauthjwt.jaxrs.internal.keys.KeySource;
import dev.oauthjwt.jaxrs.internal.keys.LocalKeys;
import dev.oauthjwt.jaxrs.internal.ops.AuditLog;
import dev.oauthjwt.jaxrs.internal.ops.Telemetry;
import dev.oauthjwt.jaxrs.internal.ops.TelemetrySource;
import dev.oauthjwt.jaxrs.internal.token.IssuerRouter;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Wires the application's validators from MicroProfile Config, one {@link TokenValidator} per trusted issuer behind an
 * {@link IssuerRouter} (each validator's keys are local, or fetched by a JWKS client that runs on two daemon threads
 * of its own, stopped with the application), its {@link Telemetry} (MicroProfile Metrics when the server offers it),
 * the {@link AuditLog}, the {@link TenantBindings} (DPoP per tenant), and produces the request-scoped
 * {@link AccessToken}.
 */
@ApplicationScoped
public class OAuthJwtProducer {

    private static final Logger LOG = Logger.getLogger(OAuthJwtProducer.class.getName());

    @Produces
    @Singleton
    IssuerRouter validators(Instance<TelemetrySource> telemetrySource) {
        Config config = ConfigProvider.getConfig();
        ConfigReader reader = new ConfigReader(config);
        return create(
                Tenants.from(config),
                DecryptionConfig.from(reader),
                IntrospectionConfig.from(reader),
                Clock.systemUTC(),
                telemetry(telemetrySource));
    }

    void close(@Disposes IssuerRouter validators) {
        validators.close();
    }

    @Produces
    @Singleton
    AuditLog auditLog(IssuerRouter validators) {
        return new AuditLog(validators.tenants().auditRateLimit(), System::currentTimeMillis).startFlushing();
    }

    void close(@Disposes AuditLog audit) {
        audit.close();
    }

    @Produces
    @Singleton
    TenantBindings senderConstraints(IssuerRouter validators) {
        return TenantBindings.create(
                validators.tenants(), SenderConstraintConfig.from(ConfigProvider.getConfig()), Clock.systemUTC());
    }

    void close(@Disposes TenantBindings constraints) {
        constraints.close();
    }

    /** Typed: {@code JsonWebToken} and {@code Principal} are left to their own producers (the server's, MP-JWT's). */
    @Produces
    @RequestScoped
    @Typed(AccessToken.class)
    AccessToken accessToken(AccessTokenHolder holder) {
        return holder.get();
    }

    /** @return MicroProfile Metrics when the server offers the API (a source bean exists), else no telemetry */
    static Telemetry telemetry(Instance<TelemetrySource> source) {
        if (!source.isResolvable()) {
            return Telemetry.NONE;
        }
        try {
            return source.get().telemetry();
        } catch (RuntimeException | LinkageError unavailable) {
            LOG.log(
                    Level.WARNING,
                    "MicroProfile Metrics is present but unusable ({0}); oauth-jwt metrics are off",
                    unavailable.getClass().getName());
            return Telemetry.NONE;
        }
    }

    /**
     * @param tenants the validated tenants
     * @param decryption the keys and algorithms of encrypted tokens, if any are accepted (the application's)
     * @param introspection how tokens are introspected, if they are (one issuer only)
     * @param clock the clock for time claims and cache freshness
     * @param telemetry where fetches, cache hits and validation times are reported
     * @return a validator per tenant, each with its own keys and token cache, behind the router that picks one by
     *     {@code iss}; {@link IssuerRouter#close()} stops their threads
     */
    public static IssuerRouter create(
            Tenants tenants,
            Optional<DecryptionConfig> decryption,
            Optional<IntrospectionConfig> introspection,
            Clock clock,
            Telemetry telemetry) {
        if (!tenants.named()) {
            TokenValidator single = create(tenants.all().get(0).config(), decryption, introspection, clock, telemetry);
            return new IssuerRouter(tenants, List.of(single), Optional.empty(), telemetry);
        }
        if (introspection.isPresent()) {
            throw new InvalidConfigurationException(
                    OAuthJwtConfigKeys.INTROSPECTION_MODE,
                    "cannot be combined with " + OAuthJwtConfigKeys.TENANTS
                            + ": an opaque token names no issuer to select a tenant");
        }
        List<TokenValidator> validators = new ArrayList<>();
        for (Tenant tenant : tenants.all()) {
            validators.add(create(tenant.config(), Optional.empty(), Optional.empty(), clock, telemetry));
        }
        return new IssuerRouter(tenants, validators, decryption.map(JweDecryptor::new), telemetry);
    }

    /**
     * @param config the validated configuration
     * @param clock the clock for time claims and cache freshness
     * @param telemetry where fetches, cache hits and validation times are reported
     * @return a validator with its own JWKS client; {@link TokenValidator#close()} stops the client's threads
     */
    public static TokenValidator create(OAuthJwtConfig config, Clock clock, Telemetry telemetry) {
        return create(config, Optional.empty(), Optional.empty(), clock, telemetry);
    }

    /** As {@link #create(OAuthJwtConfig, Clock, Telemetry)} without telemetry. */
    public static TokenValidator create(OAuthJwtConfig config, Clock clock) {
        return create(config, Optional.empty(), Optional.empty(), clock, Telemetry.NONE);
    }

    /** As the full {@code create} without telemetry. */
    public static TokenValidator create(
            OAuthJwtConfig config,
            Optional<DecryptionConfig> decryption,
            Optional<IntrospectionConfig> introspection,
            Clock clock) {
        return create(config, decryption, introspection, clock, Telemetry.NONE);
    }

    /**
     * @param config the validated configuration
     * @param decryption the keys and algorithms of encrypted tokens, if any are accepted
     * @param introspection how tokens are introspected, if they are
     * @param clock the clock for time claims and cache freshness
     * @param telemetry where fetches, cache hits and validation times are reported
     * @return a validator with its own JWKS client; {@link TokenValidator#close()} stops the client's threads
     */
    public static TokenValidator create(
            OAuthJwtConfig config,
            Optional<DecryptionConfig> decryption,
            Optional<IntrospectionConfig> introspection,
            Clock clock,
            Telemetry telemetry) {
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "oauth-jwt-jwks");
            thread.setDaemon(true);
            return thread;
        });
        KeySource keys = config.publicKeys().isPresent()
                ? localKeys(config)
                : config.jwksUri().isPresent()
                        ? JwksKeyCache.of(config.jwksUri().get(), config, clock, executor, telemetry)
                        : JwksKeyCache.discovering(config.issuer(), config, clock, executor, telemetry);
        return new TokenValidator(
                config,
                keys,
                decryption.map(JweDecryptor::new),
                introspection.map(settings -> new Introspector(settings, executor, clock)),
                clock,
                executor::shutdownNow,
                telemetry);
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
     * @return its keys, read under the admission rules of fetched keys
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
