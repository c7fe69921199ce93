package dev.oauthjwt.jaxrs.internal;

import java.util.Map;

/**
 * Signals that a request or token is rejected, with the {@link Failure} to answer. Carries no message text and no
 * stack trace: it is control flow on a path an attacker can drive, and must stay cheap and free of token data.
 *
 * <p>When the token's signature held before it was refused, the exception also carries the {@code kid} and the
 * verified claims, for the audit log only ({@link #signedBy}); otherwise both are {@code null}.
 */
public final class TokenRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Failure failure;
    private final String kid;
    private final transient Map<String, Object> signedClaims;

    /** @param failure the answer to send */
    public TokenRejectedException(Failure failure) {
        this(failure, null, null);
    }

    private TokenRejectedException(Failure failure, String kid, Map<String, Object> signedClaims) {
        super(failure.name(), null, false, false);
        this.failure = failure;
        this.kid = kid;
        this.signedClaims = signedClaims;
    }

    /**
     * @param kid the {@code kid} of the key whose signature held, or {@code null} when the token named none
     * @param claims the claims under that signature
     * @return the same refusal, for a token whose signature held
     */
    public TokenRejectedException signedBy(String kid, Map<String, Object> claims) {
        return new TokenRejectedException(failure, kid, claims);
    }

    /** @return the answer to send */
    public Failure failure() {
        return failure;
    }

    /** @return the {@code kid} of a token whose signature held, or {@code null} */
    public String kid() {
        return kid;
    }

    /** @return the claims of a token whose signature held, or {@code null} when it did not (or was not checked) */
    public Map<String, Object> signedClaims() {
        return signedClaims;
    }
}
