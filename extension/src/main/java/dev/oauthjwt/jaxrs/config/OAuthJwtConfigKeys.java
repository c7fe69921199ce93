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

    /** JWKS endpoint of the Authorization Server; required. {@code https}, or {@code http} on a loopback host only. */
    public static final String JWKS_URI = PREFIX + "jwks-uri";

    /** Expected {@code iss}, compared as an exact string; required. */
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
     * DPoP-bound access tokens (RFC 9449); default allowed. {@code allowed}: {@code Authorization: DPoP} with a
     * proof, and plain {@code Bearer} for unbound tokens; {@code required}: every token must be DPoP-bound and come
     * with a proof; {@code disabled}: the {@code DPoP} scheme is not accepted, tokens with {@code cnf.jkt} are refused.
     */
    public static final String DPOP = PREFIX + "dpop";

    /**
     * JWS algorithms accepted for DPoP proofs, comma separated; default {@code RS256, RS384, RS512, PS256, PS384,
     * PS512, ES256, ES384, ES512}. {@code none} and HS* refused.
     */
    public static final String DPOP_ALGORITHMS = PREFIX + "dpop.algorithms";

    /**
     * How long a DPoP proof is accepted after its {@code iat} (plus {@link #CLOCK_SKEW} either way), and how long a
     * server nonce stays valid; 1 s to 1 h; default 5 min. Proof ids are remembered for this window.
     */
    public static final String DPOP_MAX_AGE = PREFIX + "dpop.max-age";

    /**
     * {@code true} to require a server nonce in DPoP proofs (RFC 9449 §9): proofs without a valid one get
     * {@code use_dpop_nonce} and a fresh {@code DPoP-Nonce}; default false. Needs {@link #DPOP_NONCE_SECRET}.
     */
    public static final String DPOP_NONCE = PREFIX + "dpop.nonce";

    /**
     * Secret that signs DPoP nonces (HMAC-SHA256), at least 32 characters; the same on every replica, so that any
     * replica verifies the nonces of the others without shared state; default none. Required when
     * {@link #DPOP_NONCE} is true.
     */
    public static final String DPOP_NONCE_SECRET = PREFIX + "dpop.nonce-secret";

    /**
     * {@code true} to build the URI that a proof's {@code htu} must match from the {@code Forwarded} header (or
     * {@code X-Forwarded-Proto}, {@code X-Forwarded-Host}, {@code X-Forwarded-Port}) set by a reverse proxy; default
     * false: only the request as the server received it counts. Enable it only behind a proxy that always
     * overwrites these headers.
     */
    public static final String DPOP_TRUSTED_PROXY = PREFIX + "dpop.trusted-proxy";

    /**
     * Capacity of the in-memory DPoP replay cache (proof ids seen within the proof window); 1 000 to 10 000 000;
     * default 100 000. When it is full of live entries, new proofs get 503 until entries expire.
     */
    public static final String DPOP_REPLAY_CACHE_MAX_SIZE = PREFIX + "dpop.replay-cache.max-size";

    /**
     * Certificate-bound access tokens (RFC 8705 §3); default allowed. {@code allowed}: a token whose {@code cnf} has
     * {@code x5t#S256} is accepted only over TLS with the client certificate of that thumbprint, other tokens as
     * usual; {@code required}: every token must be certificate-bound. Cannot be required together with
     * {@link #DPOP}.
     */
    public static final String MTLS = PREFIX + "mtls";

    private OAuthJwtConfigKeys() {
    }
}
