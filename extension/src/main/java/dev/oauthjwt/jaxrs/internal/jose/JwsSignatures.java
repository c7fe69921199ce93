package dev.oauthjwt.jaxrs.internal.jose;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * Verifies a JWS signature with the JDK alone (RFC 7518 §3.3–3.5), for signed objects that are not access tokens and
 * so never reach smallrye-jwt (DPoP proofs). ECDSA signatures must have the exact length of the curve (IEEE P1363
 * form), RSA ones the length of the modulus.
 */
public final class JwsSignatures {

    private JwsSignatures() {}

    /**
     * @param alg the algorithm, already checked against the allowed list
     * @param key the public key, already checked to {@link JwsAlgorithm#fits fit} the algorithm
     * @param signingInput the first two segments of the compact JWS, with the dot between them
     * @param signature the decoded third segment
     * @return whether the signature holds
     */
    public static boolean verify(JwsAlgorithm alg, PublicKey key, String signingInput, byte[] signature) {
        if (alg.signatureLength() >= 0 && signature.length != alg.signatureLength()) {
            return false;
        }
        try {
            Signature verifier = instance(alg);
            verifier.initVerify(key);
            verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException invalid) {
            return false;
        }
    }

    private static Signature instance(JwsAlgorithm alg) throws GeneralSecurityException {
        String digest = "SHA-" + alg.name().substring(2);
        String jcaDigest = "SHA" + alg.name().substring(2);
        switch (alg.name().substring(0, 2)) {
            case "RS":
                return Signature.getInstance(jcaDigest + "withRSA");
            case "PS":
                Signature pss = Signature.getInstance("RSASSA-PSS");
                int saltLength = Integer.parseInt(alg.name().substring(2)) / 8;
                pss.setParameter(new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest), saltLength, 1));
                return pss;
            default:
                return Signature.getInstance(jcaDigest + "withECDSAinP1363Format");
        }
    }
}
