package dev.oauthjwt.jaxrs.internal.cache;

import dev.oauthjwt.jaxrs.internal.jose.Base64Url;
import dev.oauthjwt.jaxrs.internal.jose.EcdsaSignatures;
import dev.oauthjwt.jaxrs.internal.keys.KeyChoice;
import dev.oauthjwt.jaxrs.internal.keys.KeySet;
import dev.oauthjwt.jaxrs.internal.keys.KeySource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded memory of tokens that passed every check of the token validator, so that a repeated token skips
 * parsing and signature verification. Endpoint rules (scopes, claim rules) are not part of it: the filter applies them
 * to the returned principal on every request.
 *
 * <p><b>Key.</b> SHA-256 over the token's signing input ({@code header.payload}, exactly as sent) and its decoded
 * signature in canonical form ({@link EcdsaSignatures#canonical}: the low-s spelling of an ECDSA signature). Entries
 * are only added for tokens that passed strict parsing (the compact JWS parser); a lookup decodes the signature segment
 * with the same strict decoder, and any other spelling of the header or payload (padding, junk, non-canonical
 * base64url) is a different signing input, hence a miss that goes through strict parsing and is rejected there. The
 * high-s twin of an ECDSA signature (catalogue #50) finds the entry of the original: it is the same signature over the
 * same content, never a second entry. The token string itself is neither kept nor logged.
 *
 * <p><b>Lifetime.</b> An entry answers only while all of these hold, otherwise it is dropped and the token is
 * validated afresh:
 * <ul>
 *   <li>now is before the token's {@code exp} — the clock skew is not applied, so a cached token is never accepted
 *       later than a fresh validation would accept it;</li>
 *   <li>now is within {@code max-age} of the validation (and not before it, should the clock step back);</li>
 *   <li>the key set in use still selects the verifying key for the token's {@code kid} and {@code alg}: a key that
 *       left the JWKS (or a kid-less token whose JWKS gained a second key) invalidates the entry at the next lookup
 *       after the key set changed.</li>
 * </ul>
 * Every other check of a fresh validation either depends only on the token and the (fixed) configuration, or becomes
 * easier to pass as time goes by ({@code iat}/{@code nbf} not in the future, maximum remaining lifetime).
 *
 * <p><b>Bound.</b> At most {@code maxSize} entries. A full cache first drops expired entries, then an arbitrary tenth
 * (the digests are uniformly distributed, so this is random eviction). Lookups are lock-free; additions, which
 * follow a full signature verification anyway, take a lock so that the bound holds exactly.
 */
public final class ValidatedTokenCache<T> {

    /** One verified token; {@code keySet} is the key set its key was last seen in (refreshed on lookup). */
    private static final class Entry<T> {
        final T token;
        final KeyChoice choice;
        final long validatedAt;
        final long notAfter;
        volatile KeySet keySet;

        Entry(T token, KeyChoice choice, long validatedAt, long notAfter) {
            this.token = token;
            this.choice = choice;
            this.keySet = choice.keySet();
            this.validatedAt = validatedAt;
            this.notAfter = notAfter;
        }
    }

    private final ConcurrentHashMap<TokenDigest, Entry<T>> entries;
    private final int maxSize;
    private final long maxAgeMillis;
    private final Clock clock;
    private final ThreadLocal<Hashing> hashing = ThreadLocal.withInitial(Hashing::new);

    /** Per-thread state of {@link #digest}, so that a cache hit copies no part of the token. */
    private static final class Hashing {
        final MessageDigest sha256 = newSha256();
        final byte[] chunk = new byte[512];
        final byte[] sha256Value = new byte[32];
    }

    /**
     * @param maxSize the most entries kept, at least 1
     * @param maxAge the longest stay of an entry
     * @param clock the clock of validations
     */
    public ValidatedTokenCache(int maxSize, Duration maxAge, Clock clock) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be positive");
        }
        this.maxSize = maxSize;
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
        this.entries = new ConcurrentHashMap<>(Math.min(maxSize, 1024));
    }

    /**
     * @param token the token as received
     * @return its cache key, or {@code null} when the token cannot be a cached one (its signature segment is not
     *     canonical base64url, or its header and payload contain characters outside base64url)
     */
    public TokenDigest digest(String token) {
        int lastDot = token.lastIndexOf('.');
        if (lastDot <= 0) {
            return null;
        }
        byte[] signature = Base64Url.decodeCanonical(token, lastDot + 1, token.length());
        byte[] canonical = signature == null ? null : EcdsaSignatures.canonical(signature);
        if (canonical == null) {
            return null;
        }
        Hashing hashing = this.hashing.get();
        MessageDigest md = hashing.sha256;
        md.reset();
        md.update((byte) (lastDot >>> 24));
        md.update((byte) (lastDot >>> 16));
        md.update((byte) (lastDot >>> 8));
        md.update((byte) lastDot);
        byte[] chunk = hashing.chunk;
        int filled = 0;
        for (int i = 0; i < lastDot; i++) {
            char c = token.charAt(i);
            if (c != '.' && !Base64Url.isAlphabet(c)) {
                return null;
            }
            chunk[filled++] = (byte) c; // ASCII: the bytes of the signing input
            if (filled == chunk.length) {
                md.update(chunk, 0, filled);
                filled = 0;
            }
        }
        md.update(chunk, 0, filled);
        md.update(canonical);
        try {
            md.digest(hashing.sha256Value, 0, hashing.sha256Value.length);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 digest of 32 bytes failed", e);
        }
        return TokenDigest.of(hashing.sha256Value);
    }

    /**
     * @param digest the token's key
     * @param keyCache the application's keys, consulted for the presence of the verifying key
     * @return the token of a still-valid entry, or {@code null} (the token must be validated afresh)
     */
    public T get(TokenDigest digest, KeySource keyCache) {
        Entry<T> entry = entries.get(digest);
        if (entry == null) {
            return null;
        }
        long now = clock.millis();
        if (now >= entry.notAfter || now < entry.validatedAt) {
            entries.remove(digest, entry);
            return null;
        }
        KeySet current = keyCache.currentKeys();
        if (current == null) {
            return null; // keys unusable: the fresh path decides (503 or a fetch)
        }
        if (current != entry.keySet) {
            if (!entry.choice.stillSelectedBy(current)) {
                entries.remove(digest, entry);
                return null;
            }
            entry.keySet = current;
        }
        return entry.token;
    }

    /**
     * Remembers a token that passed every check.
     *
     * @param digest the token's key
     * @param token the verified token
     * @param choice the key that verified it
     * @param expiresAt the token's {@code exp}, in epoch seconds (a fraction counts: the entry ends no later)
     */
    public void put(TokenDigest digest, T token, KeyChoice choice, BigDecimal expiresAt) {
        long now = clock.millis();
        long expiresAtMillis =
                expiresAt.movePointRight(3).setScale(0, RoundingMode.FLOOR).longValueExact();
        long notAfter = Math.min(expiresAtMillis, now + maxAgeMillis);
        if (notAfter <= now) {
            return; // valid only thanks to the clock skew: never cached
        }
        Entry<T> entry = new Entry<>(token, choice, now, notAfter);
        synchronized (this) {
            if (!entries.containsKey(digest) && entries.size() >= maxSize) {
                evict(now);
            }
            entries.put(digest, entry);
        }
    }

    /** @return the number of entries */
    public int size() {
        return entries.size();
    }

    private void evict(long now) {
        entries.values().removeIf(e -> now >= e.notAfter || now < e.validatedAt);
        int target = maxSize - Math.max(1, maxSize / 10);
        Iterator<TokenDigest> it = entries.keySet().iterator();
        while (entries.size() > target && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }
}
