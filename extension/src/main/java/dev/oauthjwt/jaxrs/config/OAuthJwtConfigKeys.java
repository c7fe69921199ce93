package dev.oauthjwt.jaxrs.config;

import dev.oauthjwt.jaxrs.Secured;

/**
 * The MicroProfile Config keys read by the extension. These names are public API.
 *
 * <p>Every key can also be set as an environment variable by the MicroProfile Config mapping: upper case, each
 * non-alphanumeric character replaced by {@code _} (for example {@code OAUTH_JWT_JWKS_URI}). Durations accept
 * ISO-8601 ({@code PT30S}) or a whole number of seconds.
 *
 * <p>The type, default, bounds and meaning of every key are declared once, in the extension's internal settings
 * catalogue, from which the configuration is read; tests keep the defaults and bounds written here, in the README and
 * in the site's configuration reference equal to it. To add a key: a constant here and one line in that catalogue
 * (its Javadoc says how).
 */
public final class OAuthJwtConfigKeys {

    /** Common prefix of all keys. */
    public static final String PREFIX = "oauth.jwt.";

    /**
     * JWKS endpoint of the Authorization Server. {@code https}, or {@code http} on a loopback host only. When neither
     * this key nor {@link #PUBLIC_KEYS} is set, the JWKS URL is discovered from the issuer's metadata
     * ({@code {issuer}/.well-known/openid-configuration}, then RFC 8414's
     * {@code /.well-known/oauth-authorization-server{issuer path}}); default absent.
     */
    public static final String JWKS_URI = PREFIX + "jwks-uri";

    /**
     * Local public keys instead of a JWKS URL: a JWKS document or PEM public keys ({@code BEGIN PUBLIC KEY}), inline
     * or as a {@code file:} or {@code classpath:} location; read at deployment. Exclusive with {@link #JWKS_URI};
     * default absent.
     */
    public static final String PUBLIC_KEYS = PREFIX + "public-keys";

    /**
     * Token profile: {@code oauth} or {@code rfc9068}; default {@code oauth}. {@code rfc9068} requires {@code typ}
     * {@code at+jwt} and the claims {@code iss}, {@code exp}, {@code aud}, {@code sub}, {@code client_id},
     * {@code iat}, {@code jti}.
     */
    public static final String PROFILE = PREFIX + "profile";

    /**
     * RFC 9728 resource identifier of this API (absolute https URL; http on loopback only). When set, the
     * application serves its protected-resource metadata and every challenge carries {@code resource_metadata};
     * default absent.
     */
    public static final String RESOURCE = PREFIX + "resource";

    /** Expected {@code iss}, compared as an exact string; required. Also the base URL of discovery. */
    public static final String ISSUER = PREFIX + "issuer";

    /** Accepted audiences, comma separated; the token's {@code aud} must contain one; required. */
    public static final String AUDIENCE = PREFIX + "audience";

    /**
     * Allowed JWS algorithms, comma separated; default {@code RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384,
     * ES512} (all RSA, RSA-PSS and ECDSA ones). {@code none} and HS* refused.
     */
    public static final String ALGORITHMS = PREFIX + "algorithms";

    /** Scopes that every {@code @Secured} endpoint requires, space or comma separated; default none. */
    public static final String SCOPE = PREFIX + "scope";

    /** Prefix of claim rules: {@code oauth.jwt.claims.<name>=<value>}; default none. */
    public static final String CLAIMS_PREFIX = PREFIX + "claims.";

    /** Claims that must be present with a non-null, non-empty value, comma separated; default none. */
    public static final String REQUIRED_CLAIMS = PREFIX + "required-claims";

    /** {@code realm} attribute of the {@code WWW-Authenticate} challenge; default absent. */
    public static final String REALM = PREFIX + "realm";

    /** Leeway for {@code exp}, {@code nbf} and {@code iat}; 0 s to 5 min; default 1 min. */
    public static final String CLOCK_SKEW = PREFIX + "clock-skew";

    /**
     * Longest accepted token lifetime: {@code exp - iat}, and {@code exp} measured from now, may not exceed it;
     * 1 min to 30 days; default 24 h.
     */
    public static final String MAX_TOKEN_LIFETIME = PREFIX + "max-token-lifetime";

    /** Claim read by {@code isUserInRole}: a space separated string or an array; default {@code groups}. */
    public static final String ROLES_CLAIM = PREFIX + "roles-claim";

    /** Claim that names the principal; default {@code sub}. */
    public static final String PRINCIPAL_CLAIM = PREFIX + "principal-claim";

    /** How long fetched keys are fresh before a background refresh; 1 min to 24 h; default 10 min. */
    public static final String JWKS_REFRESH_INTERVAL = PREFIX + "jwks.refresh-interval";

    /** Cooldown between two JWKS fetches (unknown {@code kid}, retries after a failure); 1 s to 5 min; default 30 s. */
    public static final String JWKS_MIN_REFRESH_INTERVAL = PREFIX + "jwks.min-refresh-interval";

    /** Total deadline of one JWKS fetch, connect and read; 100 ms to 30 s; default 5 s. */
    public static final String JWKS_TIMEOUT = PREFIX + "jwks.timeout";

    /** How long cached keys keep working while refreshes fail; 0 s to 7 days; default 24 h. */
    public static final String JWKS_STALE_IF_ERROR = PREFIX + "jwks.stale-if-error";

    /**
     * Capacity of the validated-token cache: how many verified tokens are remembered so that a repeated token skips
     * signature verification; 0 to 1 000 000; default 10 000; 0 disables the cache. An entry never outlives the
     * token's {@code exp} (the clock skew is not applied to cached tokens), {@link #CACHE_MAX_AGE}, or the presence
     * of its verifying key in the JWKS. Endpoint scopes and claim rules are evaluated on every request.
     */
    public static final String CACHE_MAX_SIZE = PREFIX + "cache.max-size";

    /** Longest time a verified token stays in the validated-token cache; 1 s to 1 h; default 5 min. */
    public static final String CACHE_MAX_AGE = PREFIX + "cache.max-age";

    /**
     * Names of several issuers (tenants), comma separated: letters, digits, {@code -} and {@code _}; default none (one
     * issuer, configured by the top-level keys). Each tenant is configured under {@link #TENANT_PREFIX}.
     */
    public static final String TENANTS = PREFIX + "tenants";

    /**
     * Prefix of the keys of one tenant: {@code oauth.jwt.tenant.<name>.<key>} for every per-issuer key
     * ({@code issuer}, required per tenant; {@code jwks-uri}, {@code public-keys}, {@code audience}, …). A key that is
     * absent falls back to the top-level {@code oauth.jwt.<key>}; default none.
     */
    public static final String TENANT_PREFIX = PREFIX + "tenant.";

    private OAuthJwtConfigKeys() {
    }
}
