package dev.oauthjwt.jaxrs.internal.keys;

import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One immutable snapshot of admitted JWKS keys, indexed by {@code kid} for O(1) lookup.
 *
 * @param keys the admitted keys in document order
 * @param freshUntil when a background refresh becomes due
 */
public record KeySet(List<VerificationKey> keys, Instant freshUntil, Map<String, List<VerificationKey>> byKid) {

    static final int MAX_CANDIDATES = 2;

    KeySet(List<VerificationKey> keys, Instant freshUntil) {
        this(List.copyOf(keys), freshUntil, index(keys));
    }

    /**
     * Selects the keys that may verify a token. With a {@code kid}, only keys with exactly that id (case-sensitive)
     * that fit the algorithm, at most {@link #MAX_CANDIDATES}. Without one, the single key of the set if it fits.
     */
    public List<VerificationKey> find(String kid, JwsAlgorithm alg) {
        if (kid == null) {
            return keys.size() == 1 && keys.get(0).fits(alg) ? keys : List.of();
        }
        List<VerificationKey> candidates = new ArrayList<>(MAX_CANDIDATES);
        for (VerificationKey key : byKid.getOrDefault(kid, List.of())) {
            if (key.fits(alg) && candidates.size() < MAX_CANDIDATES) {
                candidates.add(key);
            }
        }
        return candidates;
    }

    private static Map<String, List<VerificationKey>> index(List<VerificationKey> keys) {
        Map<String, List<VerificationKey>> byKid = new HashMap<>();
        for (VerificationKey key : keys) {
            if (key.kid() != null) {
                byKid.computeIfAbsent(key.kid(), k -> new ArrayList<>(1)).add(key);
            }
        }
        byKid.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(byKid);
    }
}
