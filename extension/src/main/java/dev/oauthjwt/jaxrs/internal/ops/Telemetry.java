package dev.oauthjwt.jaxrs.internal.ops;

import dev.oauthjwt.jaxrs.internal.Failure;

/**
 * The sink of operational measurements. The request path calls it once or twice per request, so implementations must
 * be cheap and must not block: increment pre-registered counters, nothing that allocates per label lookup.
 * {@link #NONE} is used when no metrics API is present.
 */
public interface Telemetry {

    /** Discards every measurement. */
    Telemetry NONE = new Telemetry() {};

    /** A request to a secured endpoint passed authentication and the endpoint's rules. */
    default void accepted() {}

    /** @param failure why a request to a secured endpoint was refused */
    default void refused(Failure failure) {}

    /** @param result how one JWKS fetch ended */
    default void jwksFetched(FetchResult result) {}

    /** @param hit whether the validated-token cache answered (a miss goes on with a full validation) */
    default void tokenCache(boolean hit) {}

    /** @param nanos how long one token validation took, accepted or not */
    default void validated(long nanos) {}
}
