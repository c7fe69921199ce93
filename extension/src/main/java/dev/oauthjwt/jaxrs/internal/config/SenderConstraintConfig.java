package dev.oauthjwt.jaxrs.internal.config;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.internal.OptionalApis;
import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * The validated sender-constraint configuration (DPoP, RFC 9449; certificate-bound tokens, RFC 8705) of one
 * application, read at deployment.
 *
 * @param dpop whether DPoP is disabled, allowed or required
 * @param dpopAlgorithms JWS algorithms accepted for proofs
 * @param dpopMaxAge proof window after {@code iat}, and nonce lifetime
 * @param nonceSecret the HMAC secret of server nonces, present exactly when nonces are required
 * @param trustedProxy whether {@code Forwarded}/{@code X-Forwarded-*} headers name the target URI
 * @param replayCacheMaxSize capacity of the in-memory replay cache
 * @param replayCacheName the JCache cache shared by the replicas, or empty for the in-memory replay cache
 * @param mtlsRequired whether every token must be certificate-bound (RFC 8705)
 */
public record SenderConstraintConfig(
        DpopMode dpop,
        Set<JwsAlgorithm> dpopAlgorithms,
        Duration dpopMaxAge,
        Optional<byte[]> nonceSecret,
        boolean trustedProxy,
        int replayCacheMaxSize,
        Optional<String> replayCacheName,
        boolean mtlsRequired) {

    private static final int MIN_SECRET_LENGTH = 32;

    /** Whether the {@code DPoP} scheme is accepted, and whether it is the only one. */
    public enum DpopMode {
        DISABLED,
        ALLOWED,
        REQUIRED
    }

    /** Canonical constructor: keeps the algorithm order, unmodifiable. */
    public SenderConstraintConfig {
        dpopAlgorithms = Collections.unmodifiableSet(new LinkedHashSet<>(dpopAlgorithms));
    }

    /**
     * @param config the application's MicroProfile Config
     * @return the validated configuration
     * @throws InvalidConfigurationException naming the first key with an invalid value
     */
    public static SenderConstraintConfig from(Config config) {
        return from(new ConfigReader(config));
    }

    /**
     * @param reader reads the settings, under a tenant's prefix or at the top level
     * @return the validated configuration
     * @throws InvalidConfigurationException naming the first key with an invalid value
     */
    public static SenderConstraintConfig from(ConfigReader reader) {
        Optional<byte[]> secret = Optional.empty();
        if (reader.read(Settings.DPOP_NONCE)) {
            String value = reader.read(Settings.DPOP_NONCE_SECRET);
            if (value == null) {
                throw new InvalidConfigurationException(
                        reader.keyOf(Settings.DPOP_NONCE_SECRET),
                        "is required when " + reader.keyOf(Settings.DPOP_NONCE) + " is true");
            }
            if (value.length() < MIN_SECRET_LENGTH) {
                throw new InvalidConfigurationException(
                        reader.keyOf(Settings.DPOP_NONCE_SECRET),
                        "must have at least " + MIN_SECRET_LENGTH + " characters");
            }
            secret = Optional.of(value.getBytes(StandardCharsets.UTF_8));
        }
        DpopMode dpop = reader.read(Settings.DPOP);
        boolean mtlsRequired = reader.read(Settings.MTLS);
        if (mtlsRequired && dpop == DpopMode.REQUIRED) {
            throw new InvalidConfigurationException(
                    reader.keyOf(Settings.MTLS),
                    "cannot be required while " + reader.keyOf(Settings.DPOP)
                            + " is required too: no token can be bound both ways");
        }
        return new SenderConstraintConfig(
                dpop,
                reader.read(Settings.DPOP_ALGORITHMS),
                reader.read(Settings.DPOP_MAX_AGE),
                secret,
                reader.read(Settings.DPOP_TRUSTED_PROXY),
                reader.read(Settings.DPOP_REPLAY_CACHE_MAX_SIZE),
                replayCache(reader),
                mtlsRequired);
    }

    private static Optional<String> replayCache(ConfigReader reader) {
        Optional<String> name = reader.read(Settings.DPOP_REPLAY_CACHE);
        if (name.isPresent() && !OptionalApis.present(OptionalApis.JCACHE)) {
            throw new InvalidConfigurationException(
                    reader.keyOf(Settings.DPOP_REPLAY_CACHE),
                    "names a JCache cache, but the JCache API (javax.cache) is not available to the application: "
                            + "use a server that provides it (Payara) or add a JCache provider to the application");
        }
        return name;
    }

    /** @return whether proofs must carry a server nonce */
    public boolean nonceRequired() {
        return nonceSecret.isPresent();
    }
}
