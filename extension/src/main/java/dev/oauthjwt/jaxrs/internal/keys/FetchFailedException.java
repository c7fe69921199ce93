package dev.oauthjwt.jaxrs.internal.keys;

import dev.oauthjwt.jaxrs.internal.ops.FetchResult;

/**
 * Why a fetch of the JWKS failed, in the closed vocabulary of {@link FetchResult}, with the HTTP status when the
 * server answered one. Carries no message text (nothing of the URL or the body) and no stack trace.
 */
final class FetchFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FetchResult result;
    private final int status;

    FetchFailedException(FetchResult result, int status) {
        super(result.label(), null, false, false);
        this.result = result;
        this.status = status;
    }

    FetchResult result() {
        return result;
    }

    /** @return the HTTP status the server answered, or 0 */
    int status() {
        return status;
    }
}
