package dev.oauthjwt.jaxrs.internal.jose;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;

/**
 * The check that an EC public key's point lies on its curve. A key that does not is refused wherever one is read (a
 * JWKS, an ECDH-ES ephemeral key): with such a point, ECDH leaks bits of the private key (invalid-curve attack).
 */
public final class EcPoints {

    private EcPoints() {}

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
}
