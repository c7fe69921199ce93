package dev.oauthjwt.jaxrs.internal;

/**
 * Signals that a request or token is rejected, with the {@link Failure} to answer. Carries no message text and no
 * stack trace: it is control flow on a path an attacker can drive, and must stay cheap and free of token data.
 */
public final class TokenRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Failure failure;

    /** @param failure the answer to send */
    public TokenRejectedException(Failure failure) {
        super(failure.name(), null, false, false);
        this.failure = failure;
    }

    /** @return the answer to send */
    public Failure failure() {
        return failure;
    }
}
