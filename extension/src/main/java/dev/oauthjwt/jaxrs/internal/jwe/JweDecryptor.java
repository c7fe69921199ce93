package dev.oauthjwt.jaxrs.internal.jwe;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.jose.Base64Url;
import dev.oauthjwt.jaxrs.internal.jose.KeyChecks;
import dev.oauthjwt.jaxrs.internal.jose.StrictJson;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Opens an encrypted access token (JWE compact serialization, RFC 7516 §7.1) and returns the signed JWT inside it,
 * which then goes through every check of a plain signed token. Before jose4j sees the token: five segments of
 * canonical base64url, a strict JSON header with an accepted {@code alg} and {@code enc}, {@code cty} {@code JWT}
 * (nested JWT only: an encrypted-only token has no signature), no {@code zip} (no decompression of attacker data),
 * no {@code crit}, no {@code p2c}/{@code p2s}, and for ECDH-ES an ephemeral public key on the curve of our key
 * (invalid-curve attack) without private members.
 */
public final class JweDecryptor {

    private static final Set<String> REFUSED_MEMBERS = Set.of("zip", "crit", "p2c", "p2s", "jku", "x5u");

    private final DecryptionConfig config;
    private final AlgorithmConstraints algorithms;
    private final AlgorithmConstraints encryptionMethods;

    /** @param config the keys and algorithms read at deployment */
    public JweDecryptor(DecryptionConfig config) {
        this.config = config;
        this.algorithms = new AlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT, config.algorithms().toArray(String[]::new));
        this.encryptionMethods = new AlgorithmConstraints(
                AlgorithmConstraints.ConstraintType.PERMIT,
                config.encryptionMethods().toArray(String[]::new));
    }

    /**
     * @param token a token text
     * @return whether it has the five segments of a JWE compact serialization
     */
    public static boolean isJwe(String token) {
        return token.chars().filter(c -> c == '.').count() == 4;
    }

    /**
     * @param token a JWE in compact serialization
     * @return the signed JWT it carries, not yet verified
     * @throws TokenRejectedException {@link Failure#MALFORMED_TOKEN}, {@link Failure#UNSUPPORTED_HEADER} or
     *     {@link Failure#UNDECRYPTABLE}
     */
    public String decrypt(String token) throws TokenRejectedException {
        String[] segments = token.split("\\.", -1);
        if (segments.length != 5) {
            throw new TokenRejectedException(Failure.MALFORMED_TOKEN);
        }
        Map<String, Object> header = header(segments);
        String alg = (String) header.get("alg");
        DecryptionKey key = select(header.get("kid"), alg, header.get("epk"));
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmConstraints(algorithms);
        jwe.setContentEncryptionAlgorithmConstraints(encryptionMethods);
        try {
            jwe.setCompactSerialization(token);
            jwe.setKey(key.privateKey());
            String inner = jwe.getPlaintextString();
            if (inner == null || inner.chars().filter(c -> c == '.').count() != 2) {
                throw new TokenRejectedException(Failure.MALFORMED_TOKEN); // not a signed JWT
            }
            return inner;
        } catch (JoseException | RuntimeException e) {
            throw new TokenRejectedException(Failure.UNDECRYPTABLE);
        }
    }

    private Map<String, Object> header(String[] segments) throws TokenRejectedException {
        for (int i = 0; i < segments.length; i++) {
            boolean mayBeEmpty = i == 1; // the encrypted key is empty for direct key agreement (ECDH-ES)
            if ((segments[i].isEmpty() && !mayBeEmpty) || Base64Url.decodeCanonical(segments[i]) == null) {
                throw new TokenRejectedException(Failure.MALFORMED_TOKEN);
            }
        }
        Map<String, Object> header;
        try {
            header = StrictJson.parseObject(Base64Url.decodeCanonical(segments[0]));
        } catch (StrictJson.MalformedJsonException e) {
            throw new TokenRejectedException(Failure.MALFORMED_TOKEN);
        }
        if (!(header.get("alg") instanceof String alg)
                || !config.algorithms().contains(alg)
                || !(header.get("enc") instanceof String enc)
                || !config.encryptionMethods().contains(enc)
                || !(header.get("cty") instanceof String cty)
                || !cty.equalsIgnoreCase("JWT")
                || REFUSED_MEMBERS.stream().anyMatch(header::containsKey)
                || (header.containsKey("kid") && !(header.get("kid") instanceof String))) {
            throw new TokenRejectedException(Failure.UNSUPPORTED_HEADER);
        }
        return header;
    }

    /**
     * The one key for {@code kid}, else the one key without id of the right type; checked against the ephemeral key
     * of ECDH-ES.
     */
    private DecryptionKey select(Object kid, String alg, Object epk) throws TokenRejectedException {
        List<DecryptionKey> fitting = config.keys().stream()
                .filter(key -> key.serves(alg) && kid != null && kid.equals(key.kid()))
                .toList();
        if (fitting.isEmpty()) { // keys without an id (PEM) serve tokens with any kid, or none
            fitting = config.keys().stream()
                    .filter(key -> key.serves(alg) && key.kid() == null)
                    .toList();
        }
        if (fitting.size() != 1) {
            throw new TokenRejectedException(Failure.UNDECRYPTABLE);
        }
        DecryptionKey key = fitting.get(0);
        if (alg.startsWith("ECDH-ES") && !isSafeEphemeralKey(epk, key.curve())) {
            throw new TokenRejectedException(Failure.UNDECRYPTABLE);
        }
        return key;
    }

    private static boolean isSafeEphemeralKey(Object epk, String curve) {
        if (!(epk instanceof Map<?, ?> jwk)
                || jwk.containsKey("d")
                || !"EC".equals(jwk.get("kty"))
                || !curve.equals(jwk.get("crv"))) {
            return false;
        }
        try {
            @SuppressWarnings("unchecked")
            JsonWebKey parsed = JsonWebKey.Factory.newJwk((Map<String, Object>) jwk);
            return parsed instanceof EllipticCurveJsonWebKey ec && KeyChecks.isOnCurve((ECPublicKey) ec.getKey());
        } catch (JoseException | RuntimeException e) {
            return false;
        }
    }
}
