package dev.oauthjwt.jaxrs.internal;

import java.util.Map;

/**
 * Signals that a request or token is rejected, with the {@link Failure} to answer. Carries no message text and no
 * stack trace: it is control flow on a path an attacker can drive, and must stay cheap and free of token data.
 *
 * <p>When the token's signature held before it was refused, the exception also carries the token's identifiers
 * ({@link TokenIds}), for the audit log only ({@link #signedBy}); otherwise they are {@code null}.
 */
public final class TokenRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Failure failure;
    private final TokenIds signed;

    /** @param failure the answer to send */
    public TokenRejectedException(Failure failure) {
        this(failure, null);
    }

    private TokenRejectedException(Failure failure, TokenIds signed) {
        super(failure.name(), null, false, false);
        this.failure = failure;
        this.signed = signed;
    }

    /**
     * @param kid the {@code kid} of the key whose signature held, or {@code null} when the token named none
     * @param claims the claims under that signature
     * @return the same refusal, for a token whose signature held
     */
    public TokenRejectedException signedBy(String kid, Map<String, Object> claims) {
        return new TokenRejectedException(failure, TokenIds.of(kid, claims));
    }

    /** @return the answer to send */
    public Failure failure() {
        return failure;
    }

    /** @return the identifiers of a token whose signature held, or {@code null} when it did not (or was not checked) */
    public TokenIds signed() {
        return signed;
    }
}
