package dev.oauthjwt.jaxrs.internal;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * A public key taken from the JWKS that passed the admission rules of {@link JwkSetParser}.
 *
 * @param kid the key id, or {@code null} when the JWK has none
 * @param algorithm the JWK's {@code alg}, or {@code null} when it has none
 * @param curve the JOSE curve name of an EC key ({@code P-256}, {@code P-384}, {@code P-521}), otherwise {@code null}
 * @param publicKey the key
 */
record VerificationKey(String kid, String algorithm, String curve, PublicKey publicKey) {

    /** @return whether this key may verify a signature made with the JWS algorithm {@code alg} */
    boolean fits(String alg) {
        if (algorithm != null && !algorithm.equals(alg)) {
            return false;
        }
        if (alg.startsWith("RS") || alg.startsWith("PS")) {
            return publicKey instanceof RSAPublicKey;
        }
        if (publicKey instanceof ECPublicKey) {
            return switch (alg) {
                case "ES256" -> "P-256".equals(curve);
                case "ES384" -> "P-384".equals(curve);
                case "ES512" -> "P-521".equals(curve);
                default -> false;
            };
        }
        return false;
    }
}
