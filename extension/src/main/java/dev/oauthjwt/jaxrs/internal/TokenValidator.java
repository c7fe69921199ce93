package dev.oauthjwt.jaxrs.internal;

import dev.oauthjwt.jaxrs.JwtPrincipal;
import dev.oauthjwt.jaxrs.config.OAuthJwtConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Verifies one access token, in this order: strict compact-serialization parsing; the JOSE header (allowed
 * {@code alg}, string {@code kid}, accepted {@code typ}, no {@code crit}, {@code b64}, {@code zip} or {@code cty});
 * key selection from the JWKS by {@code kid} and algorithm; the signature and the library's claim checks
 * (smallrye-jwt, with the key given explicitly and 2048-bit RSA enforced); then {@link ClaimsVerifier}. An ECDSA
 * signature must have exactly the length RFC 7518 §3.4 prescribes (the library also accepts shorter spellings).
 *
 * <p>Tokens that pass are remembered in a {@link ValidatedTokenCache} (unless {@code oauth.jwt.cache.max-size} is 0);
 * a repeated token is answered from it, see there for why that gives the answer a fresh validation would give.
 *
 * <p>Built once per application; thread-safe. Never throws anything but {@link TokenRejectedException}.
 */
public final class TokenValidator implements AutoCloseable {

    private static final Set<String> ACCEPTED_TYPES = Set.of("jwt", "at+jwt", "application/at+jwt");
    private static final Set<String> REFUSED_HEADERS = Set.of("crit", "b64", "zip", "cty", "enc");
    private static final Set<Integer> SIGNATURE_PHASE_ERRORS = Set.of(ErrorCodes.SIGNATURE_INVALID, ErrorCodes.SIGNATURE_MISSING, ErrorCodes.INTEGRITY_MISSING,
            ErrorCodes.ENCRYPTION_MISSING);
    private static final Logger LOG = Logger.getLogger(TokenValidator.class.getName());
    private static final AtomicBoolean UNEXPECTED_LOGGED = new AtomicBoolean();

    private final OAuthJwtConfig config;
    private final JwksKeyCache keyCache;
    private final ClaimsVerifier claimsVerifier;
    private final DefaultJWTParser parser;
    private final ValidatedTokenCache cache;
    private final AutoCloseable resources;

    TokenValidator(OAuthJwtConfig config, JwksKeyCache keyCache, Clock clock, AutoCloseable resources) {
        this.config = config;
        this.keyCache = keyCache;
        this.claimsVerifier = new ClaimsVerifier(config, clock);
        this.parser = new DefaultJWTParser(libraryContext(config));
        this.cache = config.cacheMaxSize() > 0
                ? new ValidatedTokenCache(config.cacheMaxSize(), config.cacheMaxAge(), clock)
                : null;
        this.resources = resources;
    }

    /**
     * Builds the validator of one application: its JWKS client (own daemon threads), key cache and parser.
     *
     * @param config the validated configuration
     * @param clock the clock for time claims and cache freshness
     * @return the validator; {@link #close()} it when the application stops
     */
    public static TokenValidator create(OAuthJwtConfig config, Clock clock) {
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "oauth-jwt-jwks");
            thread.setDaemon(true);
            return thread;
        });
        JwksFetcher fetcher = new JwksFetcher(config.jwksUri(), config.jwksTimeout(), executor);
        JwksKeyCache cache = new JwksKeyCache(fetcher, clock, config.jwksRefreshInterval(),
                config.jwksMinRefreshInterval(), config.jwksStaleIfError(), config.jwksTimeout());
        return new TokenValidator(config, cache, clock, executor::shutdownNow);
    }

    /** @return the configuration this validator enforces */
    public OAuthJwtConfig config() {
        return config;
    }

    /**
     * @param token the compact token from the {@code Authorization} header
     * @return the verified principal
     * @throws TokenRejectedException with the failure to answer
     */
    public JwtPrincipal validate(String token) throws TokenRejectedException {
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
    ValidatedTokenCache cache() {
        return cache;
    }

    private JwtPrincipal doValidate(String token) throws TokenRejectedException {
        if (token == null) {
            throw new TokenRejectedException(Failure.MALFORMED_TOKEN);
        }
        if (token.length() > BearerTokenExtractor.MAX_TOKEN_LENGTH) {
            // the same cap as the Authorization header: no decoding or JSON work on oversized input, whoever calls
            throw new TokenRejectedException(Failure.TOKEN_TOO_LARGE);
        }
        TokenDigest digest = cache == null ? null : cache.digest(token);
        if (digest != null) {
            JwtPrincipal cached = cache.get(digest, keyCache);
            if (cached != null) {
                return cached;
            }
        }
        CompactJws jws = CompactJws.parse(token);
        Map<String, Object> header = jws.header();
        if (!(header.get("alg") instanceof String alg) || !config.algorithms().contains(alg)) {
            throw new TokenRejectedException(Failure.UNVERIFIABLE);
        }
        Object kid = header.get("kid");
        if ((kid == null && header.containsKey("kid")) || (kid != null && !(kid instanceof String))) {
            throw new TokenRejectedException(Failure.MALFORMED_TOKEN);
        }
        for (String name : REFUSED_HEADERS) {
            if (header.containsKey(name)) {
                throw new TokenRejectedException(Failure.UNSUPPORTED_HEADER);
            }
        }
        Object typ = header.get("typ");
        boolean acceptedType = typ instanceof String t && ACCEPTED_TYPES.contains(t.toLowerCase(Locale.ROOT));
        if (header.containsKey("typ") && !acceptedType) {
            throw new TokenRejectedException(Failure.WRONG_TYPE);
        }

        JwksKeyCache.Lookup lookup = keyCache.lookup((String) kid, alg);
        if (lookup.status() == JwksKeyCache.Status.UNAVAILABLE) {
            throw new TokenRejectedException(Failure.KEYS_UNAVAILABLE);
        }
        if (lookup.status() == JwksKeyCache.Status.UNKNOWN) {
            throw new TokenRejectedException(Failure.UNVERIFIABLE);
        }
        int requiredLength = EcdsaSignatures.requiredLength(alg);
        if (requiredLength >= 0 && jws.signatureLength() != requiredLength) {
            throw new TokenRejectedException(Failure.UNVERIFIABLE);
        }
        boolean signatureVerified = false;
        VerificationKey verifiedBy = null;
        for (VerificationKey key : lookup.keys()) {
            try {
                parser.verify(token, key.publicKey());
                signatureVerified = true;
                verifiedBy = key;
                break;
            } catch (ParseException e) {
                if (!isSignatureFailure(e)) {
                    signatureVerified = true; // jose4j checks claims only after the signature held
                    claimsVerifier.verify(jws.claims());
                    throw new TokenRejectedException(Failure.INVALID_TOKEN);
                }
            }
        }
        if (!signatureVerified) {
            throw new TokenRejectedException(Failure.UNVERIFIABLE);
        }
        claimsVerifier.verify(jws.claims());
        String name = (String) jws.claims().get(config.principalClaim());
        JwtPrincipal principal = new JwtPrincipal(name, jws.claims(), config.rolesClaim());
        if (digest != null) {
            cache.put(digest, principal, verifiedBy, (String) kid, alg, lookup.keySet(), (Long) jws.claims().get("exp"));
        }
        return principal;
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
                .map(SignatureAlgorithm::fromAlgorithm)
                .collect(Collectors.toSet()));
        info.setClockSkew((int) config.clockSkew().getSeconds());
        info.setRelaxVerificationKeyValidation(false);
        info.setRequireNamedPrincipal(false);
        return info;
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception ignored) {
            // nothing left to release
        }
    }
}
