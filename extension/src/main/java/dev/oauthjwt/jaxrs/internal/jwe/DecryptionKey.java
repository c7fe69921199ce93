package dev.oauthjwt.jaxrs.internal.jwe;

import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;

/**
 * A private key that may decrypt access tokens: RSA (2048 to 8192 bits) or EC on P-256, P-384 or P-521.
 *
 * @param kid the key id from a JWKS, or {@code null} (PEM keys have none)
 * @param privateKey the key
 * @param curve the JOSE curve name of an EC key, {@code null} for RSA
 */
record DecryptionKey(String kid, PrivateKey privateKey, String curve) {

    /** @return whether this key can serve the key management algorithm {@code alg} */
    boolean serves(String alg) {
        return alg.startsWith("ECDH-ES")
                ? privateKey instanceof ECPrivateKey
                : alg.startsWith("RSA-OAEP") && !(privateKey instanceof ECPrivateKey);
    }

    @Override
    public String toString() {
        return "DecryptionKey[" + (kid == null ? "no kid" : kid) + ", " + privateKey.getAlgorithm() + "]";
    }
}
