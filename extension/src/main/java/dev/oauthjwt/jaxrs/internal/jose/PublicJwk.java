package dev.oauthjwt.jaxrs.internal.jose;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * A public JWK that a client sends inside a signed object (the {@code jwk} header of a DPoP proof): an RSA key of 2048
 * to 8192 bits with a sane exponent, or an EC key on P-256, P-384 or P-521 whose point lies on the curve, with no
 * private or symmetric member. Also computes its RFC 7638 thumbprint.
 *
 * @param key the public key
 * @param curve the JOSE curve name of an EC key, {@code null} for RSA
 * @param thumbprint the base64url RFC 7638 SHA-256 thumbprint
 */
public record PublicJwk(PublicKey key, String curve, String thumbprint) {

    /** Members that only a private or symmetric JWK has (RFC 7518 §6.2.2, §6.3.2, §6.4). */
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    /** Members that point at keys elsewhere; a proof key must be self-contained. */
    private static final Set<String> REMOTE_MEMBERS = Set.of("x5u", "x5c", "jku");

    /**
     * @param jwk the JWK members, as the strict JSON parser returned them
     * @return the key, or empty when the JWK has a private member, is not a sound RSA or EC public key, or its
     *     thumbprint members are not plain strings
     */
    public static Optional<PublicJwk> parse(Map<String, Object> jwk) {
        if (PRIVATE_MEMBERS.stream().anyMatch(jwk::containsKey)
                || REMOTE_MEMBERS.stream().anyMatch(jwk::containsKey)) {
            return Optional.empty();
        }
        Object kty = jwk.get("kty");
        List<String> members = "RSA".equals(kty)
                ? List.of("e", "kty", "n")
                : "EC".equals(kty) ? List.of("crv", "kty", "x", "y") : null;
        if (members == null || !members.stream().allMatch(name -> isPlain(jwk.get(name)))) {
            return Optional.empty();
        }
        try {
            JsonWebKey parsed = JsonWebKey.Factory.newJwk(jwk);
            String thumbprint = thumbprint(jwk, members);
            if (parsed instanceof RsaJsonWebKey rsa && KeyChecks.isSoundRsa(rsa.getRsaPublicKey())) {
                return Optional.of(new PublicJwk(rsa.getRsaPublicKey(), null, thumbprint));
            }
            if (parsed instanceof EllipticCurveJsonWebKey ec
                    && JwsAlgorithm.isSupportedCurve(ec.getCurveName())
                    && KeyChecks.isOnCurve(ec.getECPublicKey())) {
                return Optional.of(new PublicJwk(ec.getECPublicKey(), ec.getCurveName(), thumbprint));
            }
        } catch (Exception unusable) {
            // not a key this extension can use; the caller answers with its fixed failure
        }
        return Optional.empty();
    }

    /**
     * RFC 7638 §3: the required members in lexicographic order, no whitespace, SHA-256, base64url. The members are
     * base64url or curve names ({@link #isPlain}), so none needs JSON escaping.
     */
    private static String thumbprint(Map<String, Object> jwk, List<String> members) {
        StringBuilder json = new StringBuilder("{");
        for (String name : members) {
            json.append(json.length() > 1 ? "," : "")
                    .append('"')
                    .append(name)
                    .append("\":\"")
                    .append(jwk.get(name))
                    .append('"');
        }
        json.append('}');
        return Base64Url.encode(sha256(json.toString().getBytes(StandardCharsets.US_ASCII)));
    }

    /** @return the SHA-256 digest of the bytes */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static boolean isPlain(Object value) {
        return value instanceof String s
                && !s.isEmpty()
                && s.length() <= 2048
                && s.chars().allMatch(c -> Base64Url.isAlphabet((char) c));
    }
}
