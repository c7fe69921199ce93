package dev.oauthjwt.jaxrs.internal.keys;

import dev.oauthjwt.jaxrs.internal.ops.FetchResult;
import dev.oauthjwt.jaxrs.internal.ops.Telemetry;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

/**
 * What the JWKS fetches of one key cache did: the time of the last success, the kind, time and HTTP status of the
 * last failure. Reports every outcome to the {@link Telemetry}. Guarded by the owning cache's lock.
 */
final class FetchHistory {

    private final Telemetry telemetry;
    private Instant lastSuccess;
    private FetchResult lastFailure;
    private Instant lastFailureAt;
    private int lastFailureStatus;

    FetchHistory(Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    void succeeded(Instant at) {
        lastSuccess = at;
        telemetry.jwksFetched(FetchResult.OK);
    }

    /** @return the kind of failure, as recorded */
    FetchResult failed(Instant at, Throwable failure) {
        FetchResult kind = FetchResult.REFUSED;
        int status = 0;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            FetchResult found = classify(t);
            if (found != null) {
                kind = found;
                status = t instanceof FetchFailedException fetch ? fetch.status() : 0;
                break;
            }
        }
        lastFailure = kind;
        lastFailureStatus = status;
        lastFailureAt = at;
        telemetry.jwksFetched(kind);
        return kind;
    }

    /**
     * @return the kind of failure {@code t} stands for, or {@code null} when it says nothing (a wrapper); the outermost
     *     telling exception wins, so that a connect timeout wrapping a socket error counts as a timeout
     */
    static FetchResult classify(Throwable t) {
        if (t instanceof FetchFailedException fetch) {
            return fetch.result();
        }
        if (t instanceof TimeoutException || t instanceof HttpTimeoutException) {
            return FetchResult.TIMEOUT;
        }
        if (t instanceof IllegalArgumentException) {
            return FetchResult.BAD_DOCUMENT; // JwkSetParser: not a JWKS, or no admissible key
        }
        if (t instanceof IOException) {
            return FetchResult.REFUSED;
        }
        return null;
    }

    KeysState state(KeySet usable, boolean fresh) {
        return new KeysState(
                usable != null,
                usable != null && fresh,
                usable == null ? 0 : usable.keys().size(),
                lastSuccess,
                lastFailure,
                lastFailureAt,
                lastFailureStatus);
    }
}
