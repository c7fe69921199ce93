package dev.oauthjwt.sample.dev;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;

/**
 * DEVELOPMENT ONLY: the DPoP side of the {@link DevTokenIssuer}. It checks the DPoP proof a client sends to the token
 * endpoint (RFC 9449 §5: {@code typ}, signature by the {@code jwk} header, {@code htm} POST, {@code iat} within 5 min)
 * and yields the thumbprint the token is bound to. For {@code curl} users it also holds a demo client key (generated
 * at start) that the issuer signs proofs with on request: a real client never hands its key to anyone.
 */
final class DevDpopSupport {

    private final EllipticCurveJsonWebKey demoClientKey;

    DevDpopSupport() throws JoseException {
        this.demoClientKey = EcJwkGenerator.generateJwk(EllipticCurves.P256);
    }

    /** @return the RFC 7638 thumbprint of the demo client's key */
    String demoClientThumbprint() throws JoseException {
        return demoClientKey.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
    }

    /**
     * @param proof the {@code DPoP} header sent to the token endpoint
     * @return the thumbprint of the proof's key
     * @throws JoseException when the proof is not a valid DPoP proof for a POST made in the last 5 minutes
     */
    @SuppressWarnings("unchecked")
    String thumbprintOfTokenRequestProof(String proof) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(proof);
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(
                (Map<String, Object>) jws.getHeaders().getObjectHeaderValue("jwk"));
        jws.setKey(jwk.getPublicKey());
        JwtClaims claims;
        try {
            claims = JwtClaims.parse(jws.getPayload());
            long age = NumericDate.now().getValue() - claims.getIssuedAt().getValue();
            if (!jws.verifySignature()
                    || !"dpop+jwt".equals(jws.getHeader("typ"))
                    || !"POST".equals(claims.getStringClaimValue("htm"))
                    || Math.abs(age) > 300) {
                throw new JoseException("not a valid DPoP proof for the token request");
            }
        } catch (org.jose4j.jwt.MalformedClaimException
                | org.jose4j.jwt.consumer.InvalidJwtException
                | NullPointerException e) {
            throw new JoseException("not a valid DPoP proof for the token request");
        }
        return jwk.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
    }

    /** @return a proof signed by the demo client's key for this request and access token */
    String demoProof(String method, String uri, String accessToken) throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setStringClaim("htm", method);
        claims.setStringClaim("htu", uri);
        claims.setIssuedAtToNow();
        claims.setStringClaim("ath", ath(accessToken));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setHeader("typ", "dpop+jwt");
        jws.setJwkHeader(
                PublicJsonWebKey.Factory.newPublicJwk(demoClientKey.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
        jws.setKey(demoClientKey.getPrivateKey());
        return jws.getCompactSerialization();
    }

    private static String ath(String accessToken) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256")
                            .digest(accessToken.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
