package dev.oauthjwt.jaxrs.internal.keys;

import static dev.oauthjwt.jaxrs.internal.token.ValidatorFixture.accepted;
import static dev.oauthjwt.jaxrs.internal.token.ValidatorFixture.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.OAuthJwtProducer;
import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import dev.oauthjwt.jaxrs.support.TestConfig;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oauth.jwt.public-keys}: keys from the configuration, read at deployment, never fetched. */
class LocalKeysTest {

    @TempDir
    Path dir;

    static String pem(TestKeys key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.pair().getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    static String jwks(TestKeys... keys) {
        List<Object> jwks = new ArrayList<>();
        for (TestKeys key : keys) {
            jwks.add(key.publicJwk());
        }
        return JsonUtil.toJson(Map.of("keys", jwks));
    }

    private static OAuthJwtConfig config(String publicKeys) {
        Map<String, String> values = new HashMap<>();
        values.put("oauth.jwt.issuer", Tokens.ISSUER);
        values.put("oauth.jwt.audience", Tokens.AUDIENCE);
        values.put("oauth.jwt.public-keys", publicKeys);
        return OAuthJwtConfig.from(TestConfig.of(values));
    }

    private static TokenValidator validator(String publicKeys) {
        return OAuthJwtProducer.create(config(publicKeys), Clock.systemUTC());
    }

    private static void assertRefused(String publicKeys, String problem) {
        assertThatThrownBy(() -> OAuthJwtProducer.localKeys(config(publicKeys)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("oauth.jwt.public-keys")
                .hasMessageContaining(problem);
    }

    @Test
    void acceptsTokensVerifiedByAnInlinePemKeyWhateverTheirKid() {
        TestKeys key = TestKeys.rsa("k1");
        TokenValidator validator = validator(pem(key));
        accepted(validator, Tokens.valid(key).sign());
        accepted(validator, Tokens.valid(key).header("kid", null).sign());
        assertRejected(validator, Tokens.valid(key).signWith(TestKeys.rsa("k1")), Failure.UNVERIFIABLE);
    }

    @Test
    void acceptsSeveralPemKeysRsaAndEc() {
        TestKeys rsa = TestKeys.rsa("r");
        TestKeys ec = TestKeys.ec("e", "P-256");
        TokenValidator validator = validator(pem(rsa) + "\n" + pem(ec));
        accepted(validator, Tokens.valid(rsa).sign());
        accepted(validator, Tokens.valid(ec).sign());
    }

    @Test
    void acceptsTokensVerifiedByAJwksFile() throws Exception {
        TestKeys key = TestKeys.rsa("k1");
        TestKeys other = TestKeys.rsa("k2");
        Path file = Files.writeString(dir.resolve("keys.json"), jwks(key, other));
        TokenValidator validator = validator("file:" + file);
        accepted(validator, Tokens.valid(key).sign());
        accepted(validator, Tokens.valid(other).sign());
        assertRejected(validator, Tokens.valid(key).header("kid", "k3").sign(), Failure.UNVERIFIABLE);
        assertRejected(validator, Tokens.valid(key).header("kid", "k2").sign(), Failure.UNVERIFIABLE);
    }

    @Test
    void acceptsTokensVerifiedByAPemClasspathResource() throws Exception {
        TestKeys key = TestKeys.rsa("k1");
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/issuer.pem"), pem(key));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            accepted(validator("classpath:keys/issuer.pem"), Tokens.valid(key).sign());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void I5_refusesARsaKeyShorterThan2048Bits() {
        assertRefused(pem(TestKeys.rsa("weak", 1024)), "not admitted");
    }

    @Test
    void I6_refusesAJwksWithOnlySymmetricOrEncryptionKeys() {
        Map<String, Object> enc = TestKeys.rsa("enc").publicJwk();
        enc.put("use", "enc");
        String document = JsonUtil.toJson(Map.of(
                "keys", List.of(enc, Map.of("kty", "oct", "kid", "hmac", "k", "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0"))));
        assertRefused(document, "no usable signature key");
    }

    @Test
    void refusesPemThatIsNotAPublicKey() {
        String privateLabel = "PRIVATE" + " KEY"; // no file may read like a committed key
        assertRefused(
                "-----BEGIN " + privateLabel + "-----\nAAAA\n-----END " + privateLabel + "-----", "not a PUBLIC KEY");
        assertRefused("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", "not an RSA or EC public key");
        assertRefused("just some text", "neither a JWKS document nor PEM");
        assertRefused(pem(TestKeys.rsa("k")) + "trailing", "neither a JWKS document nor PEM");
    }

    @Test
    void refusesAMissingFileOrResourceAtDeployment() {
        assertThatThrownBy(() -> config("file:" + dir.resolve("absent.pem")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("oauth.jwt.public-keys names a file that does not exist");
        assertThatThrownBy(() -> config("classpath:absent/keys.pem"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("oauth.jwt.public-keys names a classpath resource that does not exist");
    }

    @Test
    void refusesPublicKeysTogetherWithAJwksUri() {
        Map<String, String> values = new HashMap<>();
        values.put("oauth.jwt.issuer", Tokens.ISSUER);
        values.put("oauth.jwt.audience", Tokens.AUDIENCE);
        values.put("oauth.jwt.public-keys", pem(TestKeys.rsa("k")));
        values.put("oauth.jwt.jwks-uri", "https://as.example.test/jwks");
        assertThatThrownBy(() -> OAuthJwtConfig.from(TestConfig.of(values)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("oauth.jwt.public-keys cannot be combined with oauth.jwt.jwks-uri");
    }

    @Test
    void localKeysAreNeverUnavailable() {
        LocalKeys keys = LocalKeys.parse(pem(TestKeys.rsa("k")));
        assertThat(keys.keys()).hasSize(1);
        assertThat(keys.currentKeys()).isNotNull();
        assertThat(keys.lookup("any", dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm.PS256)
                        .status())
                .isEqualTo(KeySource.Status.FOUND);
        assertThat(keys.lookup("any", dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm.ES256)
                        .status())
                .isEqualTo(KeySource.Status.UNKNOWN);
    }
}
