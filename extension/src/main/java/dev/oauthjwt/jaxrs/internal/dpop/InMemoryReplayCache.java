package dev.oauthjwt.jaxrs.internal.dpop;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default replay cache: in this JVM only (one per replica), bounded by {@code maxSize} entries. An entry is kept
 * for the whole time its proof could still be accepted: the proof window plus twice the clock skew, counted from
 * when it was recorded. Entries are kept in recording order, so their expiry times are ordered too and expired ones
 * are dropped from the head. When the cache is full of live entries a new proof is refused with 503 rather than
 * evicting an entry whose proof could then be replayed.
 */
public final class InMemoryReplayCache implements ReplayCache {

    private final Map<String, Long> expiryById = new LinkedHashMap<>();
    private final int maxSize;
    private final long retentionMillis;
    private final Clock clock;

    /**
     * @param maxSize the most proofs remembered at once
     * @param retention how long a recorded proof is remembered
     * @param clock the clock
     */
    public InMemoryReplayCache(int maxSize, Duration retention, Clock clock) {
        this.maxSize = maxSize;
        this.retentionMillis = retention.toMillis();
        this.clock = clock;
    }

    @Override
    public synchronized void recordFirstUse(String proofId) throws TokenRejectedException {
        long now = clock.millis();
        dropExpired(now);
        if (expiryById.containsKey(proofId)) {
            throw new TokenRejectedException(Failure.DPOP_PROOF_REPLAYED);
        }
        if (expiryById.size() >= maxSize) {
            throw new TokenRejectedException(Failure.REPLAY_CACHE_UNAVAILABLE);
        }
        expiryById.put(proofId, now + retentionMillis);
    }

    /** @return how many proofs are remembered now */
    synchronized int size() {
        dropExpired(clock.millis());
        return expiryById.size();
    }

    private void dropExpired(long now) {
        Iterator<Long> expiries = expiryById.values().iterator();
        while (expiries.hasNext() && expiries.next() <= now) {
            expiries.remove();
        }
    }
}
