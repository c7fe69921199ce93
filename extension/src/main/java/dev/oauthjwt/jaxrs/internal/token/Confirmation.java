package dev.oauthjwt.jaxrs.internal.token;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.jose.Base64Url;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The key or certificate an access token is bound to, read from its {@code cnf} claim (RFC 7800): {@code jkt}, the
 * RFC 7638 thumbprint of a DPoP key (RFC 9449 §6.1), or {@code x5t#S256}, the SHA-256 thumbprint of a client
 * certificate (RFC 8705 §3.1). Each is 43 characters of base64url (a SHA-256 digest). {@code cnf} must hold exactly
 * one member that is a confirmation method of the IANA "JWT Confirmation Methods" registry, and it must be one of
 * these two: any other form (not an object, no method, two methods, another method such as {@code jwk}) is a binding
 * this extension cannot check, so the token is refused rather than accepted as a plain bearer token. Other members
 * are not confirmation methods and are ignored (RFC 7800 §3.1 lets {@code cnf} carry them): Keycloak 26 adds
 * {@code "kc-jkt-type": "DPoP"} next to {@code jkt}.
 *
 * @param type how the token is bound
 * @param thumbprint the bound key's or certificate's thumbprint, {@code null} for {@link Type#BEARER}
 */
public record Confirmation(Type type, String thumbprint) {

    /** The claim name. */
    public static final String CLAIM = "cnf";

    private static final Confirmation NONE = new Confirmation(Type.BEARER, null);
    private static final int SHA256_THUMBPRINT_LENGTH = 43;
    /** The registered confirmation methods (IANA "JWT Confirmation Methods": RFC 7800, RFC 8705, RFC 9449, RFC 9203). */
    private static final Set<String> CONFIRMATION_METHODS =
            Set.of("jwk", "jwe", "kid", "jku", "x5t#S256", "jkt", "osc");

    /** How an access token is bound to its client; the names are the token types resources see. */
    public enum Type {
        /** Not bound: whoever holds it may use it. */
        BEARER("Bearer"),
        /** Bound to a DPoP key ({@code cnf.jkt}). */
        DPOP("DPoP"),
        /** Bound to a client certificate ({@code cnf.x5t#S256}). */
        MTLS("mTLS");

        private final String tokenType;

        Type(String tokenType) {
            this.tokenType = tokenType;
        }

        /** @return {@code Bearer}, {@code DPoP} or {@code mTLS} */
        public String tokenType() {
            return tokenType;
        }
    }

    /**
     * @param claims the token's claims
     * @return the token's binding
     * @throws TokenRejectedException {@link Failure#UNSUPPORTED_CONFIRMATION} for a {@code cnf} claim that is not
     *     exactly one confirmation method, a well-formed {@code jkt} or {@code x5t#S256}
     */
    public static Confirmation of(Map<String, Object> claims) throws TokenRejectedException {
        if (!claims.containsKey(CLAIM)) {
            return NONE;
        }
        if (!(claims.get(CLAIM) instanceof Map<?, ?> cnf)) {
            throw new TokenRejectedException(Failure.UNSUPPORTED_CONFIRMATION);
        }
        List<?> methods =
                cnf.keySet().stream().filter(CONFIRMATION_METHODS::contains).toList();
        if (methods.size() != 1) {
            throw new TokenRejectedException(Failure.UNSUPPORTED_CONFIRMATION);
        }
        Object method = methods.get(0);
        Type type = "jkt".equals(method) ? Type.DPOP : "x5t#S256".equals(method) ? Type.MTLS : null;
        Object thumbprint = cnf.get(method);
        if (type == null || !(thumbprint instanceof String text) || !isSha256Thumbprint(text)) {
            throw new TokenRejectedException(Failure.UNSUPPORTED_CONFIRMATION);
        }
        return new Confirmation(type, text);
    }

    /** @return the binding of claims that passed validation (which checked {@code cnf}), {@link Type#BEARER} else */
    static Confirmation ofVerified(Map<String, Object> claims) {
        try {
            return of(claims);
        } catch (TokenRejectedException notChecked) {
            return NONE;
        }
    }

    private static boolean isSha256Thumbprint(String text) {
        if (text.length() != SHA256_THUMBPRINT_LENGTH) {
            return false;
        }
        return Base64Url.decodeCanonical(text) != null;
    }
}
