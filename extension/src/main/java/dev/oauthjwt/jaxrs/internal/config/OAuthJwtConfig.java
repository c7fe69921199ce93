package dev.oauthjwt.jaxrs.internal.config;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys;
import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * The validated, immutable {@code oauth.jwt.*} configuration of one application.
 *
 * <p>Built once at deployment by {@link #from(Config)}, which refuses every unsafe or malformed value with an
 * {@link InvalidConfigurationException} naming the key. Each component is read from its {@link Settings} entry (type,
 * default, bounds); see {@link OAuthJwtConfigKeys} for the meaning of each key.
 *
 * @param jwksUri JWKS endpoint
 * @param issuer expected issuer
 * @param audiences accepted audiences, at least one
 * @param algorithms allowed JWS algorithms, asymmetric only
 * @param scopes scopes every secured endpoint requires
 * @param claimRules claim rules every secured endpoint requires
 * @param requiredClaims claims that must be present, non-null and non-empty
 * @param realm realm of the challenge, if any
 * @param clockSkew leeway for time claims
 * @param maxTokenLifetime longest accepted token lifetime
 * @param rolesClaims paths of the claims listing the roles; the roles are their union
 * @param principalClaim claim naming the principal
 * @param jwksRefreshInterval freshness of fetched keys
 * @param jwksMinRefreshInterval cooldown between JWKS fetches
 * @param jwksTimeout total deadline of one JWKS fetch
 * @param jwksStaleIfError how long cached keys outlive failing refreshes
 * @param jwksPrefetch whether the keys are fetched in the background at deployment
 * @param cacheMaxSize capacity of the validated-token cache, 0 when disabled
 * @param cacheMaxAge longest stay of a token in the validated-token cache
 * @param auditRateLimit most audit lines per second and refusal reason
 */
public record OAuthJwtConfig(
        URI jwksUri,
        String issuer,
        Set<String> audiences,
        Set<JwsAlgorithm> algorithms,
        Set<String> scopes,
        List<ClaimRule> claimRules,
        Set<String> requiredClaims,
        Optional<String> realm,
        Duration clockSkew,
        Duration maxTokenLifetime,
        List<ClaimPath> rolesClaims,
        String principalClaim,
        Duration jwksRefreshInterval,
        Duration jwksMinRefreshInterval,
        Duration jwksTimeout,
        Duration jwksStaleIfError,
        boolean jwksPrefetch,
        int cacheMaxSize,
        Duration cacheMaxAge,
        int auditRateLimit) {

    /** Canonical constructor: copies the collections so that the record stays immutable. */
    public OAuthJwtConfig {
        audiences = ordered(audiences);
        algorithms = Collections.unmodifiableSet(new LinkedHashSet<>(algorithms));
        scopes = ordered(scopes);
        claimRules = List.copyOf(claimRules);
        requiredClaims = ordered(requiredClaims);
        rolesClaims = List.copyOf(rolesClaims);
    }

    /**
     * Reads and validates the top-level configuration ({@code oauth.jwt.*}).
     *
     * @param config the application's MicroProfile Config
     * @return the validated configuration
     * @throws InvalidConfigurationException when a required key is missing or a value is invalid
     */
    public static OAuthJwtConfig from(Config config) {
        return from(new ConfigReader(config));
    }

    /**
     * Reads and validates the configuration seen through {@code reader}: under a tenant's prefix, each key falls back
     * to the top-level key of the same name (see {@link ConfigReader}).
     *
     * @param reader where and how to read the keys
     * @return the validated configuration
     * @throws InvalidConfigurationException when a required key is missing or a value is invalid
     */
    public static OAuthJwtConfig from(ConfigReader reader) {
        return new OAuthJwtConfig(
                reader.read(Settings.JWKS_URI),
                reader.read(Settings.ISSUER),
                reader.read(Settings.AUDIENCE),
                reader.read(Settings.ALGORITHMS),
                reader.read(Settings.SCOPE),
                reader.claimRules(Settings.CLAIMS),
                reader.read(Settings.REQUIRED_CLAIMS),
                reader.read(Settings.REALM),
                reader.read(Settings.CLOCK_SKEW),
                reader.read(Settings.MAX_TOKEN_LIFETIME),
                reader.read(Settings.ROLES_CLAIM),
                reader.read(Settings.PRINCIPAL_CLAIM),
                reader.read(Settings.JWKS_REFRESH_INTERVAL),
                reader.read(Settings.JWKS_MIN_REFRESH_INTERVAL),
                reader.read(Settings.JWKS_TIMEOUT),
                reader.read(Settings.JWKS_STALE_IF_ERROR),
                reader.read(Settings.JWKS_PREFETCH),
                reader.read(Settings.CACHE_MAX_SIZE),
                reader.read(Settings.CACHE_MAX_AGE),
                reader.read(Settings.AUDIT_RATE_LIMIT));
    }

    private static Set<String> ordered(Set<String> values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    /**
     * @param scope a scope name
     * @return whether it is a non-empty RFC 6750 scope-token (%x21 / %x23-5B / %x5D-7E), safe inside a challenge
     */
    public static boolean isScopeToken(String scope) {
        return scope != null && !scope.isEmpty()
                && scope.chars().allMatch(c -> c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E));
    }
}
