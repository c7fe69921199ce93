package dev.oauthjwt.jaxrs.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.JsonWebSignature;

/**
 * Mints test tokens: a valid access token by default (issuer, audience, sub, iat, exp, scope, role), to which a test
 * applies exactly one deliberate defect.
 */
public final class Tokens {

    public static final String ISSUER = "https://as.example.test";
    public static final String AUDIENCE = "api";

    private final TestKeys keys;
    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();

    private Tokens(TestKeys keys, String alg) {
        this.keys = keys;
        long now = Instant.now().getEpochSecond();
        header.put("alg", alg);
        header.put("typ", "at+jwt");
        header.put("kid", keys.kid());
        claims.put("iss", ISSUER);
        claims.put("sub", "alice");
        claims.put("aud", AUDIENCE);
        claims.put("iat", now);
        claims.put("exp", now + 300);
        claims.put("scope", "read write");
        claims.put("role", "admin");
        claims.put("groups", List.of("users"));
    }

    /** @return a builder of a valid RS256 token signed by {@code keys} */
    public static Tokens valid(TestKeys keys) {
        return new Tokens(keys, keys.pair().getPublic().getAlgorithm().equals("EC") ? "ES256" : "RS256");
    }

    public Tokens alg(String alg) {
        header.put("alg", alg);
        return this;
    }

    public Tokens header(String name, Object value) {
        if (value == null) {
            header.remove(name);
        } else {
            header.put(name, value);
        }
        return this;
    }

    public Tokens claim(String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return this;
    }

    /** Sets a claim to JSON null (present, null). */
    public Tokens nullClaim(String name) {
        claims.put(name, null);
        return this;
    }

    public String sign() {
        return signWith(keys);
    }

    /** Signs with another key, keeping this token's header (including its kid). */
    public String signWith(TestKeys signer) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(JsonUtil.toJson(claims));
            header.forEach((name, value) -> jws.getHeaders().setObjectHeaderValue(name, value));
            jws.setKey(signer.pair().getPrivate());
            jws.setDoKeyValidation(false);
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return header.payload with the given raw JSON texts, and the signature of a properly signed token */
    public static String rawWithSignatureOf(String validToken, String headerJson, String payloadJson) {
        String signature = validToken.substring(validToken.lastIndexOf('.') + 1);
        return b64(headerJson) + "." + b64(payloadJson) + "." + signature;
    }

    public static String b64(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Signs raw header and payload JSON texts exactly as given (duplicates, odd numbers) with RS256 or ES256. */
    public static String signRaw(String headerJson, String payloadJson, TestKeys signer) {
        try {
            String input = b64(headerJson) + "." + b64(payloadJson);
            boolean ec = signer.pair().getPrivate().getAlgorithm().equals("EC");
            java.security.Signature signature = java.security.Signature.getInstance(
                    ec ? "SHA256withECDSAinP1363Format" : "SHA256withRSA");
            signature.initSign(signer.pair().getPrivate());
            signature.update(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return input + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the JSON of this builder's header and claims */
    public String headerJson() {
        return JsonUtil.toJson(header);
    }

    public String claimsJson() {
        return JsonUtil.toJson(claims);
    }
}
