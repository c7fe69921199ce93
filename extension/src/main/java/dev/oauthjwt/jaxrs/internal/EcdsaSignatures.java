package dev.oauthjwt.jaxrs.internal;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;

/**
 * The JWS (IEEE P1363, {@code r || s}) form of ECDSA signatures: exact lengths per algorithm, and the canonical
 * "low-s" spelling used to identify a signature regardless of ECDSA malleability.
 *
 * <p>For any valid ECDSA signature {@code (r, s)}, {@code (r, n - s)} is valid too, over the same content and key
 * (catalogue #50). RFC 7518 does not require low-s and common signers (the JDK, OpenSSL) emit either, so both are
 * accepted; but they are the same signature for the {@link ValidatedTokenCache}, which keys on the low-s spelling.
 */
final class EcdsaSignatures {

    private static final BigInteger P256_ORDER = order("secp256r1");
    private static final BigInteger P384_ORDER = order("secp384r1");
    private static final BigInteger P521_ORDER = order("secp521r1");

    private EcdsaSignatures() {
    }

    /**
     * @param alg a JWS algorithm
     * @return the exact signature length RFC 7518 §3.4 prescribes for an ES* algorithm, or -1 for other algorithms
     */
    static int requiredLength(String alg) {
        return switch (alg) {
            case "ES256" -> 64;
            case "ES384" -> 96;
            case "ES512" -> 132;
            default -> -1;
        };
    }

    /**
     * Returns the signature bytes in a spelling shared by every malleated variant. A signature whose length is that of
     * an ES256, ES384 or ES512 signature (no accepted RSA key yields such short signatures: RSA keys have at least
     * 2048 bits, 256 bytes) gets {@code s} replaced by {@code min(s, n - s)}; any other signature is returned as is.
     *
     * @param signature the decoded signature
     * @return the canonical bytes, or {@code null} when {@code r} or {@code s} is outside [1, n-1] (never valid)
     */
    static byte[] canonical(byte[] signature) {
        BigInteger n = switch (signature.length) {
            case 64 -> P256_ORDER;
            case 96 -> P384_ORDER;
            case 132 -> P521_ORDER;
            default -> null;
        };
        if (n == null) {
            return signature;
        }
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

    private static BigInteger order(String curve) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(curve));
            return parameters.getParameterSpec(ECParameterSpec.class).getOrder();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks the curve " + curve, e);
        }
    }
}
