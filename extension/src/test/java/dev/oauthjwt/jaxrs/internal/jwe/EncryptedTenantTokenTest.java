package dev.oauthjwt.jaxrs.internal.jwe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthjwt.jaxrs.config.OAuthJwtConfigKeys;
import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.OAuthJwtProducer;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.ConfigReader;
import dev.oauthjwt.jaxrs.internal.config.Tenants;
import dev.oauthjwt.jaxrs.internal.ops.Telemetry;
import dev.oauthjwt.jaxrs.internal.token.IssuerRouter;
import dev.oauthjwt.jaxrs.support.TestConfig;
import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encrypted tokens with several tenants: the API's decryption keys are application-wide, the token is opened before
 * its issuer is read, and the signed token inside goes to its tenant's validator only.
 */
class EncryptedTenantTokenTest {

    private static final String PARTNER = "https://partner.example.test";

    JwksEndpoint mainJwks;
    JwksEndpoint partnerJwks;
    TestKeys mainKey;
    TestKeys partnerKey;
    RsaJsonWebKey encryptionKey;
    IssuerRouter router;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        mainJwks = AuthorizationServerStub.start().jwks();
        partnerJwks = AuthorizationServerStub.start().jwks();
        mainKey = TestKeys.rsa("k1");
        partnerKey = TestKeys.rsa("k1");
        mainJwks.publish(mainKey);
        partnerJwks.publish(partnerKey);
        encryptionKey = RsaJwkGenerator.generateJwk(2048);
        encryptionKey.setKeyId("enc-rsa");
        Path keys = dir.resolve("decryption-keys.json");
        Files.writeString(keys, new JsonWebKeySet(encryptionKey).toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
        Map<String, String> values = new HashMap<>();
        values.put("oauth.jwt.tenants", "main,partner");
        values.put("oauth.jwt.tenant.main.issuer", Tokens.ISSUER);
        values.put("oauth.jwt.tenant.main.jwks-uri", mainJwks.uri().toString());
        values.put("oauth.jwt.tenant.partner.issuer", PARTNER);
        values.put("oauth.jwt.tenant.partner.jwks-uri", partnerJwks.uri().toString());
        values.put("oauth.jwt.audience", Tokens.AUDIENCE);
        values.put(OAuthJwtConfigKeys.DECRYPTION_KEYS, "file:" + keys);
        Config config = TestConfig.of(values);
        router = OAuthJwtProducer.create(
                Tenants.from(config),
                DecryptionConfig.from(new ConfigReader(config)),
                Optional.empty(),
                Clock.systemUTC(),
                Telemetry.NONE);
    }

    @AfterEach
    void stop() {
        router.close();
        mainJwks.stub().close();
        partnerJwks.stub().close();
    }

    private String encrypted(String signed) throws Exception {
        return EncryptedTokenTest.encrypt(signed, "RSA-OAEP-256", "A256GCM", encryptionKey, Map.of());
    }

    @Test
    void anEncryptedTokenIsVerifiedByTheTenantOfTheIssuerInside() throws Exception {
        IssuerRouter.Selection selection = router.select(
                encrypted(Tokens.valid(partnerKey).claim("iss", PARTNER).sign()));
        assertThat(selection.tenant().name()).isEqualTo("partner");
        assertThat(selection.validator().validate(selection.token()).claims()).containsEntry("iss", PARTNER);
        assertThat(mainJwks.requestCount()).isZero();
    }

    @Test
    void I10_anEncryptedTokenSignedWithAnotherTenantsKeyIsRefused() throws Exception {
        IssuerRouter.Selection selection = router.select(
                encrypted(Tokens.valid(mainKey).claim("iss", PARTNER).sign()));
        assertThatThrownBy(() -> selection.validator().validate(selection.token()))
                .isInstanceOfSatisfying(
                        TokenRejectedException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.UNVERIFIABLE));
    }

    @Test
    void I11_anEncryptedTokenOfAnUnknownIssuerCostsNoFetch() throws Exception {
        String token = encrypted(Tokens.valid(mainKey)
                .claim("iss", "https://evil.example")
                .header("kid", "fresh")
                .sign());
        assertThatThrownBy(() -> router.select(token))
                .isInstanceOfSatisfying(
                        TokenRejectedException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.WRONG_ISSUER));
        assertThat(mainJwks.requestCount() + partnerJwks.requestCount()).isZero();
    }
}
