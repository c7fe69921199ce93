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
 * @param jwksUri JWKS endpoint; empty when the keys are local or discovered
 * @param publicKeys the local public keys (a JWKS document or PEM text), exclusive with {@code jwksUri}
 * @param issuer expected issuer
 * @param profile the rules tokens are held to
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
 * @param resource the RFC 9728 resource identifier of this API, if protected-resource metadata is served
 * @param auditRateLimit most audit lines per second and refusal reason
 */
public record OAuthJwtConfig(
        Optional<URI> jwksUri,
        Optional<String> publicKeys,
        String issuer,
        TokenProfile profile,
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
        Optional<URI> resource,
        int auditRateLimit) {

    /** The RFC 9728 well-known segment, to which the path of the resource identifier is appended (§3.1). */
    public static final String METADATA_SEGMENT = ".well-known/oauth-protected-resource";

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
        Optional<URI> jwksUri = reader.read(Settings.JWKS_URI);
        Optional<String> publicKeys = reader.read(Settings.PUBLIC_KEYS);
        if (jwksUri.isPresent() && publicKeys.isPresent()) {
            throw new InvalidConfigurationException(
                    reader.keyOf(Settings.PUBLIC_KEYS),
                    "cannot be combined with " + reader.keyOf(Settings.JWKS_URI) + ": set one");
        }
        String issuer = reader.read(Settings.ISSUER);
        if (jwksUri.isEmpty() && publicKeys.isEmpty()) {
            checkDiscoverable(reader.keyOf(Settings.ISSUER), issuer);
        }
        return new OAuthJwtConfig(
                jwksUri,
                publicKeys,
                issuer,
                reader.read(Settings.PROFILE),
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
                resource(reader),
                reader.read(Settings.AUDIT_RATE_LIMIT));
    }

    /** The issuer is the base of discovery: an https URL (http on loopback) without query or fragment. */
    private static void checkDiscoverable(String key, String issuer) {
        SecureUrls.Result checked = SecureUrls.check(issuer);
        if (checked.uri().isEmpty()) {
            throw new InvalidConfigurationException(
                    key, checked.problem() + " to discover the keys (neither jwks-uri nor public-keys is set)");
        }
        if (checked.uri().get().getRawQuery() != null || checked.uri().get().getRawFragment() != null) {
            throw new InvalidConfigurationException(key, "may not have a query or fragment (RFC 8414 §2)");
        }
    }

    private static Optional<URI> resource(ConfigReader reader) {
        Optional<URI> resource = reader.read(Settings.RESOURCE);
        if (resource.isPresent()
                && (resource.get().getRawQuery() != null || resource.get().getRawFragment() != null)) {
            throw new InvalidConfigurationException(
                    reader.keyOf(Settings.RESOURCE), "may not have a query or fragment (RFC 9728 §1.2)");
        }
        return resource;
    }
    /** @return whether the keys come from the issuer's metadata (neither a JWKS URL nor local keys configured) */
    public boolean discoversKeys() {
        return jwksUri.isEmpty() && publicKeys.isEmpty();
    }

    /**
     * The URL of this API's protected-resource metadata, where the application serves it: the scheme and authority
     * of the resource identifier, the application's base path, the well-known segment, and the path of the resource
     * (RFC 9728 §3.1 relative to the application; exactly §3.1's URL when the base path is {@code /}).
     *
     * @param basePath the raw path of the Jakarta REST application's base URI (context root and application path)
     * @return the URL, when a resource is configured
     */
    public Optional<String> resourceMetadataUrl(String basePath) {
        String base = basePath.endsWith("/") ? basePath : basePath + "/";
        return resource.map(
                uri -> uri.getScheme() + "://" + uri.getRawAuthority() + base + METADATA_SEGMENT + resourcePath(uri));
    }

    /** @return the path of the resource identifier without its trailing {@code /}; empty for the root */
    public static String resourcePath(URI resource) {
        String path = resource.getRawPath() == null ? "" : resource.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Set<String> ordered(Set<String> values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    /**
     * @param scope a scope name
     * @return whether it is a non-empty RFC 6750 scope-token (%x21 / %x23-5B / %x5D-7E), safe inside a challenge
     */
    public static boolean isScopeToken(String scope) {
        return scope != null
                && !scope.isEmpty()
                && scope.chars().allMatch(c -> c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E));
    }
}
