package dev.oauthjwt.jaxrs.internal.keys;

import dev.oauthjwt.jaxrs.internal.ops.FetchResult;
import java.time.Instant;

/**
 * A snapshot of one key cache for the readiness check: whether requests can be verified now, and what the fetches
 * did. Holds no URL, key material or exception text.
 *
 * @param usable whether keys are held that requests may use (fresh, or stale within {@code stale-if-error})
 * @param fresh whether those keys are within their freshness
 * @param keyCount how many keys the usable set holds, 0 when none is usable
 * @param lastSuccess when keys were last fetched successfully, or {@code null} if never
 * @param lastFailure how the last failed fetch ended, or {@code null} if none failed
 * @param lastFailureAt when the last failed fetch ended, or {@code null}
 * @param lastFailureStatus the HTTP status of the last failed fetch, 0 when none was answered
 */
public record KeysState(
        boolean usable,
        boolean fresh,
        int keyCount,
        Instant lastSuccess,
        FetchResult lastFailure,
        Instant lastFailureAt,
        int lastFailureStatus) {}
