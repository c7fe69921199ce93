package dev.oauthjwt.jaxrs.internal.token;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.config.TokenProfile;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The claim checks of an access token whose signature has been verified, beyond what the library does itself:
 * NumericDates that are positive JSON numbers up to 2^63-1 seconds (a fraction is allowed, RFC 7519 §2, and compared
 * exactly: it never rounds toward validity), {@code exp} and {@code iat} required, {@code iat} and {@code nbf} not in
 * the future, exact {@code iss}, {@code aud} with string elements only, a non-empty principal claim, required claims
 * present, non-null and non-empty, {@code scope} a string and {@code scp} a string or an array of strings. A token may
 * not live longer than the configured maximum. Under the RFC 9068 profile {@code aud} is required and {@code sub},
 * {@code client_id} and {@code jti} must be non-empty strings (§2.2). Every time check allows the configured clock skew and nothing more.
 */
final class ClaimsVerifier {

    /** The string claims RFC 9068 §2.2 requires beyond those required of every token. */
    private static final List<String> RFC9068_STRING_CLAIMS = List.of("sub", "client_id", "jti");

    /** Later NumericDates are refused as invalid rather than read as "never expires". */
    private static final BigDecimal LATEST_DATE = BigDecimal.valueOf(Long.MAX_VALUE);

    private final OAuthJwtConfig config;
    private final Clock clock;
    private final BigDecimal skew;
    private final BigDecimal maxLifetime;

    ClaimsVerifier(OAuthJwtConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.skew = BigDecimal.valueOf(config.clockSkew().getSeconds());
        this.maxLifetime = BigDecimal.valueOf(config.maxTokenLifetime().getSeconds());
    }

    /**
     * @param claims the verified payload
     * @return the token's {@code exp}
     * @throws TokenRejectedException with the first failing rule
     */
    BigDecimal verify(Map<String, Object> claims) throws TokenRejectedException {
        return verify(claims, true);
    }

    /**
     * @param claims the verified payload, or the answer of an introspection
     * @param issuedAtRequired whether {@code iat} must be present (RFC 7662 makes it optional in an introspection)
     * @return the token's {@code exp}
     * @throws TokenRejectedException with the first failing rule
     */
    BigDecimal verify(Map<String, Object> claims, boolean issuedAtRequired) throws TokenRejectedException {
        Instant instant = clock.instant();
        BigDecimal now = BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9));

        BigDecimal exp = numericDate(claims, "exp");
        BigDecimal iat = issuedAtRequired || claims.containsKey("iat") ? numericDate(claims, "iat") : null;
        BigDecimal nbf = claims.containsKey("nbf") ? numericDate(claims, "nbf") : null;
        if ((iat != null && iat.compareTo(exp) > 0) || (nbf != null && nbf.compareTo(exp) > 0)) {
            throw reject(Failure.INVALID_CLAIM);
        }
        if (now.subtract(skew).compareTo(exp) >= 0) {
            throw reject(Failure.EXPIRED);
        }
        BigDecimal latestStart = now.add(skew);
        if ((iat != null && iat.compareTo(latestStart) > 0) || (nbf != null && nbf.compareTo(latestStart) > 0)) {
            throw reject(Failure.NOT_YET_VALID);
        }
        if ((iat != null && exp.subtract(iat).compareTo(maxLifetime) > 0)
                || exp.subtract(now).compareTo(maxLifetime.add(skew)) > 0) {
            throw reject(Failure.LIFETIME_TOO_LONG);
        }
        if (!config.issuer().equals(claims.get("iss"))) {
            throw reject(
                    claims.get("iss") instanceof String || !claims.containsKey("iss")
                            ? Failure.WRONG_ISSUER
                            : Failure.INVALID_CLAIM);
        }
        if (config.profile() == TokenProfile.RFC9068 && !claims.containsKey("aud")) {
            throw reject(Failure.MISSING_CLAIM);
        }
        verifyAudience(claims.get("aud"));
        if (config.profile() == TokenProfile.RFC9068) {
            for (String required : RFC9068_STRING_CLAIMS) {
                Object value = claims.get(required);
                if (value == null || "".equals(value)) {
                    throw reject(Failure.MISSING_CLAIM);
                }
                if (!(value instanceof String)) {
                    throw reject(Failure.INVALID_CLAIM);
                }
            }
        }
        if (!(claims.get(config.principalClaim()) instanceof String name) || name.isEmpty()) {
            throw reject(Failure.MISSING_CLAIM);
        }
        for (String required : config.requiredClaims()) {
            Object value = claims.get(required);
            if (value == null || "".equals(value)) {
                throw reject(Failure.MISSING_CLAIM);
            }
        }
        if (claims.containsKey("scope") && !(claims.get("scope") instanceof String)) {
            throw reject(Failure.INVALID_CLAIM);
        }
        if (claims.containsKey("scp") && !(claims.get("scp") instanceof String) && !isStringList(claims.get("scp"))) {
            throw reject(Failure.INVALID_CLAIM);
        }
        return exp;
    }

    /**
     * The claims smallrye-jwt interprets while it verifies the signature, and casts without checking: {@code groups}
     * must be a string or an array of strings, {@code roleMappings} an object. Checked before the library sees the
     * token, so that such a token is refused by this rule rather than by a {@link ClassCastException} inside it.
     *
     * @param claims the payload, not yet verified
     * @throws TokenRejectedException {@link Failure#INVALID_CLAIM}
     */
    static void verifyShapesTheLibraryReads(Map<String, Object> claims) throws TokenRejectedException {
        Object groups = claims.get("groups");
        if (claims.containsKey("groups") && !(groups instanceof String) && !isStringList(groups)) {
            throw reject(Failure.INVALID_CLAIM);
        }
        if (claims.containsKey("roleMappings") && !(claims.get("roleMappings") instanceof Map)) {
            throw reject(Failure.INVALID_CLAIM);
        }
    }

    private void verifyAudience(Object aud) throws TokenRejectedException {
        if (aud instanceof String single) {
            if (config.audiences().contains(single)) {
                return;
            }
        } else if (aud instanceof List<?> list) {
            if (!isStringList(list)) {
                throw reject(Failure.INVALID_CLAIM);
            }
            for (Object element : list) {
                if (config.audiences().contains(element)) {
                    return;
                }
            }
        } else if (aud != null) {
            throw reject(Failure.INVALID_CLAIM);
        }
        throw reject(Failure.WRONG_AUDIENCE);
    }

    /** A NumericDate: a positive JSON number (integer or not) no later than {@link #LATEST_DATE}. */
    private static BigDecimal numericDate(Map<String, Object> claims, String name) throws TokenRejectedException {
        Object value = claims.get(name);
        if (value == null) {
            throw reject(Failure.MISSING_CLAIM);
        }
        BigDecimal seconds;
        if (value instanceof Long whole) {
            seconds = BigDecimal.valueOf(whole);
        } else if (value instanceof BigDecimal exact) {
            seconds = exact;
        } else {
            throw reject(Failure.INVALID_CLAIM);
        }
        if (seconds.signum() <= 0 || seconds.compareTo(LATEST_DATE) > 0) {
            throw reject(Failure.INVALID_CLAIM);
        }
        return seconds;
    }

    private static boolean isStringList(Object value) {
        return value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
    }

    private static TokenRejectedException reject(Failure failure) {
        return new TokenRejectedException(failure);
    }
}
