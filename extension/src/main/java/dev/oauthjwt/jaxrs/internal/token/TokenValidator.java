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
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Verifies one access token, in this order: strict compact-serialization parsing ({@link CompactJws}); the JOSE
 * header ({@link HeaderPolicy}); key selection by {@code kid} and algorithm (JWKS or local keys); the exact ECDSA signature
 * length of RFC 7518 §3.4 (the library also accepts shorter spellings); the signature and the library's claim checks
 * (smallrye-jwt, with the key given explicitly and 2048-bit RSA enforced); then {@link ClaimsVerifier}.
 *
 * <p>Tokens that pass are remembered in a {@link ValidatedTokenCache} (unless {@code oauth.jwt.cache.max-size} is 0);
 * a repeated token is answered from it, see there for why that gives the answer a fresh validation would give.
 *
 * <p>Built once per application; thread-safe. Never throws anything but {@link TokenRejectedException}.
 */
public final class TokenValidator implements AutoCloseable {

    /** The longest token accepted, in characters: no decoding or JSON work is spent on larger input. */
    public static final int MAX_TOKEN_LENGTH = 8192;

    private static final Set<Integer> SIGNATURE_PHASE_ERRORS = Set.of(ErrorCodes.SIGNATURE_INVALID,
            ErrorCodes.SIGNATURE_MISSING, ErrorCodes.INTEGRITY_MISSING, ErrorCodes.ENCRYPTION_MISSING);
    private static final Logger LOG = Logger.getLogger(TokenValidator.class.getName());
    private static final AtomicBoolean UNEXPECTED_LOGGED = new AtomicBoolean();

    private final OAuthJwtConfig config;
    private final KeySource keyCache;
    private final HeaderPolicy headerPolicy;
    private final ClaimsVerifier claimsVerifier;
    private final RolesReader rolesReader;
    private final DefaultJWTParser parser;
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
        this.rolesReader = new RolesReader(config.rolesClaim());
        this.parser = new DefaultJWTParser(libraryContext(config));
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
        VerificationKey verifiedBy = verifySignature(token, jws, lookup);
        BigDecimal exp = claimsVerifier.verify(jws.claims());
        String name = (String) jws.claims().get(config.principalClaim());
        VerifiedToken verified = new VerifiedToken(name, jws.claims(), rolesReader.read(jws.claims()));
        if (digest != null) {
            cache.put(digest, verified, new KeyChoice(header.kid(), alg, verifiedBy, lookup.keySet()), exp);
        }
        return verified;
    }

    /**
     * @return the candidate key whose signature check held
     * @throws TokenRejectedException {@link Failure#UNVERIFIABLE} when none held; when the library refused the claims
     *     of a token whose signature held, the failure of {@link ClaimsVerifier}, or {@link Failure#INVALID_TOKEN}
     */
    private VerificationKey verifySignature(String token, CompactJws jws, KeySource.Lookup lookup)
            throws TokenRejectedException {
        for (VerificationKey key : lookup.keys()) {
            try {
                parser.verify(token, key.publicKey());
                return key;
            } catch (ParseException e) {
                if (!isSignatureFailure(e)) {
                    claimsVerifier.verify(jws.claims()); // jose4j checks claims only after the signature held
                    throw new TokenRejectedException(Failure.INVALID_TOKEN);
                }
            }
        }
        throw new TokenRejectedException(Failure.UNVERIFIABLE);
    }

    /**
     * jose4j verifies every signature before it runs any claim validator, and smallrye-jwt's own checks run after
     * jose4j. So a failure is a claims failure (the signature held) when it is a validator's (no cause, no
     * signature error code), or carries no jose4j exception at all; anything else counts as a signature failure.
     */
    private static boolean isSignatureFailure(ParseException e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof InvalidJwtException invalid) {
                // validator failures carry no cause; processing failures wrap the exception that stopped them
                return invalid.getCause() != null || invalid.getErrorDetails().isEmpty()
                        || invalid.getErrorDetails().stream()
                                .anyMatch(error -> SIGNATURE_PHASE_ERRORS.contains(error.getErrorCode()));
            }
        }
        return false;
    }

    private static JWTAuthContextInfo libraryContext(OAuthJwtConfig config) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setIssuedBy(config.issuer());
        info.setExpectedAudience(config.audiences());
        info.setSignatureAlgorithm(config.algorithms().stream()
                .map(alg -> SignatureAlgorithm.fromAlgorithm(alg.name()))
                .collect(Collectors.toSet()));
        info.setClockSkew((int) config.clockSkew().getSeconds());
        info.setRelaxVerificationKeyValidation(false);
        info.setRequireNamedPrincipal(false);
        return info;
    }

    @Override
    public void close() {
        onClose.run();
    }
}
