package dev.oauthjwt.jaxrs.internal.token;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.cache.TokenDigest;
import dev.oauthjwt.jaxrs.internal.cache.ValidatedTokenCache;
import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.jose.CompactJws;
import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import dev.oauthjwt.jaxrs.internal.keys.KeySource;
import dev.oauthjwt.jaxrs.internal.keys.KeyChoice;
import dev.oauthjwt.jaxrs.internal.keys.VerificationKey;
import java.math.BigDecimal;
import java.time.Clock;
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
    private final ValidatedTokenCache<VerifiedToken> cache;
    private final Runnable onClose;

    /**
     * @param config the validated configuration
     * @param keyCache the keys of the Authorization Server
     * @param clock the clock for time claims and cache freshness
     * @param onClose releases what the keys need (their fetch threads) when the application stops
     */
    public TokenValidator(OAuthJwtConfig config, KeySource keyCache, Clock clock, Runnable onClose) {
        this.config = config;
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
        try {
            return doValidate(token);
        } catch (TokenRejectedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError unexpected) {
            // only the type is logged: messages of the libraries underneath may quote the token
            LOG.log(UNEXPECTED_LOGGED.compareAndSet(false, true) ? Level.WARNING : Level.FINE,
                    "Token validation failed unexpectedly with {0}; the request is answered 401",
                    unexpected.getClass().getName());
            throw new TokenRejectedException(Failure.INVALID_TOKEN);
        }
    }

    /** @return seconds a client should wait before retrying after {@link Failure#KEYS_UNAVAILABLE} */
    public long retryAfterSeconds() {
        return keyCache.retryAfterSeconds();
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
        TokenDigest digest = cache == null ? null : cache.digest(token);
        if (digest != null) {
            VerifiedToken cached = cache.get(digest, keyCache);
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
        VerificationKey verifiedBy = signatureVerifier.verify(token, lookup.keys(), jws.claims());
        BigDecimal exp = claimsVerifier.verify(jws.claims());
        Confirmation.of(jws.claims()); // a binding this extension cannot check is refused, never ignored
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
