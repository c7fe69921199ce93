package dev.oauthjwt.jaxrs.internal.keys;

import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import java.util.List;

/** Where the validator finds the keys of the Authorization Server: a fetched JWKS or local public keys. */
public interface KeySource {

    /** What a lookup found. */
    enum Status {
        FOUND,
        UNKNOWN,
        UNAVAILABLE
    }

    /**
     * The outcome of a lookup: the candidate keys (at most two) when found, and the key set they come from.
     *
     * @param status what was found
     * @param keys the candidate keys
     * @param keySet the key set they come from
     */
    record Lookup(Status status, List<VerificationKey> keys, KeySet keySet) {
        static final Lookup UNKNOWN = new Lookup(Status.UNKNOWN, List.of(), null);
        static final Lookup UNAVAILABLE = new Lookup(Status.UNAVAILABLE, List.of(), null);
    }

    /**
     * @param kid the token's {@code kid}, or {@code null}
     * @param alg the token's (allowed) algorithm
     * @return the keys that fit, or why there are none
     */
    Lookup lookup(String kid, JwsAlgorithm alg);

    /** @return the usable key set a cached verification is checked against, or {@code null} when none is */
    KeySet currentKeys();

    /** @return seconds until the keys may be fetched again, at least 1: the {@code Retry-After} of a 503 */
    long retryAfterSeconds();

    /** @return a snapshot of the keys and of their fetches, for the readiness check */
    KeysState state();

    /** Starts a background fetch when no usable keys are held (and the cooldown allows); never waits. */
    void fetchIfMissing();
}
