package dev.oauthjwt.jaxrs.internal.jose;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The JWS (IEEE P1363, {@code r || s}) form of ECDSA signatures: exact lengths per algorithm, and the canonical
 * "low-s" spelling used to identify a signature regardless of ECDSA malleability.
 *
 * <p>For any valid ECDSA signature {@code (r, s)}, {@code (r, n - s)} is valid too, over the same content and key
 * (catalogue #50). RFC 7518 does not require low-s and common signers (the JDK, OpenSSL) emit either, so both are
 * accepted; but they are the same signature for the validated-token cache, which keys on the low-s spelling.
 */
public final class EcdsaSignatures {

    private EcdsaSignatures() {}

    /**
     * Returns the signature bytes in a spelling shared by every malleated variant. A signature whose length is that of
     * an ES256, ES384 or ES512 signature (no accepted RSA key yields such short signatures: RSA keys have at least
     * 2048 bits, 256 bytes) gets {@code s} replaced by {@code min(s, n - s)}; any other signature is returned as is.
     *
     * @param signature the decoded signature
     * @return the canonical bytes, or {@code null} when {@code r} or {@code s} is outside [1, n-1] (never valid)
     */
    public static byte[] canonical(byte[] signature) {
        JwsAlgorithm ecdsa = JwsAlgorithm.ecdsaOfLength(signature.length).orElse(null);
        if (ecdsa == null) {
            return signature;
        }
        BigInteger n = ecdsa.curveOrder();
        int half = signature.length / 2;
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, half));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, half, signature.length));
        if (r.signum() == 0 || r.compareTo(n) >= 0 || s.signum() == 0 || s.compareTo(n) >= 0) {
            return null;
        }
        if (s.compareTo(n.shiftRight(1)) <= 0) {
            return signature;
        }
        byte[] canonical = Arrays.copyOf(signature, signature.length);
        byte[] low = n.subtract(s).toByteArray();
        Arrays.fill(canonical, half, canonical.length, (byte) 0);
        int copy = Math.min(low.length, half);
        System.arraycopy(low, low.length - copy, canonical, canonical.length - copy, copy);
        return canonical;
    }
}
