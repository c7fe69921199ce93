package dev.oauthjwt.jaxrs.internal.jwe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys;
import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.OAuthJwtProducer;
import dev.oauthjwt.jaxrs.internal.config.ConfigReader;
import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import dev.oauthjwt.jaxrs.internal.token.ValidatorFixture;
import dev.oauthjwt.jaxrs.support.TestConfig;
import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encrypted access tokens (RFC 7516, nested JWT): accepted only with an accepted algorithm and key, and only when the
 * content is a JWT signed by the Authorization Server. The J cases are this feature's own attacks.
 */
class EncryptedTokenTest {

    /** Built at run time: the key is generated at test start, and no file reads like a committed key. */
    private static final String PKCS8_LABEL = "PRIVATE" + " KEY";

    static JwksEndpoint jwks;
    static TestKeys signer;
    static RsaJsonWebKey rsaEnc;
    static EllipticCurveJsonWebKey ecEnc;
    static Path jwksFile;

    TokenValidator validator;

    @BeforeAll
    static void keys(@TempDir Path dir) throws Exception {
        signer = TestKeys.rsa("rsa-1");
        jwks = AuthorizationServerStub.start().jwks();
        jwks.publish(signer);
        rsaEnc = RsaJwkGenerator.generateJwk(2048);
        rsaEnc.setKeyId("enc-rsa");
        ecEnc = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        ecEnc.setKeyId("enc-ec");
        jwksFile = dir.resolve("decryption-keys.json");
        Files.writeString(
                jwksFile, new JsonWebKeySet(rsaEnc, ecEnc).toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
    }

    @AfterAll
    static void stop() {
        jwks.stub().close();
    }

    @BeforeEach
    void start() {
        validator = validator(Map.of(OAuthJwtConfigKeys.DECRYPTION_KEYS, "file:" + jwksFile));
    }

    @AfterEach
    void close() {
        validator.close();
    }

    static TokenValidator validator(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(TestConfig.defaults(jwks));
        values.putAll(overrides);
        Config config = TestConfig.of(values);
        return OAuthJwtProducer.create(
                OAuthJwtConfig.from(config),
                DecryptionConfig.from(new ConfigReader(config)),
                Optional.empty(),
                Clock.systemUTC());
    }

    /** Encrypts {@code content} with jose4j, header members set as given (null: left out). */
    static String encrypt(String content, String alg, String enc, JsonWebKey to, Map<String, Object> extraHeader)
            throws Exception {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jwe.setContentEncryptionAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jwe.setAlgorithmHeaderValue(alg);
        jwe.setEncryptionMethodHeaderParameter(enc);
        jwe.setKey(to.getKey());
        jwe.setKeyIdHeaderValue(to.getKeyId());
        jwe.setContentTypeHeaderValue("JWT");
        extraHeader.forEach((name, value) -> jwe.getHeaders().setObjectHeaderValue(name, value));
        jwe.setPlaintext(content);
        return jwe.getCompactSerialization();
    }

    static String signed() {
        return Tokens.valid(signer).sign();
    }

    @Test
    void acceptsNestedJwtEncryptedWithRsaOaep256AndA256Gcm() throws Exception {
        String token = encrypt(signed(), "RSA-OAEP-256", "A256GCM", rsaEnc, Map.of());
        assertThat(ValidatorFixture.accepted(validator, token).getName()).isEqualTo("alice");
    }

    @Test
    void acceptsNestedJwtEncryptedWithEcdhEsA256KwAndA128Gcm() throws Exception {
        String token = encrypt(signed(), "ECDH-ES+A256KW", "A128GCM", ecEnc, Map.of());
        assertThat(ValidatorFixture.accepted(validator, token).getName()).isEqualTo("alice");
    }

    @Test
    void readsPkcs8PemKeysFromAFile(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("key.pem");
        Files.writeString(
                pem,
                "-----BEGIN " + PKCS8_LABEL + "-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(rsaEnc.getPrivateKey().getEncoded())
                        + "\n-----END " + PKCS8_LABEL + "-----\n",
                StandardCharsets.US_ASCII);
        TokenValidator fromPem = validator(Map.of(OAuthJwtConfigKeys.DECRYPTION_KEYS, "file:" + pem));
        try {
            String token = encrypt(signed(), "RSA-OAEP-256", "A256GCM", rsaEnc, Map.of());
            assertThat(ValidatorFixture.accepted(fromPem, token).getName()).isEqualTo("alice");
        } finally {
            fromPem.close();
        }
    }

    @Test
    void refusesRsa15KeyManagement_J1() throws Exception {
        String token = encrypt(signed(), "RSA1_5", "A256GCM", rsaEnc, Map.of());
        ValidatorFixture.assertRejected(validator, token, Failure.UNSUPPORTED_HEADER);
    }

    @Test
    void refusesContentEncryptionThatIsNotListed_J2() throws Exception {
        String token = encrypt(signed(), "RSA-OAEP-256", "A128CBC-HS256", rsaEnc, Map.of());
        ValidatorFixture.assertRejected(validator, token, Failure.UNSUPPORTED_HEADER);
    }

    @Test
    void refusesCompressedContent_J3() throws Exception {
        String token = encrypt(signed(), "RSA-OAEP-256", "A256GCM", rsaEnc, Map.of("zip", "DEF"));
        ValidatorFixture.assertRejected(validator, token, Failure.UNSUPPORTED_HEADER);
    }

    @Test
    void refusesEncryptedOnlyTokensWithoutAnInnerSignature_J4() throws Exception {
        String claims = Tokens.valid(signer).claimsJson();
        JsonWebEncryption plain = new JsonWebEncryption();
        plain.setAlgorithmHeaderValue("RSA-OAEP-256");
        plain.setEncryptionMethodHeaderParameter("A256GCM");
        plain.setKey(rsaEnc.getKey());
        plain.setKeyIdHeaderValue("enc-rsa");
        plain.setPlaintext(claims);
        ValidatorFixture.assertRejected(validator, plain.getCompactSerialization(), Failure.UNSUPPORTED_HEADER);

        String claimsAsJwt = encrypt(claims, "RSA-OAEP-256", "A256GCM", rsaEnc, Map.of());
        ValidatorFixture.assertRejected(validator, claimsAsJwt, Failure.MALFORMED_TOKEN);

        String unsigned = Tokens.b64("{\"alg\":\"none\"}") + "." + Tokens.b64(claims) + ".";
        assertThat(ValidatorFixture.rejection(
                        validator, encrypt(unsigned, "RSA-OAEP-256", "A256GCM", rsaEnc, Map.of())))
                .isIn(Failure.MALFORMED_TOKEN, Failure.UNVERIFIABLE);
    }

    @Test
    void refusesAnInnerTokenSignedByAnotherKey_J5() throws Exception {
        String forged = Tokens.valid(signer).signWith(TestKeys.rsa("rsa-1"));
        ValidatorFixture.assertRejected(
                validator, encrypt(forged, "RSA-OAEP-256", "A256GCM", rsaEnc, Map.of()), Failure.UNVERIFIABLE);
    }

    @Test
    void refusesTokensEncryptedToAnotherKeyOrTampered_J6() throws Exception {
        RsaJsonWebKey other = RsaJwkGenerator.generateJwk(2048);
        other.setKeyId("enc-rsa");
        ValidatorFixture.assertRejected(
                validator, encrypt(signed(), "RSA-OAEP-256", "A256GCM", other, Map.of()), Failure.UNDECRYPTABLE);
        String good = encrypt(signed(), "RSA-OAEP-256", "A256GCM", rsaEnc, Map.of());
        String[] parts = good.split("\\.");
        for (int part : List.of(1, 2, 3, 4)) {
            String[] tampered = parts.clone();
            char last = tampered[part].charAt(0);
            tampered[part] = (last == 'A' ? 'B' : 'A') + tampered[part].substring(1);
            assertThat(ValidatorFixture.rejection(validator, String.join(".", tampered)))
                    .as("segment " + part)
                    .isIn(Failure.UNDECRYPTABLE, Failure.MALFORMED_TOKEN);
        }
        ValidatorFixture.assertRejected(
                validator,
                encrypt(signed(), "RSA-OAEP-256", "A256GCM", rsaEnc, Map.of("kid", "unknown")),
                Failure.UNDECRYPTABLE);
    }

    @Test
    void refusesAnEphemeralKeyOffTheCurveOrOnAnotherCurve_J7() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair p384 = generator.generateKeyPair();
        EllipticCurveJsonWebKey otherCurve =
                new EllipticCurveJsonWebKey((java.security.interfaces.ECPublicKey) p384.getPublic());
        String valid = encrypt(signed(), "ECDH-ES+A256KW", "A128GCM", ecEnc, Map.of());
        Map<String, Object> header = new HashMap<>(org.jose4j.json.JsonUtil.parseJson(
                new String(Base64.getUrlDecoder().decode(valid.split("\\.")[0]), StandardCharsets.UTF_8)));
        @SuppressWarnings("unchecked")
        Map<String, Object> epk = new HashMap<>((Map<String, Object>) header.get("epk"));
        epk.put("y", epk.get("x")); // (x, x) is not a point of P-256
        for (Object badEpk : List.of(epk, otherCurve.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))) {
            header.put("epk", badEpk);
            String[] parts = valid.split("\\.");
            parts[0] = Tokens.b64(org.jose4j.json.JsonUtil.toJson(header));
            ValidatorFixture.assertRejected(validator, String.join(".", parts), Failure.UNDECRYPTABLE);
        }
    }

    @Test
    void refusesPasswordBasedEncryptionWithoutRunningTheKdf_J8() throws Exception {
        String header = Tokens.b64("{\"alg\":\"PBES2-HS512+A256KW\",\"p2c\":2147483647,\"p2s\":\"AAAAAAAAAAA\","
                + "\"enc\":\"A256GCM\",\"cty\":\"JWT\"}");
        long start = System.nanoTime();
        ValidatorFixture.assertRejected(validator, header + ".AAAA.AAAA.AAAA.AAAA", Failure.UNSUPPORTED_HEADER);
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }

    @Test
    void refusesEncryptedTokensWhenNoDecryptionKeyIsConfigured_C70() throws Exception {
        TokenValidator plain = ValidatorFixture.validator(jwks, Map.of());
        try {
            ValidatorFixture.assertRejected(
                    plain, encrypt(signed(), "RSA-OAEP-256", "A256GCM", rsaEnc, Map.of()), Failure.MALFORMED_TOKEN);
        } finally {
            plain.close();
        }
    }

    @Test
    void failsTheDeploymentForRefusedAlgorithmsOrUnreadableKeys(@TempDir Path dir) throws Exception {
        Path weak = dir.resolve("weak.json");
        RsaJsonWebKey small = RsaJwkGenerator.generateJwk(1024);
        Files.writeString(weak, new JsonWebKeySet(small).toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
        Map<Map<String, String>, String> cases = Map.of(
                Map.of(OAuthJwtConfigKeys.DECRYPTION_ALGORITHMS, "RSA1_5"),
                OAuthJwtConfigKeys.DECRYPTION_ALGORITHMS,
                Map.of(OAuthJwtConfigKeys.DECRYPTION_ALGORITHMS, "dir"),
                OAuthJwtConfigKeys.DECRYPTION_ALGORITHMS,
                Map.of(OAuthJwtConfigKeys.DECRYPTION_ALGORITHMS, "PBES2-HS256+A128KW"),
                OAuthJwtConfigKeys.DECRYPTION_ALGORITHMS,
                Map.of(OAuthJwtConfigKeys.DECRYPTION_ENCRYPTION_METHODS, "A256XYZ"),
                OAuthJwtConfigKeys.DECRYPTION_ENCRYPTION_METHODS,
                Map.of(OAuthJwtConfigKeys.DECRYPTION_KEYS, "-----BEGIN " + PKCS8_LABEL + "-----"),
                OAuthJwtConfigKeys.DECRYPTION_KEYS,
                Map.of(OAuthJwtConfigKeys.DECRYPTION_KEYS, "file:" + dir.resolve("missing.pem")),
                OAuthJwtConfigKeys.DECRYPTION_KEYS,
                Map.of(OAuthJwtConfigKeys.DECRYPTION_KEYS, "file:" + weak),
                OAuthJwtConfigKeys.DECRYPTION_KEYS,
                Map.of(OAuthJwtConfigKeys.DECRYPTION_KEYS, "classpath:no/such/keys.json"),
                OAuthJwtConfigKeys.DECRYPTION_KEYS);
        cases.forEach((overrides, key) -> {
            Map<String, String> values = new HashMap<>(TestConfig.defaults(jwks));
            values.put(OAuthJwtConfigKeys.DECRYPTION_KEYS, "file:" + jwksFile);
            values.putAll(overrides);
            assertThatThrownBy(() -> DecryptionConfig.from(new ConfigReader(TestConfig.of(values))))
                    .as(overrides.toString())
                    .isInstanceOfSatisfying(
                            InvalidConfigurationException.class,
                            e -> assertThat(e.getKey()).isEqualTo(key));
        });
    }
}
