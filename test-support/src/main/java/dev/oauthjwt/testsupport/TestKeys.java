package dev.oauthjwt.testsupport;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The key factory of the tests: a signing key pair generated when asked for (RSA 2048 by default, EC P-256, P-384 or
 * P-521), with its kid and its public JWK. Nothing is stored.
 */
public final class TestKeys {

    private final String kid;
    private final KeyPair pair;
    private final PublicJsonWebKey jwk;
    private final String algorithm;

    private TestKeys(String kid, KeyPair pair, PublicJsonWebKey jwk, String algorithm) {
        this.kid = kid;
        this.pair = pair;
        this.jwk = jwk;
        this.algorithm = algorithm;
        jwk.setKeyId(kid);
    }

    /** @return a new RSA 2048 key pair (RS256) */
    public static TestKeys rsa(String kid) {
        return rsa(kid, 2048);
    }

    /** @return a new RSA key pair of this size (RS256), e.g. a too short one */
    public static TestKeys rsa(String kid, int bits) {
        KeyPair pair = generate("RSA", bits, null);
        return new TestKeys(kid, pair, new RsaJsonWebKey((RSAPublicKey) pair.getPublic()), "RS256");
    }

    /** @param curve {@code P-256}, {@code P-384} or {@code P-521} (or a JCA curve name) */
    public static TestKeys ec(String kid, String curve) {
        String jcaCurve = switch (curve) {
            case "P-256" -> "secp256r1";
            case "P-384" -> "secp384r1";
            case "P-521" -> "secp521r1";
            default -> curve;
        };
        String algorithm = switch (curve) {
            case "P-384" -> "ES384";
            case "P-521" -> "ES512";
            default -> "ES256";
        };
        KeyPair pair = generate("EC", 0, new ECGenParameterSpec(jcaCurve));
        return new TestKeys(kid, pair, new EllipticCurveJsonWebKey((ECPublicKey) pair.getPublic()), algorithm);
    }

    private static KeyPair generate(String type, int bits, ECGenParameterSpec curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
            if (curve != null) {
                generator.initialize(curve);
            } else {
                generator.initialize(bits);
            }
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String kid() {
        return kid;
    }

    public KeyPair pair() {
        return pair;
    }

    /** @return the JWS algorithm this key is meant for: RS256, or ES256/ES384/ES512 by curve */
    public String algorithm() {
        return algorithm;
    }

    /** @return the public JWK (kty, kid and key members only) as a mutable map, to add or change members */
    public Map<String, Object> publicJwk() {
        try {
            return JsonUtil.parseJson(jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the public JWK as Authorization Servers usually publish it: with {@code use} sig and its {@code alg} */
    public Map<String, Object> signingJwk() {
        Map<String, Object> published = publicJwk();
        published.put("use", "sig");
        published.put("alg", algorithm);
        return published;
    }
}
