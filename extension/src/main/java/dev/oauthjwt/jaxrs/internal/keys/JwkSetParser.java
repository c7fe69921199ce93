package dev.oauthjwt.jaxrs.internal.keys;

import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import dev.oauthjwt.jaxrs.internal.jose.KeyChecks;
import dev.oauthjwt.jaxrs.internal.jose.StrictJson;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * Turns a JWKS document into the keys that may verify access tokens. A key is admitted only when it is an RSA key of
 * 2048 to 8192 bits with a sane exponent, or an EC key on P-256, P-384 or P-521 whose point lies on the curve; its
 * {@code use} is absent or {@code sig}; its {@code key_ops}, if any, include {@code verify}; its {@code alg}, if any,
 * is an asymmetric JWS algorithm. Symmetric ({@code oct}) keys and entries that are not understood are skipped
 * (RFC 7517 §5); at most {@link #MAX_KEYS} keys are kept.
 */
final class JwkSetParser {

    static final int MAX_KEYS = 100;

    private JwkSetParser() {}

    /**
     * @param json the JWKS document
     * @return the admitted keys, never empty
     * @throws IllegalArgumentException when the document is not a JWKS or holds no admissible key
     */
    static List<VerificationKey> parse(byte[] json) {
        Map<String, Object> document;
        try {
            document = StrictJson.parseObject(json);
        } catch (StrictJson.MalformedJsonException e) {
            throw new IllegalArgumentException("not a strict JSON object");
        }
        if (!(document.get("keys") instanceof List<?> entries)) {
            throw new IllegalArgumentException("no keys array");
        }
        List<VerificationKey> keys = new ArrayList<>();
        for (Object entry : entries) {
            if (keys.size() == MAX_KEYS) {
                break;
            }
            if (entry instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                VerificationKey key = admit((Map<String, Object>) map);
                if (key != null) {
                    keys.add(key);
                }
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no usable signature key");
        }
        return List.copyOf(keys);
    }

    private static VerificationKey admit(Map<String, Object> jwk) {
        Object kid = jwk.get("kid");
        Object use = jwk.get("use");
        Object keyOps = jwk.get("key_ops");
        Object alg = jwk.get("alg");
        if ((kid != null && !(kid instanceof String))
                || (use != null && !"sig".equals(use))
                || (keyOps != null && !(keyOps instanceof List<?> ops && ops.contains("verify")))
                || (alg != null && JwsAlgorithm.named(alg).isEmpty())) {
            return null;
        }
        Object kty = jwk.get("kty");
        if (!"RSA".equals(kty) && !"EC".equals(kty)) {
            return null;
        }
        try {
            JsonWebKey parsed = JsonWebKey.Factory.newJwk(jwk);
            JwsAlgorithm only = alg == null ? null : JwsAlgorithm.named(alg).orElseThrow();
            if (parsed instanceof RsaJsonWebKey rsa && KeyChecks.isSoundRsa(rsa.getRsaPublicKey())) {
                return new VerificationKey((String) kid, only, null, rsa.getRsaPublicKey());
            }
            if (parsed instanceof EllipticCurveJsonWebKey ec
                    && JwsAlgorithm.isSupportedCurve(ec.getCurveName())
                    && KeyChecks.isOnCurve(ec.getECPublicKey())) {
                return new VerificationKey((String) kid, only, ec.getCurveName(), ec.getECPublicKey());
            }
        } catch (Exception unusable) {
            // skipped, as RFC 7517 §5 asks for members that are not understood
        }
        return null;
    }

    /**
     * The admission rules of a JWK applied to a key that came without one (a PEM public key).
     *
     * @return the key, or {@code null} when it is not admitted
     */
    static VerificationKey admit(java.security.PublicKey key) {
        if (key instanceof RSAPublicKey rsa && KeyChecks.isSoundRsa(rsa)) {
            return new VerificationKey(null, null, null, rsa);
        }
        if (key instanceof ECPublicKey ec) {
            String curve = org.jose4j.keys.EllipticCurves.getName(ec.getParams().getCurve());
            if (curve != null && JwsAlgorithm.isSupportedCurve(curve) && KeyChecks.isOnCurve(ec)) {
                return new VerificationKey(null, null, curve, ec);
            }
        }
        return null;
    }
}
