package dev.oauthjwt.jaxrs.internal.dpop;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;

/**
 * Remembers the DPoP proofs already accepted within the proof window, so that each is accepted once (RFC 9449 §11.1).
 * Implementations are bounded and fail closed: when they cannot answer, the proof is refused.
 */
public interface ReplayCache {

    /**
     * Records a proof atomically (put-if-absent).
     *
     * @param proofId the proof's identity: a digest of the proof key's thumbprint and the proof's {@code jti}
     * @throws TokenRejectedException {@link Failure#DPOP_PROOF_REPLAYED} when it was recorded before, within the
     *     window; {@link Failure#REPLAY_CACHE_UNAVAILABLE} when the cache cannot record it
     */
    void recordFirstUse(String proofId) throws TokenRejectedException;
}
