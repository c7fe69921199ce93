package dev.oauthjwt.jaxrs.internal.token;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.keys.VerificationKey;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * The signature check, done by smallrye-jwt (jose4j underneath) with the candidate key given explicitly, 2048-bit RSA
 * enforced, and the library's own checks of issuer, audience, algorithm and lifetime as a second line behind
 * {@link ClaimsVerifier}.
 */
final class SignatureVerifier {

    private static final Set<Integer> SIGNATURE_PHASE_ERRORS = Set.of(
            ErrorCodes.SIGNATURE_INVALID,
            ErrorCodes.SIGNATURE_MISSING,
            ErrorCodes.INTEGRITY_MISSING,
            ErrorCodes.ENCRYPTION_MISSING);

    private final DefaultJWTParser parser;
    private final ClaimsVerifier claimsVerifier;

    SignatureVerifier(OAuthJwtConfig config, ClaimsVerifier claimsVerifier) {
        this.parser = new DefaultJWTParser(libraryContext(config));
        this.claimsVerifier = claimsVerifier;
    }

    /**
     * @param token the token, already strictly parsed
     * @param candidates the keys that may have signed it (at most two)
     * @param claims its payload, for the precise answer when the library refuses the claims
     * @return the candidate key whose signature check held
     * @throws TokenRejectedException {@link Failure#UNVERIFIABLE} when none held; when the library refused the claims
     *     of a token whose signature held, the failure of {@link ClaimsVerifier}, or {@link Failure#INVALID_TOKEN}
     */
    VerificationKey verify(String token, List<VerificationKey> candidates, Map<String, Object> claims)
            throws TokenRejectedException {
        for (VerificationKey key : candidates) {
            try {
                parser.verify(token, key.publicKey());
                return key;
            } catch (ParseException e) {
                if (!isSignatureFailure(e)) {
                    claimsVerifier.verify(claims); // jose4j checks claims only after the signature held
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
                return invalid.getCause() != null
                        || invalid.getErrorDetails().isEmpty()
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
        // one more second than configured: the library truncates fractional NumericDates (RFC 7519 §2 allows them),
        // so it could refuse a token that is still valid; ClaimsVerifier then applies the configured skew exactly
        info.setClockSkew((int) config.clockSkew().getSeconds() + 1);
        info.setRelaxVerificationKeyValidation(false);
        info.setRequireNamedPrincipal(false);
        return info;
    }
}
