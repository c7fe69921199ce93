package dev.oauthjwt.jaxrs.internal.config;

import dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys;
import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The catalogue of every {@code oauth.jwt.*} setting: the one place where a key's type, default, bounds and meaning
 * are written. {@link OAuthJwtConfig} reads its values through {@link ConfigReader#read(Setting)}; the documentation
 * tests compare the README table, the site's configuration reference and the Javadoc of {@link OAuthJwtConfigKeys}
 * with it (names, types, defaults and bounds).
 *
 * <p><b>How to add a setting:</b>
 * <ol>
 *   <li>add the key constant, with its Javadoc (meaning, bounds, default), to {@link OAuthJwtConfigKeys};</li>
 *   <li>add one line here ({@code Setting.duration(…)}, {@code Setting.optional(…)}, …); a new kind of value is
 *       a new {@link ValueType} constant;</li>
 *   <li>read it where it is needed with {@code reader.read(Settings.X)}: a {@link ConfigReader} made with a prefix
 *       (a tenant's {@code oauth.jwt.tenant.<name>.}) reads the prefixed key and falls back to the top-level one;</li>
 *   <li>add a row to the README table and to {@code src-site/markdown/configuration.md} (table and a section): the
 *       docs tests tell you what they must say.</li>
 * </ol>
 */
public final class Settings {

    private static final List<Setting<?>> ALL = new ArrayList<>();

    public static final Setting<Optional<URI>> JWKS_URI = add(Setting.optional(
            OAuthJwtConfigKeys.JWKS_URI,
            ValueType.OPTIONAL_HTTPS_URL,
            null,
            "JWKS endpoint of the Authorization Server; `https` (`http` on "
                    + "loopback only); when absent (and no `public-keys`), discovered from the issuer's metadata"));
    public static final Setting<Optional<String>> PUBLIC_KEYS = add(Setting.optional(
            OAuthJwtConfigKeys.PUBLIC_KEYS,
            ValueType.DOCUMENT,
            null,
            "local keys instead of a JWKS URL: JWKS or PEM public keys, inline or "
                    + "`file:`/`classpath:`; exclusive with `jwks-uri`"));
    public static final Setting<String> ISSUER = add(Setting.required(
            OAuthJwtConfigKeys.ISSUER,
            ValueType.TEXT,
            "expected `iss`, exact string match; the base URL of discovery"));
    public static final Setting<TokenProfile> PROFILE = add(Setting.optional(
            OAuthJwtConfigKeys.PROFILE,
            ValueType.PROFILE,
            "oauth",
            "`rfc9068`: `typ` must be `at+jwt`, and `iss`, `exp`, `aud`, `sub`, "
                    + "`client_id`, `iat`, `jti` are required"));
    public static final Setting<Set<String>> AUDIENCE = add(Setting.required(
            OAuthJwtConfigKeys.AUDIENCE,
            ValueType.NON_EMPTY_LIST,
            "accepted audiences, comma separated; `aud` must contain one"));
    public static final Setting<Set<JwsAlgorithm>> ALGORITHMS = add(Setting.optional(
            OAuthJwtConfigKeys.ALGORITHMS,
            ValueType.ALGORITHMS,
            allAlgorithms(),
            "allowed JWS algorithms; never `none` or HS*"));
    public static final Setting<Set<String>> SCOPE = add(Setting.optional(
            OAuthJwtConfigKeys.SCOPE,
            ValueType.SCOPES,
            null,
            "scopes every `@Secured` endpoint requires (all of them), space or comma separated"));
    public static final Setting<String> CLAIMS = add(Setting.family(
            OAuthJwtConfigKeys.CLAIMS_PREFIX,
            ValueType.TEXT,
            "claim `<name>` must equal this value (string, number, boolean; array: contains it)"));
    public static final Setting<Set<String>> REQUIRED_CLAIMS = add(Setting.optional(
            OAuthJwtConfigKeys.REQUIRED_CLAIMS,
            ValueType.LIST,
            null,
            "claims that must be present, not null and not empty, comma separated"));
    public static final Setting<Optional<String>> REALM = add(Setting.optional(
            OAuthJwtConfigKeys.REALM, ValueType.CHALLENGE_TEXT, null, "`realm` of the `WWW-Authenticate` challenge"));
    public static final Setting<Duration> CLOCK_SKEW =
            add(Setting.duration(OAuthJwtConfigKeys.CLOCK_SKEW, "60", "0", "PT5M", "leeway for `exp`, `nbf`, `iat`"));
    public static final Setting<Duration> MAX_TOKEN_LIFETIME = add(Setting.duration(
            OAuthJwtConfigKeys.MAX_TOKEN_LIFETIME,
            "PT24H",
            "PT1M",
            "P30D",
            "longest accepted `exp - iat` (and `exp` from now)"));
    public static final Setting<List<ClaimPath>> ROLES_CLAIM = add(Setting.optional(
            OAuthJwtConfigKeys.ROLES_CLAIM,
            ValueType.CLAIM_PATHS,
            "groups",
            "claim paths of the roles of `@RolesAllowed` and `isUserInRole`; "
                    + "`/` between nested members (`realm_access/roles`), `\"…\"` around names with `/`"));
    public static final Setting<String> PRINCIPAL_CLAIM = add(Setting.optional(
            OAuthJwtConfigKeys.PRINCIPAL_CLAIM, ValueType.CLAIM_NAME, "sub", "claim that names the principal"));
    public static final Setting<Duration> JWKS_REFRESH_INTERVAL = add(Setting.duration(
            OAuthJwtConfigKeys.JWKS_REFRESH_INTERVAL, "PT10M", "PT1M", "PT24H", "how long fetched keys are fresh"));
    public static final Setting<Duration> JWKS_MIN_REFRESH_INTERVAL = add(Setting.duration(
            OAuthJwtConfigKeys.JWKS_MIN_REFRESH_INTERVAL,
            "PT30S",
            "PT1S",
            "PT5M",
            "cooldown between JWKS fetches (unknown `kid`)"));
    public static final Setting<Duration> JWKS_TIMEOUT = add(Setting.duration(
            OAuthJwtConfigKeys.JWKS_TIMEOUT, "PT5S", "PT0.1S", "PT30S", "total deadline of one JWKS fetch"));
    public static final Setting<Duration> JWKS_STALE_IF_ERROR = add(Setting.duration(
            OAuthJwtConfigKeys.JWKS_STALE_IF_ERROR,
            "PT24H",
            "0",
            "P7D",
            "how long cached keys keep working while refreshes fail"));
    public static final Setting<Boolean> JWKS_PREFETCH = add(Setting.optional(
            OAuthJwtConfigKeys.JWKS_PREFETCH,
            ValueType.BOOLEAN,
            "false",
            "fetch the keys in the background at deployment; a failure never fails it"));
    public static final Setting<Integer> CACHE_MAX_SIZE = add(Setting.integer(
            OAuthJwtConfigKeys.CACHE_MAX_SIZE, 10_000, 0, 1_000_000, "validated-token cache capacity; 0 disables it"));
    public static final Setting<Duration> CACHE_MAX_AGE = add(Setting.duration(
            OAuthJwtConfigKeys.CACHE_MAX_AGE, "PT5M", "PT1S", "PT1H", "longest stay of a verified token in the cache"));
    public static final Setting<Integer> AUDIT_RATE_LIMIT = add(Setting.integer(
            OAuthJwtConfigKeys.AUDIT_RATE_LIMIT,
            10,
            1,
            10_000,
            "most audit lines per second and refusal reason; more are counted and summarised"));
    public static final Setting<SenderConstraintConfig.DpopMode> DPOP = add(Setting.optional(
            OAuthJwtConfigKeys.DPOP,
            ValueType.DPOP_MODE,
            "allowed",
            "DPoP-bound tokens (RFC 9449): `allowed`, `required` or `disabled`"));
    public static final Setting<Set<JwsAlgorithm>> DPOP_ALGORITHMS = add(Setting.optional(
            OAuthJwtConfigKeys.DPOP_ALGORITHMS,
            ValueType.ALGORITHMS,
            allAlgorithms(),
            "JWS algorithms accepted for DPoP proofs; never `none` or HS*"));
    public static final Setting<Duration> DPOP_MAX_AGE = add(Setting.duration(
            OAuthJwtConfigKeys.DPOP_MAX_AGE,
            "PT5M",
            "PT1S",
            "PT1H",
            "how long a DPoP proof is accepted after its `iat`; also the nonce lifetime"));
    public static final Setting<Boolean> DPOP_NONCE = add(Setting.optional(
            OAuthJwtConfigKeys.DPOP_NONCE,
            ValueType.BOOLEAN,
            "false",
            "require a server nonce (`DPoP-Nonce`) in every DPoP proof"));
    public static final Setting<String> DPOP_NONCE_SECRET = add(Setting.optional(
            OAuthJwtConfigKeys.DPOP_NONCE_SECRET,
            ValueType.TEXT,
            null,
            "HMAC secret of the DPoP nonces, at least 32 characters, the same on every replica"));
    public static final Setting<Boolean> DPOP_TRUSTED_PROXY = add(Setting.optional(
            OAuthJwtConfigKeys.DPOP_TRUSTED_PROXY,
            ValueType.BOOLEAN,
            "false",
            "take the URI a DPoP proof must name from `Forwarded` / `X-Forwarded-*` headers"));
    public static final Setting<Integer> DPOP_REPLAY_CACHE_MAX_SIZE = add(Setting.integer(
            OAuthJwtConfigKeys.DPOP_REPLAY_CACHE_MAX_SIZE,
            100_000,
            1_000,
            10_000_000,
            "DPoP proof ids remembered by the in-memory replay cache of each replica"));
    public static final Setting<Optional<String>> DPOP_REPLAY_CACHE = add(Setting.optional(
            OAuthJwtConfigKeys.DPOP_REPLAY_CACHE,
            ValueType.REPLAY_CACHE,
            "memory",
            "`memory` (per replica) or `jcache:<cache name>`: a JCache cache shared by the replicas"));
    public static final Setting<Boolean> MTLS = add(Setting.optional(
            OAuthJwtConfigKeys.MTLS,
            ValueType.ALLOWED_OR_REQUIRED,
            "allowed",
            "certificate-bound tokens (RFC 8705): `allowed` (checked when `cnf` asks) or `required`"));
    public static final Setting<Optional<URI>> RESOURCE = add(Setting.optional(
            OAuthJwtConfigKeys.RESOURCE,
            ValueType.OPTIONAL_HTTPS_URL,
            null,
            "RFC 9728 resource identifier: serves "
                    + "`/.well-known/oauth-protected-resource…` and adds `resource_metadata` to challenges"));

    public static final Setting<Set<String>> TENANTS = add(Setting.optional(
            OAuthJwtConfigKeys.TENANTS,
            ValueType.LIST,
            null,
            "names of several issuers (tenants), comma separated; each configured under `oauth.jwt.tenant.<name>.`"));
    public static final Setting<String> TENANT = add(Setting.family(
            OAuthJwtConfigKeys.TENANT_PREFIX,
            ValueType.TEXT,
            "key `<key>` of tenant `<name>`; an absent key falls back to `oauth.jwt.<key>`"));
    public static final Setting<Optional<String>> DECRYPTION_KEYS = add(Setting.optional(
            OAuthJwtConfigKeys.DECRYPTION_KEYS,
            ValueType.LOCATION,
            null,
            "private keys that decrypt encrypted (JWE) access tokens: PKCS#8 PEM or a JWKS; unset: JWE refused"));
    public static final Setting<Set<String>> DECRYPTION_ALGORITHMS = add(Setting.optional(
            OAuthJwtConfigKeys.DECRYPTION_ALGORITHMS,
            ValueType.LIST,
            "RSA-OAEP-256,ECDH-ES+A256KW",
            "accepted JWE key management algorithms; never `RSA1_5`"));
    public static final Setting<Set<String>> DECRYPTION_ENCRYPTION_METHODS = add(Setting.optional(
            OAuthJwtConfigKeys.DECRYPTION_ENCRYPTION_METHODS,
            ValueType.LIST,
            "A256GCM,A128GCM",
            "accepted JWE content encryption methods"));

    public static final Setting<String> INTROSPECTION_MODE = add(Setting.optional(
            OAuthJwtConfigKeys.INTROSPECTION_MODE,
            ValueType.TEXT,
            "off",
            "`off`, `opaque` (tokens that are not a JWS are introspected) or `always` (every token)"));
    public static final Setting<URI> INTROSPECTION_ENDPOINT = add(Setting.optional(
            OAuthJwtConfigKeys.INTROSPECTION_ENDPOINT,
            ValueType.HTTPS_URL,
            null,
            "RFC 7662 introspection endpoint; required unless the mode is `off`"));
    public static final Setting<String> INTROSPECTION_CLIENT_ID = add(Setting.optional(
            OAuthJwtConfigKeys.INTROSPECTION_CLIENT_ID,
            ValueType.TEXT,
            null,
            "client id for `client_secret_basic` at the introspection endpoint"));
    public static final Setting<String> INTROSPECTION_CLIENT_SECRET = add(Setting.optional(
            OAuthJwtConfigKeys.INTROSPECTION_CLIENT_SECRET,
            ValueType.TEXT,
            null,
            "client secret for the introspection endpoint; never logged"));
    public static final Setting<Duration> INTROSPECTION_CACHE_TTL = add(Setting.duration(
            OAuthJwtConfigKeys.INTROSPECTION_CACHE_TTL,
            "PT30S",
            "0",
            "PT5M",
            "longest reuse of an introspection answer (never past `exp`); 0 disables the cache"));
    public static final Setting<Integer> INTROSPECTION_MAX_RATE = add(Setting.integer(
            OAuthJwtConfigKeys.INTROSPECTION_MAX_RATE,
            50,
            1,
            10_000,
            "most introspection calls per second per replica; more: 503"));
    public static final Setting<Duration> INTROSPECTION_TIMEOUT = add(Setting.duration(
            OAuthJwtConfigKeys.INTROSPECTION_TIMEOUT,
            "PT5S",
            "PT0.1S",
            "PT30S",
            "total deadline of one introspection call"));

    private Settings() {}

    /** @return every setting, in the order of the configuration reference */
    public static List<Setting<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /**
     * @param key a full key, or a family's prefix ending with {@code .}
     * @return the setting with this key
     */
    public static Optional<Setting<?>> byKey(String key) {
        return ALL.stream().filter(setting -> setting.key().equals(key)).findFirst();
    }

    private static <T> Setting<T> add(Setting<T> setting) {
        if (byKey(setting.key()).isPresent()) {
            throw new IllegalStateException("setting declared twice: " + setting.key());
        }
        ALL.add(setting);
        return setting;
    }

    private static String allAlgorithms() {
        return Arrays.stream(JwsAlgorithm.values()).map(Enum::name).collect(Collectors.joining(","));
    }
}
