package dev.oauthjwt.jaxrs.internal.config;

import static dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys.DPOP;
import static dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys.DPOP_ALGORITHMS;
import static dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys.DPOP_MAX_AGE;
import static dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys.DPOP_NONCE;
import static dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys.DPOP_NONCE_SECRET;
import static dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys.DPOP_REPLAY_CACHE_MAX_SIZE;
import static dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys.DPOP_TRUSTED_PROXY;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * The validated sender-constraint configuration (DPoP, RFC 9449) of one application, read at deployment.
 *
 * @param dpop whether DPoP is disabled, allowed or required
 * @param dpopAlgorithms JWS algorithms accepted for proofs
 * @param dpopMaxAge proof window after {@code iat}, and nonce lifetime
 * @param nonceSecret the HMAC secret of server nonces, present exactly when nonces are required
 * @param trustedProxy whether {@code Forwarded}/{@code X-Forwarded-*} headers name the target URI
 * @param replayCacheMaxSize capacity of the in-memory replay cache
 */
public record SenderConstraintConfig(DpopMode dpop, Set<JwsAlgorithm> dpopAlgorithms, Duration dpopMaxAge,
        Optional<byte[]> nonceSecret, boolean trustedProxy, int replayCacheMaxSize) {

    /** Whether the {@code DPoP} scheme is accepted, and whether it is the only one. */
    public enum DpopMode {
        DISABLED, ALLOWED, REQUIRED
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
        ConfigReader r = new ConfigReader(config);
        DpopMode mode = r.optional(DPOP).map(v -> mode(v)).orElse(DpopMode.ALLOWED);
        boolean nonce = bool(r, DPOP_NONCE);
        Optional<byte[]> secret = Optional.empty();
        if (nonce) {
            String value = r.optional(DPOP_NONCE_SECRET).orElseThrow(() -> new InvalidConfigurationException(
                    DPOP_NONCE_SECRET, "is required when " + DPOP_NONCE + " is true"));
            if (value.length() < 32) {
                throw new InvalidConfigurationException(DPOP_NONCE_SECRET, "must have at least 32 characters");
            }
            secret = Optional.of(value.getBytes(StandardCharsets.UTF_8));
        }
        return new SenderConstraintConfig(mode, r.algorithms(DPOP_ALGORITHMS),
                r.duration(DPOP_MAX_AGE, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofHours(1)),
                secret, bool(r, DPOP_TRUSTED_PROXY),
                r.integer(DPOP_REPLAY_CACHE_MAX_SIZE, 100_000, 1_000, 10_000_000));
    }

    /** @return whether proofs must carry a server nonce */
    public boolean nonceRequired() {
        return nonceSecret.isPresent();
    }

    private static DpopMode mode(String value) {
        try {
            return DpopMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(DPOP, "must be allowed, required or disabled");
        }
    }

    private static boolean bool(ConfigReader r, String key) {
        String value = r.optional(key).orElse("false").toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidConfigurationException(key, "must be true or false");
        }
        return value.equals("true");
    }
}
