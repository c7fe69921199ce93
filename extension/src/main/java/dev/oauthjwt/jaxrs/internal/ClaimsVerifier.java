package dev.oauthjwt.jaxrs.internal;

import dev.oauthjwt.jaxrs.config.OAuthJwtConfig;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The claim checks of an access token whose signature has been verified, beyond what the library does itself:
 * strict JSON types for every time claim (no string, floating point or out-of-range value, so that {@code 1e400}
 * never becomes "never expires"), {@code exp} and {@code iat} required, {@code iat} and {@code nbf} not in the future,
 * exact {@code iss}, {@code aud} with string elements only, a non-empty principal claim, and required claims that are
 * present, non-null and non-empty. A token may not live longer than the configured maximum. All time checks allow the configured clock skew and nothing more.
 */
final class ClaimsVerifier {

    private final OAuthJwtConfig config;
    private final Clock clock;

    ClaimsVerifier(OAuthJwtConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** @throws TokenRejectedException with the first failing rule */
    void verify(Map<String, Object> claims) throws TokenRejectedException {
        long now = clock.instant().getEpochSecond();
        long skew = config.clockSkew().getSeconds();

        long exp = numericDate(claims, "exp", true);
        long iat = numericDate(claims, "iat", true);
        Long nbf = claims.containsKey("nbf") ? numericDate(claims, "nbf", true) : null;
        if (iat > exp || (nbf != null && nbf > exp)) {
            throw reject(Failure.INVALID_CLAIM);
        }
        if (now - skew >= exp) {
            throw reject(Failure.EXPIRED);
        }
        if (iat > now + skew || (nbf != null && nbf > now + skew)) {
            throw reject(Failure.NOT_YET_VALID);
        }
        long maxLifetime = config.maxTokenLifetime().getSeconds();
        if (exp - iat > maxLifetime || exp - now > maxLifetime + skew) {
            throw reject(Failure.LIFETIME_TOO_LONG);
        }
        if (!config.issuer().equals(claims.get("iss"))) {
            throw reject(claims.get("iss") instanceof String || !claims.containsKey("iss")
                    ? Failure.WRONG_ISSUER : Failure.INVALID_CLAIM);
        }
        verifyAudience(claims.get("aud"));
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

    /** A NumericDate must be a positive JSON integer (parsed as {@link Long}); anything else is invalid. */
    private static long numericDate(Map<String, Object> claims, String name, boolean required)
            throws TokenRejectedException {
        Object value = claims.get(name);
        if (value == null) {
            throw reject(required ? Failure.MISSING_CLAIM : Failure.INVALID_CLAIM);
        }
        if (!(value instanceof Long seconds) || seconds <= 0) {
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
