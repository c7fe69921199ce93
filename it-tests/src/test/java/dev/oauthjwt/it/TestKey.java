package dev.oauthjwt.it;

import java.util.UUID;
import java.util.function.Consumer;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** An RSA signing key generated at test start (never stored) and the tokens it signs. */
record TestKey(RsaJsonWebKey jwk) {

    static final String ISSUER = "https://issuer.it.test";
    static final String AUDIENCE = "sample-api";

    static TestKey generate() {
        try {
            RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(2048);
            jwk.setKeyId("it-" + UUID.randomUUID());
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            jwk.setUse("sig");
            return new TestKey(jwk);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    String kid() {
        return jwk.getKeyId();
    }

    /** @return a valid token (5 min) for subject {@code alice} with this scope and role, adjusted by {@code custom} */
    String token(String scope, String role, Consumer<JwtClaims> custom) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject("alice");
        claims.setIssuedAtToNow();
        NumericDate exp = NumericDate.now();
        exp.addSeconds(300);
        claims.setExpirationTime(exp);
        claims.setGeneratedJwtId();
        if (scope != null) {
            claims.setClaim("scope", scope);
        }
        if (role != null) {
            claims.setClaim("role", role);
        }
        custom.accept(claims);
        return sign(claims.toJson(), kid());
    }

    String token(String scope, String role) {
        return token(scope, role, c -> {});
    }

    /** Signs with this key but names another key id in the header. */
    String sign(String payload, String kidHeader) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setKey(jwk.getPrivateKey());
        jws.setKeyIdHeaderValue(kidHeader);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "at+jwt");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
