package dev.oauthjwt.jaxrs.support;

import dev.oauthjwt.testsupport.TestKeys;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.HashUtil;

/**
 * Mints DPoP proofs (RFC 9449 §4.2) the way a client does: a fresh {@code jti}, {@code iat} now, {@code htm},
 * {@code htu}, {@code ath} of the access token, the public key in the {@code jwk} header, signed by the client's key
 * (generated at test start). A test applies exactly one deliberate defect.
 */
public final class DpopProofs {

    private final TestKeys key;
    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();

    private DpopProofs(TestKeys key, String method, URI uri, String accessToken) {
        this.key = key;
        boolean ec = key.pair().getPublic().getAlgorithm().equals("EC");
        header.put("typ", "dpop+jwt");
        header.put("alg", ec ? "ES256" : "PS256");
        Map<String, Object> jwk = key.publicJwk();
        jwk.remove("kid");
        header.put("jwk", jwk);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("htm", method);
        claims.put("htu", uri.toString());
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("ath", ath(accessToken));
    }

    /** @return a valid proof builder for a request with this method, URI (no query) and access token */
    public static DpopProofs of(TestKeys key, String method, URI uri, String accessToken) {
        return new DpopProofs(key, method, uri, accessToken);
    }

    /** @return the RFC 7638 thumbprint of the key's public JWK, for the token's {@code cnf.jkt} */
    public static String thumbprint(TestKeys key) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(key.pair().getPublic())
                    .calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the {@code cnf} claim binding a token to the key */
    public static Map<String, Object> cnf(TestKeys key) {
        return Map.of("jkt", thumbprint(key));
    }

    /** @return base64url(SHA-256(token)) */
    public static String ath(String accessToken) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return b64(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public DpopProofs header(String name, Object value) {
        put(header, name, value);
        return this;
    }

    public DpopProofs claim(String name, Object value) {
        put(claims, name, value);
        return this;
    }

    /** Adds (or, with {@code null}, removes) a member of the {@code jwk} header. */
    @SuppressWarnings("unchecked")
    public DpopProofs jwkMember(String name, Object value) {
        put((Map<String, Object>) header.get("jwk"), name, value);
        return this;
    }

    /** Puts another key's public JWK in the header (the signature stays this key's). */
    public DpopProofs jwkOf(TestKeys other) {
        Map<String, Object> jwk = other.publicJwk();
        jwk.remove("kid");
        header.put("jwk", jwk);
        return this;
    }

    /** @return the compact proof, signed by this builder's key with its {@code alg} (PS256, RS256, ES256, ES384) */
    public String sign() {
        String input = b64(JsonUtil.toJson(header).getBytes(StandardCharsets.UTF_8)) + "."
                + b64(JsonUtil.toJson(claims).getBytes(StandardCharsets.UTF_8));
        try {
            String alg = (String) header.get("alg");
            Signature signature = switch (alg) {
                case "ES256" -> Signature.getInstance("SHA256withECDSAinP1363Format");
                case "ES384" -> Signature.getInstance("SHA384withECDSAinP1363Format");
                case "RS256" -> Signature.getInstance("SHA256withRSA");
                default -> {
                    Signature pss = Signature.getInstance("RSASSA-PSS");
                    pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                    yield pss;
                }
            };
            signature.initSign(key.pair().getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the proof with {@code alg} HS256, MACed with a key the attacker chose */
    public String signHs256(byte[] secret) {
        header.put("alg", "HS256");
        String input = b64(JsonUtil.toJson(header).getBytes(StandardCharsets.UTF_8)) + "."
                + b64(JsonUtil.toJson(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the proof with {@code alg} none and the signature of a properly signed one (never empty) */
    public String unsignedWithNone() {
        String signed = sign();
        header.put("alg", "none");
        return b64(JsonUtil.toJson(header).getBytes(StandardCharsets.UTF_8)) + "."
                + b64(JsonUtil.toJson(claims).getBytes(StandardCharsets.UTF_8))
                + signed.substring(signed.lastIndexOf('.'));
    }

    /** @return the private JWK members of the key (d, and p, q … for RSA), to leak into the header */
    public Map<String, Object> privateMembers() {
        try {
            Map<String, Object> full = JsonUtil.parseJson(
                    PublicJsonWebKey.Factory.newPublicJwk(key.pair().getPublic())
                            .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            PublicJsonWebKey withPrivate = PublicJsonWebKey.Factory.newPublicJwk(full);
            withPrivate.setPrivateKey(key.pair().getPrivate());
            Map<String, Object> all =
                    JsonUtil.parseJson(withPrivate.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            all.keySet().removeAll(full.keySet());
            return all;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(Map<String, Object> map, String name, Object value) {
        if (value == null) {
            map.remove(name);
        } else {
            map.put(name, value);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
