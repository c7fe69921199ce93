package dev.oauthjwt.jaxrs.internal.token;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.cache.TokenDigest;
import dev.oauthjwt.jaxrs.internal.cache.ValidatedTokenCache;
import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.introspection.IntrospectionConfig;
import dev.oauthjwt.jaxrs.internal.introspection.Introspector;
import dev.oauthjwt.jaxrs.internal.jose.CompactJws;
import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import dev.oauthjwt.jaxrs.internal.jwe.JweDecryptor;
import dev.oauthjwt.jaxrs.internal.keys.KeyChoice;
import dev.oauthjwt.jaxrs.internal.keys.KeySource;
import dev.oauthjwt.jaxrs.internal.keys.KeysState;
import dev.oauthjwt.jaxrs.internal.keys.VerificationKey;
import dev.oauthjwt.jaxrs.internal.ops.Telemetry;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies one access token, in this order: strict compact-serialization parsing ({@link CompactJws}); the JOSE
 * header ({@link HeaderPolicy}); key selection by {@code kid} and algorithm (JWKS or local keys); the exact ECDSA signature
 * length of RFC 7518 §3.4 (the library also accepts shorter spellings); the signature and the library's claim checks
 * ({@link SignatureVerifier}: smallrye-jwt with the key given explicitly); then {@link ClaimsVerifier}.
 *
 * <p>Tokens that pass are remembered in a {@link ValidatedTokenCache} (unless {@code oauth.jwt.cache.max-size} is 0);
 * a repeated token is answered from it, see there for why that gives the answer a fresh validation would give.
 *
 * <p>Built once per application; thread-safe. Never throws anything but {@link TokenRejectedException}.
 */
public final class TokenValidator implements AutoCloseable {

    /** The longest token accepted, in characters: no decoding or JSON work is spent on larger input. */
    public static final int MAX_TOKEN_LENGTH = 8192;

    private static final Logger LOG = Logger.getLogger(TokenValidator.class.getName());
    private static final AtomicBoolean UNEXPECTED_LOGGED = new AtomicBoolean();

    private final OAuthJwtConfig config;
    private final KeySource keyCache;
    private final HeaderPolicy headerPolicy;
    private final ClaimsVerifier claimsVerifier;
    private final RolesReader rolesReader;
    private final SignatureVerifier signatureVerifier;
    private final JweDecryptor decryptor;
    private final Introspector introspector;
    private final ValidatedTokenCache<VerifiedToken> cache;
    private final Runnable onClose;
    private final Telemetry telemetry;

    /**
     * @param config the validated configuration
     * @param keyCache the keys of the Authorization Server
     * @param clock the clock for time claims and cache freshness
     * @param onClose releases what the keys need (their fetch threads) when the application stops
     */
    public TokenValidator(OAuthJwtConfig config, KeySource keyCache, Clock clock, Runnable onClose) {
        this(config, keyCache, Optional.empty(), Optional.empty(), clock, onClose, Telemetry.NONE);
    }

    /**
     * @param config the validated configuration
     * @param keyCache the keys of the Authorization Server
     * @param decryptor opens encrypted (JWE) tokens; empty when none are accepted
     * @param introspector asks the Authorization Server about tokens (RFC 7662); empty when the mode is off
     * @param clock the clock for time claims and cache freshness
     * @param onClose releases what the keys need (their fetch threads) when the application stops
     * @param telemetry where validation times and token-cache hits are reported
     */
    public TokenValidator(
            OAuthJwtConfig config,
            KeySource keyCache,
            Optional<JweDecryptor> decryptor,
            Optional<Introspector> introspector,
            Clock clock,
            Runnable onClose,
            Telemetry telemetry) {
        this.telemetry = telemetry;
        this.config = config;
        this.decryptor = decryptor.orElse(null);
        this.introspector = introspector.orElse(null);
        this.keyCache = keyCache;
        this.headerPolicy = new HeaderPolicy(config.algorithms(), config.profile());
        this.claimsVerifier = new ClaimsVerifier(config, clock);
        this.rolesReader = new RolesReader(config.rolesClaims());
        this.signatureVerifier = new SignatureVerifier(config, claimsVerifier);
        this.cache = config.cacheMaxSize() > 0
                ? new ValidatedTokenCache<>(config.cacheMaxSize(), config.cacheMaxAge(), clock)
                : null;
        this.onClose = onClose;
    }

    /** @return the configuration this validator enforces */
    public OAuthJwtConfig config() {
        return config;
    }

    /**
     * @param token the compact token from the {@code Authorization} header
     * @return the verified token
     * @throws TokenRejectedException with the failure to answer
     */
    public VerifiedToken validate(String token) throws TokenRejectedException {
        long start = System.nanoTime();
        try {
            return doValidate(token);
        } catch (TokenRejectedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError unexpected) {
            // only the type is logged: messages of the libraries underneath may quote the token
            LOG.log(
                    UNEXPECTED_LOGGED.compareAndSet(false, true) ? Level.WARNING : Level.FINE,
                    "Token validation failed unexpectedly with {0}; the request is answered 401",
                    unexpected.getClass().getName());
            throw new TokenRejectedException(Failure.INVALID_TOKEN);
        } finally {
            telemetry.validated(System.nanoTime() - start);
        }
    }

    /** @return the telemetry this validator and its keys report to */
    public Telemetry telemetry() {
        return telemetry;
    }

    /** @return a snapshot of the keys of the configured issuer, for the readiness check */
    public KeysState keysState() {
        return keyCache.state();
    }

    /** Starts a background JWKS fetch when no usable keys are held (and the cooldown allows); never waits. */
    public void fetchKeysIfMissing() {
        keyCache.fetchIfMissing();
    }

    /**
     * @param failure a 503 answer
     * @return seconds a client should wait before retrying
     */
    public long retryAfterSeconds(Failure failure) {
        return failure == Failure.INTROSPECTION_UNAVAILABLE && introspector != null
                ? introspector.retryAfterSeconds()
                : keyCache.retryAfterSeconds();
    }

    /** An introspected token: the answer's members go through the same claim rules as a JWT's ({@code iat} optional). */
    private VerifiedToken introspected(String token) throws TokenRejectedException {
        Map<String, Object> claims = introspector.introspect(token);
        claimsVerifier.verify(claims, false);
        String name = (String) claims.get(config.principalClaim());
        return new VerifiedToken(name, claims, rolesReader.read(claims));
    }

    private static boolean isCompactJws(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        return second > 0 && token.indexOf('.', second + 1) < 0;
    }

    /** @return the validated-token cache, or {@code null} when disabled */
    ValidatedTokenCache<VerifiedToken> cache() {
        return cache;
    }

    private VerifiedToken doValidate(String token) throws TokenRejectedException {
        if (token == null) {
            throw new TokenRejectedException(Failure.MALFORMED_TOKEN);
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new TokenRejectedException(Failure.TOKEN_TOO_LARGE);
        }
        if (introspector != null
                && (introspector.mode() == IntrospectionConfig.Mode.ALWAYS
                        || !(isCompactJws(token) || (decryptor != null && JweDecryptor.isJwe(token))))) {
            return introspected(token);
        }
        if (decryptor != null && JweDecryptor.isJwe(token)) {
            token = decryptor.decrypt(token); // nested JWT: the signed token inside goes through every check below
        }
        TokenDigest digest = cache == null ? null : cache.digest(token);
        if (digest != null) {
            VerifiedToken cached = cache.get(digest, keyCache);
            telemetry.tokenCache(cached != null);
            if (cached != null) {
                return cached;
            }
        }
        CompactJws jws = CompactJws.parse(token);
        HeaderPolicy.Checked header = headerPolicy.check(jws.header());
        JwsAlgorithm alg = header.alg();
        KeySource.Lookup lookup = keyCache.lookup(header.kid(), alg);
        if (lookup.status() == KeySource.Status.UNAVAILABLE) {
            throw new TokenRejectedException(Failure.KEYS_UNAVAILABLE);
        }
        if (lookup.status() == KeySource.Status.UNKNOWN) {
            throw new TokenRejectedException(Failure.UNVERIFIABLE);
        }
        if (alg.signatureLength() >= 0 && jws.signature().length != alg.signatureLength()) {
            throw new TokenRejectedException(Failure.UNVERIFIABLE);
        }
        ClaimsVerifier.verifyShapesTheLibraryReads(jws.claims());
        VerificationKey verifiedBy;
        BigDecimal exp;
        try {
            verifiedBy = signatureVerifier.verify(token, lookup.keys(), jws.claims());
        } catch (TokenRejectedException refused) {
            // only UNVERIFIABLE means that no signature held; any other answer comes after one held
            throw refused.failure() == Failure.UNVERIFIABLE ? refused : refused.signedBy(header.kid(), jws.claims());
        }
        try {
            exp = claimsVerifier.verify(jws.claims());
            Confirmation.of(jws.claims()); // a binding this extension cannot check is refused, never ignored
        } catch (TokenRejectedException claimsRefused) {
            throw claimsRefused.signedBy(header.kid(), jws.claims());
        }
        String name = (String) jws.claims().get(config.principalClaim());
        VerifiedToken verified = new VerifiedToken(name, jws.claims(), rolesReader.read(jws.claims()));
        if (digest != null) {
            cache.put(digest, verified, new KeyChoice(header.kid(), alg, verifiedBy, lookup.keySet()), exp);
        }
        return verified;
    }

    @Override
    public void close() {
        onClose.run();
    }
}
