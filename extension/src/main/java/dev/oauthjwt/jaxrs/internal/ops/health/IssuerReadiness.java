package dev.oauthjwt.jaxrs.internal.ops.health;

import dev.oauthjwt.jaxrs.internal.keys.KeysState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The readiness of one trusted issuer and the health data that shows it, under keys {@code issuer.<n>.*}: the issuer,
 * the state of its keys ({@code fresh}, {@code stale} within {@code stale-if-error}, or {@code none}), the key count,
 * their age, the time of the last successful fetch, and the last failure's kind from the closed
 * {@link dev.oauthjwt.jaxrs.internal.ops.FetchResult} vocabulary (with its time, and the HTTP status when the server
 * answered one). Never a URL of the key endpoint, never an exception text.
 */
final class IssuerReadiness {

    private IssuerReadiness() {}

    /**
     * Adds the data of one issuer to {@code data}.
     *
     * @param n the issuer's number, from 1
     * @param issuer the configured issuer
     * @param state the snapshot of its keys
     * @param now the time of the check
     * @return whether the issuer is ready (has usable keys)
     */
    static boolean describe(int n, String issuer, KeysState state, Instant now, Map<String, Object> data) {
        String prefix = "issuer." + n;
        data.put(prefix, issuer);
        data.put(prefix + ".state", !state.usable() ? "none" : state.fresh() ? "fresh" : "stale");
        data.put(prefix + ".keys", (long) state.keyCount());
        if (state.lastSuccess() != null) {
            data.put(prefix + ".last-success", state.lastSuccess().toString());
            data.put(
                    prefix + ".keys-age-seconds",
                    Math.max(0, Duration.between(state.lastSuccess(), now).toSeconds()));
        }
        if (state.lastFailure() != null) {
            data.put(prefix + ".last-failure", state.lastFailure().label());
            data.put(prefix + ".last-failure-at", state.lastFailureAt().toString());
            if (state.lastFailureStatus() != 0) {
                data.put(prefix + ".last-failure-status", (long) state.lastFailureStatus());
            }
        }
        return state.usable();
    }
}
