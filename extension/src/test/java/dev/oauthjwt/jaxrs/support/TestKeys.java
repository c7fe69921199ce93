package dev.oauthjwt.jaxrs.support;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

/** A signing key pair generated at test start, with its kid and its public JWK. */
public final class TestKeys {

    private final String kid;
    private final KeyPair pair;
    private final PublicJsonWebKey jwk;

    private TestKeys(String kid, KeyPair pair, PublicJsonWebKey jwk) {
        this.kid = kid;
        this.pair = pair;
        this.jwk = jwk;
    }

    public static TestKeys rsa(String kid) {
        return rsa(kid, 2048);
    }

    public static TestKeys rsa(String kid, int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            KeyPair pair = generator.generateKeyPair();
            RsaJsonWebKey jwk = new RsaJsonWebKey((java.security.interfaces.RSAPublicKey) pair.getPublic());
            jwk.setKeyId(kid);
            return new TestKeys(kid, pair, jwk);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static TestKeys ec(String kid, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(switch (curve) {
                case "P-256" -> "secp256r1";
                case "P-384" -> "secp384r1";
                case "P-521" -> "secp521r1";
                default -> curve;
            }));
            KeyPair pair = generator.generateKeyPair();
            EllipticCurveJsonWebKey jwk = new EllipticCurveJsonWebKey((java.security.interfaces.ECPublicKey) pair.getPublic());
            jwk.setKeyId(kid);
            return new TestKeys(kid, pair, jwk);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String kid() {
        return kid;
    }

    public KeyPair pair() {
        return pair;
    }

    /** @return the public JWK as a mutable map, to add or change members such as use or alg */
    public Map<String, Object> publicJwk() {
        try {
            return JsonUtil.parseJson(jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
