package dev.oauthjwt.jaxrs.internal.keys;

import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import java.security.PublicKey;

/**
 * A public key from the JWKS that passed the admission rules of {@link JwkSetParser}.
 *
 * @param kid the key id, or {@code null} when the JWK has none
 * @param algorithm the JWK's {@code alg}, or {@code null} when it has none (then any algorithm of its type fits)
 * @param curve the JOSE curve name of an EC key ({@code P-256}, {@code P-384}, {@code P-521}), otherwise {@code null}
 * @param publicKey the key
 */
public record VerificationKey(String kid, JwsAlgorithm algorithm, String curve, PublicKey publicKey) {

    /** @return whether this key may verify a signature made with {@code alg} */
    public boolean fits(JwsAlgorithm alg) {
        return (algorithm == null || algorithm == alg) && alg.fits(publicKey, curve);
    }
}
