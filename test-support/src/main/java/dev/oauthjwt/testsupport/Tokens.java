package dev.oauthjwt.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * The token factory of the tests: a valid access token by default (header alg, typ {@code at+jwt}, kid; claims iss
 * {@value #ISSUER}, sub {@code alice}, aud {@value #AUDIENCE}, iat now, exp in 5 minutes, scope {@code read write},
 * role {@code admin}, groups {@code [users]}), to which a test applies exactly one deliberate defect. Other issuers,
 * audiences or claim sets are set with {@link #claim}; {@code claim(name, null)} removes a claim.
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

    /** @return a builder of a valid token signed by {@code keys}: RS256 for RSA keys, ES256 for EC keys */
    public static Tokens valid(TestKeys keys) {
        return new Tokens(keys, keys.pair().getPublic().getAlgorithm().equals("EC") ? "ES256" : "RS256");
    }

    public Tokens alg(String alg) {
        header.put("alg", alg);
        return this;
    }

    /** Sets a header parameter; {@code null} removes it. */
    public Tokens header(String name, Object value) {
        if (value == null) {
            header.remove(name);
        } else {
            header.put(name, value);
        }
        return this;
    }

    /** Sets a claim; {@code null} removes it. */
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

    /** Sets iat to now and exp to now plus {@code seconds} (negative: already expired). */
    public Tokens expiresIn(long seconds) {
        long now = Instant.now().getEpochSecond();
        claims.put("iat", now);
        claims.put("exp", now + seconds);
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
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return header.payload with the given raw JSON texts, and the signature of a properly signed token */
    public static String rawWithSignatureOf(String validToken, String headerJson, String payloadJson) {
        String signature = validToken.substring(validToken.lastIndexOf('.') + 1);
        return b64(headerJson) + "." + b64(payloadJson) + "." + signature;
    }

    public static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs raw header and payload JSON texts exactly as given (duplicates, odd numbers) with RS256 or ES256. */
    public static String signRaw(String headerJson, String payloadJson, TestKeys signer) {
        try {
            String input = b64(headerJson) + "." + b64(payloadJson);
            boolean ec = signer.pair().getPrivate().getAlgorithm().equals("EC");
            Signature signature = Signature.getInstance(ec ? "SHA256withECDSAinP1363Format" : "SHA256withRSA");
            signature.initSign(signer.pair().getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the JSON of this builder's header */
    public String headerJson() {
        return JsonUtil.toJson(header);
    }

    /** @return the JSON of this builder's claims */
    public String claimsJson() {
        return JsonUtil.toJson(claims);
    }
}
