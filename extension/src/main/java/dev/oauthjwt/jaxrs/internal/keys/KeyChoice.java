package dev.oauthjwt.jaxrs.internal.keys;

import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;

/**
 * The key that verified a token, with what selected it: the token's {@code kid} and {@code alg}, and the key set it
 * was found in.
 *
 * @param kid the token's {@code kid}, or {@code null}
 * @param alg the token's algorithm
 * @param key the verifying key
 * @param keySet the key set the key was selected from
 */
public record KeyChoice(String kid, JwsAlgorithm alg, VerificationKey key, KeySet keySet) {

    /**
     * @param current the key set in use now
     * @return whether {@code current} still selects the same key for the same {@code kid} and {@code alg}
     */
    public boolean stillSelectedBy(KeySet current) {
        return current == keySet || current.find(kid, alg).contains(key);
    }
}
