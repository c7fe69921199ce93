package dev.oauthjwt.jaxrs.config;

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

    /**
     * Where the roles of {@code @RolesAllowed} and {@code isUserInRole} are: comma-separated claim paths, {@code /}
     * between nested members ({@code realm_access/roles}), a member in double quotes may contain {@code /}, {@code ,}
     * and {@code .} ({@code "https://example.com/roles"}); the roles are the union of the space-separated strings or
     * string arrays found; default {@code groups}.
     */
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
     * Whether the keys are fetched in the background while the application is deployed, so that the first request
     * finds them; {@code true} or {@code false}; default {@code false}. A failed prefetch never fails the deployment.
     */
    public static final String JWKS_PREFETCH = PREFIX + "jwks.prefetch";

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
     * Most audit lines per second and refusal reason on the {@code dev.oauthjwt.audit} logger; beyond it lines are
     * counted and summarised once per second; 1 to 10 000; default 10.
     */
    public static final String AUDIT_RATE_LIMIT = PREFIX + "audit.rate-limit";

    /**
     * Location of the private keys that decrypt encrypted (JWE) access tokens: {@code file:} or {@code classpath:}, a
     * PKCS#8 PEM document or a JWKS with private members; RSA 2048 to 8192 bits, EC P-256, P-384, P-521. Read at
     * deployment; never inline; default absent (five-part JWE tokens are then refused as malformed).
     */
    public static final String DECRYPTION_KEYS = PREFIX + "decryption-keys";

    /**
     * JWE key management algorithms accepted, comma separated: {@code RSA-OAEP}, {@code RSA-OAEP-256}, {@code ECDH-ES},
     * {@code ECDH-ES+A128KW}, {@code ECDH-ES+A192KW}, {@code ECDH-ES+A256KW}; {@code RSA1_5} and shared-secret
     * algorithms fail the deployment; default {@code RSA-OAEP-256,ECDH-ES+A256KW}.
     */
    public static final String DECRYPTION_ALGORITHMS = PREFIX + "decryption.algorithms";

    /**
     * JWE content encryption methods accepted, comma separated: {@code A128GCM}, {@code A192GCM}, {@code A256GCM},
     * {@code A128CBC-HS256}, {@code A192CBC-HS384}, {@code A256CBC-HS512}; default {@code A256GCM,A128GCM}.
     */
    public static final String DECRYPTION_ENCRYPTION_METHODS = PREFIX + "decryption.encryption-methods";

    /**
     * When tokens are introspected (RFC 7662): {@code off}, {@code opaque} (tokens that are not a compact JWS) or
     * {@code always} (every token, for revocation-sensitive APIs); default {@code off}.
     */
    public static final String INTROSPECTION_MODE = PREFIX + "introspection.mode";

    /**
     * The introspection endpoint; {@code https} ({@code http} on a loopback host only); required unless the mode is
     * off; default none.
     */
    public static final String INTROSPECTION_ENDPOINT = PREFIX + "introspection.endpoint";

    /** Client id for {@code client_secret_basic} at the introspection endpoint; required unless the mode is off; default none. */
    public static final String INTROSPECTION_CLIENT_ID = PREFIX + "introspection.client-id";

    /** Client secret for the introspection endpoint, from configuration or the environment; never logged; default none. */
    public static final String INTROSPECTION_CLIENT_SECRET = PREFIX + "introspection.client-secret";

    /** Longest reuse of an introspection answer, never past the token's {@code exp}; 0 s to 5 min; default 30 s. */
    public static final String INTROSPECTION_CACHE_TTL = PREFIX + "introspection.cache-ttl";

    /** Most introspection calls per second per replica (more are answered 503); 1 to 10000; default 50. */
    public static final String INTROSPECTION_MAX_RATE = PREFIX + "introspection.max-rate";

    /** Total deadline of one introspection call; 100 ms to 30 s; default 5 s. */
    public static final String INTROSPECTION_TIMEOUT = PREFIX + "introspection.timeout";

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
     * Where accepted DPoP proofs are remembered; default memory: in each replica's memory, bounded by
     * {@link #DPOP_REPLAY_CACHE_MAX_SIZE}, so a proof replayed to another replica is accepted there. Or
     * {@code jcache:<cache name>}: a JCache (JSR-107, {@code javax.cache}) cache shared by the replicas, such as
     * Payara's Hazelcast data grid, created with an expiry of the proof window if it does not exist. Proofs are
     * recorded with an atomic put-if-absent; when the cache fails or does not answer within 2 s the request gets 503
     * with {@code Retry-After} (fail closed). Needs the JCache API on the application's class path.
     */
    public static final String DPOP_REPLAY_CACHE = PREFIX + "dpop.replay-cache";

    /**
     * Certificate-bound access tokens (RFC 8705 §3); default allowed. {@code allowed}: a token whose {@code cnf} has
     * {@code x5t#S256} is accepted only over TLS with the client certificate of that thumbprint, other tokens as
     * usual; {@code required}: every token must be certificate-bound. Cannot be required together with
     * {@link #DPOP}.
     */
    public static final String MTLS = PREFIX + "mtls";

    /**
     * Names of several issuers (tenants), comma separated: letters, digits, {@code -} and {@code _}, at most 64
     * characters each; default none (one issuer, configured by the top-level keys). Each tenant is configured under
     * {@link #TENANT_PREFIX}.
     */
    public static final String TENANTS = PREFIX + "tenants";

    /**
     * Prefix of the keys of one tenant: {@code oauth.jwt.tenant.<name>.<key>} for every per-issuer key
     * ({@code issuer}, required per tenant; {@code jwks-uri}, {@code public-keys}, {@code audience},
     * {@code algorithms}, {@code profile}, {@code scope}, {@code claims.<claim>}, {@code required-claims},
     * {@code clock-skew}, {@code max-token-lifetime}, {@code roles-claim}, {@code principal-claim}, {@code jwks.*},
     * {@code cache.*}, {@code dpop.*} and {@code mtls}). A key that is absent falls back to the top-level {@code oauth.jwt.<key>};
     * default none. As environment variables: {@code OAUTH_JWT_TENANT_<NAME>_<KEY>}.
     */
    public static final String TENANT_PREFIX = PREFIX + "tenant.";

    private OAuthJwtConfigKeys() {}
}
