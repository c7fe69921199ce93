package dev.oauthjwt.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The key factory generates fresh keys of every supported type; the token factory signs valid tokens with them. */
class KeysAndTokensTest {

    @Test
    void generatesAFreshRsa2048KeyEachTime() {
        TestKeys first = TestKeys.rsa("k");
        TestKeys second = TestKeys.rsa("k");

        assertThat(((RSAPublicKey) first.pair().getPublic()).getModulus().bitLength())
                .isEqualTo(2048);
        assertThat(first.pair().getPublic()).isNotEqualTo(second.pair().getPublic());
        assertThat(first.algorithm()).isEqualTo("RS256");
        assertThat(TestKeys.rsa("short", 1024).pair().getPublic())
                .isInstanceOfSatisfying(
                        RSAPublicKey.class,
                        key -> assertThat(key.getModulus().bitLength()).isEqualTo(1024));
    }

    @ParameterizedTest
    @CsvSource({"P-256, ES256, 256", "P-384, ES384, 384", "P-521, ES512, 521"})
    void generatesEcKeysOnEveryCurve(String curve, String algorithm, int bits) {
        TestKeys key = TestKeys.ec("ec", curve);

        assertThat(key.algorithm()).isEqualTo(algorithm);
        assertThat(((ECPublicKey) key.pair().getPublic()).getParams().getOrder().bitLength())
                .isEqualTo(bits);
        assertThat(key.publicJwk())
                .containsEntry("kty", "EC")
                .containsEntry("crv", curve)
                .containsEntry("kid", "ec");
    }

    @Test
    void publishesOnlyPublicMembersAndNamesUseAndAlgWhenAsked() {
        TestKeys key = TestKeys.rsa("k1");

        assertThat(key.publicJwk()).containsOnlyKeys("kty", "kid", "n", "e");
        assertThat(key.signingJwk())
                .containsEntry("use", "sig")
                .containsEntry("alg", "RS256")
                .doesNotContainKey("d");
    }

    @ParameterizedTest
    @CsvSource({"RSA, RS256", "P-256, ES256", "P-384, ES384", "P-521, ES512"})
    void signsAValidTokenThatVerifiesWithThePublishedKey(String type, String alg) throws Exception {
        TestKeys key = type.equals("RSA") ? TestKeys.rsa("k1") : TestKeys.ec("k1", type);

        JsonWebSignature jws = verified(Tokens.valid(key).alg(key.algorithm()).sign(), key);

        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo(alg);
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo("k1");
        assertThat(jws.getHeader("typ")).isEqualTo("at+jwt");
        Map<String, Object> claims = JsonUtil.parseJson(jws.getPayload());
        assertThat(claims)
                .containsEntry("iss", Tokens.ISSUER)
                .containsEntry("aud", Tokens.AUDIENCE)
                .containsEntry("sub", "alice")
                .containsEntry("scope", "read write")
                .containsEntry("role", "admin")
                .containsEntry("groups", List.of("users"));
        assertThat((Long) claims.get("exp") - (Long) claims.get("iat")).isEqualTo(300);
    }

    @Test
    void appliesOneDefectAndKeepsEverythingElse() throws Exception {
        TestKeys key = TestKeys.rsa("k1");
        long now = Instant.now().getEpochSecond();

        Map<String, Object> claims = JsonUtil.parseJson(verified(
                        Tokens.valid(key)
                                .claim("aud", "other-api")
                                .claim("role", null)
                                .nullClaim("sub")
                                .expiresIn(-60)
                                .sign(),
                        key)
                .getPayload());

        assertThat(claims)
                .containsEntry("aud", "other-api")
                .containsEntry("iss", Tokens.ISSUER)
                .containsEntry("sub", null)
                .doesNotContainKey("role");
        assertThat((Long) claims.get("exp")).isBetween(now - 61, now);
    }

    @Test
    void signsWithAnotherKeyUnderTheSameKid() throws Exception {
        TestKeys key = TestKeys.rsa("k1");
        String forged = Tokens.valid(key).signWith(TestKeys.rsa("attacker"));

        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(forged);
        jws.setKey(key.pair().getPublic());
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo("k1");
        assertThat(jws.verifySignature()).isFalse();
    }

    @Test
    void signsRawJsonExactlyAsGiven() throws Exception {
        TestKeys key = TestKeys.ec("ec", "P-256");
        String payload = "{\"sub\":\"a\",\"sub\":\"b\",\"exp\":1e3}";

        JsonWebSignature jws = verified(Tokens.signRaw("{\"alg\":\"ES256\",\"kid\":\"ec\"}", payload, key), key);

        assertThat(jws.getPayload()).isEqualTo(payload);
    }

    private static JsonWebSignature verified(String token, TestKeys key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        jws.setKey(PublicJsonWebKey.Factory.newPublicJwk(key.publicJwk()).getKey());
        assertThat(jws.verifySignature()).as("signature of %s", key.kid()).isTrue();
        return jws;
    }
}
