package dev.oauthjwt.jaxrs.internal.jose;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The JWS algorithms the extension accepts (RFC 7518 §3): asymmetric only, never {@code none} or HMAC. Each constant
 * holds the facts every part needs: the JWK key type, the curve and exact signature length of ECDSA, the order of the
 * curve (for the low-s spelling of {@link EcdsaSignatures}).
 */
public enum JwsAlgorithm {
    RS256("RSA", null, null),
    RS384("RSA", null, null),
    RS512("RSA", null, null),
    PS256("RSA", null, null),
    PS384("RSA", null, null),
    PS512("RSA", null, null),
    ES256("EC", "P-256", "secp256r1"),
    ES384("EC", "P-384", "secp384r1"),
    ES512("EC", "P-521", "secp521r1");

    private final String keyType;
    private final String curve;
    private final BigInteger curveOrder;
    private final int signatureLength;

    JwsAlgorithm(String keyType, String curve, String jcaCurve) {
        this.keyType = keyType;
        this.curve = curve;
        this.curveOrder = jcaCurve == null ? null : order(jcaCurve);
        this.signatureLength = curveOrder == null ? -1 : 2 * ((curveOrder.bitLength() + 7) / 8);
    }

    /**
     * @param name a JWS {@code alg} value, case-sensitive
     * @return the algorithm, or empty for any other value (including {@code none} and HS*)
     */
    public static Optional<JwsAlgorithm> named(Object name) {
        for (JwsAlgorithm alg : values()) {
            if (alg.name().equals(name)) {
                return Optional.of(alg);
            }
        }
        return Optional.empty();
    }

    /** @return the names of all algorithms, comma separated, for messages */
    public static String allNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * @param jwkCurve a JWK {@code crv} value
     * @return whether an algorithm uses this curve
     */
    public static boolean isSupportedCurve(String jwkCurve) {
        return Arrays.stream(values()).anyMatch(alg -> alg.curve != null && alg.curve.equals(jwkCurve));
    }

    /** @return the JWK {@code kty} of keys for this algorithm: {@code RSA} or {@code EC} */
    public String keyType() {
        return keyType;
    }

    /** @return the JOSE curve name of an ECDSA algorithm, {@code null} for RSA ones */
    public String curve() {
        return curve;
    }

    /** @return the exact signature length RFC 7518 §3.4 prescribes for ECDSA, -1 for RSA (it depends on the key) */
    public int signatureLength() {
        return signatureLength;
    }

    /** @return the order of the curve of an ECDSA algorithm, {@code null} for RSA ones */
    BigInteger curveOrder() {
        return curveOrder;
    }

    /**
     * @param key a public key
     * @param keyCurve the JOSE curve name the key was published with, {@code null} for RSA keys
     * @return whether the key may verify signatures of this algorithm
     */
    public boolean fits(PublicKey key, String keyCurve) {
        return curve == null ? key instanceof RSAPublicKey : key instanceof ECPublicKey && curve.equals(keyCurve);
    }

    /**
     * @param signatureLength the length of a decoded signature
     * @return the ECDSA algorithm whose signatures have exactly this length, if any
     */
    static Optional<JwsAlgorithm> ecdsaOfLength(int signatureLength) {
        for (JwsAlgorithm alg : values()) {
            if (alg.curve != null && alg.signatureLength == signatureLength) {
                return Optional.of(alg);
            }
        }
        return Optional.empty();
    }

    private static BigInteger order(String jcaCurve) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(jcaCurve));
            return parameters.getParameterSpec(ECParameterSpec.class).getOrder();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks the curve " + jcaCurve, e);
        }
    }
}
