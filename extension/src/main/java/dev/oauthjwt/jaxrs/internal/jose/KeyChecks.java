package dev.oauthjwt.jaxrs.internal.jose;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;

/**
 * The soundness checks of a public key, wherever one is read (a JWKS, local keys, a DPoP proof's {@code jwk}, an ECDH-ES
 * ephemeral key): an EC point must lie on its curve (otherwise ECDH leaks bits of the private key: invalid-curve
 * attack), and an RSA key must have 2048 to 8192 bits, an odd modulus and a sane exponent.
 */
public final class KeyChecks {

    private KeyChecks() {}

    /**
     * @param key an EC public key over a prime field
     * @return whether its affine coordinates are in [0, p) and satisfy y² = x³ + ax + b (mod p)
     */
    public static boolean isOnCurve(ECPublicKey key) {
        EllipticCurve curve = key.getParams().getCurve();
        if (!(curve.getField() instanceof ECFieldFp field)) {
            return false;
        }
        BigInteger p = field.getP();
        ECPoint w = key.getW();
        if (w == ECPoint.POINT_INFINITY) {
            return false;
        }
        BigInteger x = w.getAffineX();
        BigInteger y = w.getAffineY();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right =
                x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return left.equals(right);
    }

    /**
     * @param key an RSA public key
     * @return whether its modulus is odd with 2048 to 8192 bits and its exponent odd, above 1 and at most 64 bits
     */
    public static boolean isSoundRsa(RSAPublicKey key) {
        BigInteger n = key.getModulus();
        BigInteger e = key.getPublicExponent();
        return n.bitLength() >= 2048
                && n.bitLength() <= 8192
                && n.testBit(0)
                && e.testBit(0)
                && e.compareTo(BigInteger.ONE) > 0
                && e.bitLength() <= 64;
    }
}
