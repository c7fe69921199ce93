package dev.oauthjwt.it;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;

/**
 * A DPoP client (RFC 9449 §4.2) built on jose4j, independent of the extension's code: an EC P-256 key generated at
 * test start, and a fresh ES256 proof per request with {@code jti}, {@code htm}, {@code htu}, {@code iat} and the
 * {@code ath} of the access token, its public key in the {@code jwk} header.
 *
 * @param key the client's key pair as a JWK
 */
record DpopClient(EllipticCurveJsonWebKey key) {

    static DpopClient generate() {
        try {
            return new DpopClient(EcJwkGenerator.generateJwk(EllipticCurves.P256));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the RFC 7638 thumbprint of the public key, for the token's {@code cnf.jkt} */
    String thumbprint() {
        return key.calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
    }

    /**
     * @param accessToken the token the proof goes with, or {@code null} for a proof to a token endpoint (no {@code ath})
     * @return a proof for this method, URI (its query is left out, as RFC 9449 §4.2 says) and access token
     */
    String proof(String method, URI uri, String accessToken) {
        JwtClaims claims = new JwtClaims();
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setStringClaim("htm", method);
        claims.setStringClaim("htu", uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath());
        claims.setIssuedAtToNow();
        if (accessToken != null) {
            claims.setStringClaim("ath", ath(accessToken));
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setHeader("typ", "dpop+jwt");
        try {
            jws.setJwkHeader(
                    PublicJsonWebKey.Factory.newPublicJwk(key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
            jws.setKey(key.getPrivateKey());
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    static String ath(String accessToken) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
