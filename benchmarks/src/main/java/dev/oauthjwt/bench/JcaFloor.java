package dev.oauthjwt.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** The floor no validator can go below: the JCA signature check of a token's signing input alone. */
final class JcaFloor {

    private JcaFloor() {}

    static boolean verify(Signature signature, PublicKey key, byte[] input, byte[] sig)
            throws GeneralSecurityException {
        signature.initVerify(key);
        signature.update(input);
        if (!signature.verify(sig)) {
            throw new IllegalStateException("signature does not verify");
        }
        return true;
    }

    /** @return the ASCII bytes of {@code header.payload} */
    static byte[] signingInput(String token) {
        return token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the decoded signature */
    static byte[] signature(String token) {
        return Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
    }
}
