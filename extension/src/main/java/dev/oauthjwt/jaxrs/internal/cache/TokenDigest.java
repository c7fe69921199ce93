package dev.oauthjwt.jaxrs.internal.cache;

/**
 * A SHA-256 digest used as the key of the {@link ValidatedTokenCache}: 32 bytes held as four longs, so that equality
 * and hashing allocate nothing. The token itself is never kept.
 */
public final class TokenDigest {

    private final long a;
    private final long b;
    private final long c;
    private final long d;

    private TokenDigest(long a, long b, long c, long d) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
    }

    /** @param sha256 a 32-byte digest */
    public static TokenDigest of(byte[] sha256) {
        return new TokenDigest(word(sha256, 0), word(sha256, 8), word(sha256, 16), word(sha256, 24));
    }

    private static long word(byte[] bytes, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenDigest o && a == o.a && b == o.b && c == o.c && d == o.d;
    }

    @Override
    public int hashCode() {
        return (int) (a ^ (a >>> 32));
    }

    @Override
    public String toString() {
        return "TokenDigest[" + Long.toHexString(a) + "…]";
    }
}
