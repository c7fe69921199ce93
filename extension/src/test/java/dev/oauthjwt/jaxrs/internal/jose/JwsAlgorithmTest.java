package dev.oauthjwt.jaxrs.internal.jose;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

/** The per-algorithm facts every part of the extension reads from one place. */
class JwsAlgorithmTest {

    @Test
    void namesOnlyAsymmetricAlgorithmsCaseSensitively() {
        assertThat(JwsAlgorithm.named("RS256")).contains(JwsAlgorithm.RS256);
        assertThat(JwsAlgorithm.named("rs256")).isEmpty();
        assertThat(JwsAlgorithm.named("none")).isEmpty();
        assertThat(JwsAlgorithm.named("HS256")).isEmpty();
        assertThat(JwsAlgorithm.named(256)).isEmpty();
        assertThat(JwsAlgorithm.allNames()).isEqualTo("RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512");
    }

    @Test
    void knowsTheExactEcdsaSignatureLengthsOfRfc7518() {
        assertThat(JwsAlgorithm.ES256.signatureLength()).isEqualTo(64);
        assertThat(JwsAlgorithm.ES384.signatureLength()).isEqualTo(96);
        assertThat(JwsAlgorithm.ES512.signatureLength()).isEqualTo(132);
        assertThat(JwsAlgorithm.PS256.signatureLength()).isEqualTo(-1);
        assertThat(JwsAlgorithm.ecdsaOfLength(132)).contains(JwsAlgorithm.ES512);
        assertThat(JwsAlgorithm.ecdsaOfLength(256)).isEmpty();
    }

    @Test
    void fitsKeysByTypeAndCurve() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        var rsaKey = rsa.generateKeyPair().getPublic();
        var ecKey = ec.generateKeyPair().getPublic();
        assertThat(JwsAlgorithm.PS384.fits(rsaKey, null)).isTrue();
        assertThat(JwsAlgorithm.ES256.fits(rsaKey, null)).isFalse();
        assertThat(JwsAlgorithm.ES256.fits(ecKey, "P-256")).isTrue();
        assertThat(JwsAlgorithm.ES384.fits(ecKey, "P-256")).isFalse();
        assertThat(JwsAlgorithm.RS256.fits(ecKey, "P-256")).isFalse();
        assertThat(JwsAlgorithm.isSupportedCurve("P-521")).isTrue();
        assertThat(JwsAlgorithm.isSupportedCurve("secp256k1")).isFalse();
    }
}
