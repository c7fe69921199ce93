package dev.oauthjwt.jaxrs.internal.introspection;

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
import dev.oauthjwt.jaxrs.internal.token.VerifiedToken;
import dev.oauthjwt.jaxrs.support.TestConfig;
import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.MutableClock;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opaque and revocable tokens through RFC 7662 introspection, against a scripted endpoint. The K cases are this
 * feature's own attacks: inactive or rule-breaking answers, a failing, slow or huge endpoint, floods.
 */
class IntrospectionTest {

    static JwksEndpoint jwks;
    static TestKeys rsa;
    IntrospectionStub endpoint;
    List<TokenValidator> validators = new ArrayList<>();

    @BeforeAll
    static void keys() {
        rsa = TestKeys.rsa("rsa-1");
        jwks = AuthorizationServerStub.start().jwks();
        jwks.publish(rsa);
    }

    @AfterAll
    static void stop() {
        jwks.stub().close();
    }

    @BeforeEach
    void start() {
        endpoint = new IntrospectionStub();
    }

    @AfterEach
    void close() {
        validators.forEach(TokenValidator::close);
        endpoint.close();
    }

    TokenValidator validator(String mode, Map<String, String> overrides, Clock clock) {
        Map<String, String> values = new HashMap<>(TestConfig.defaults(jwks));
        values.put(OAuthJwtConfigKeys.INTROSPECTION_MODE, mode);
        values.put(OAuthJwtConfigKeys.INTROSPECTION_ENDPOINT, endpoint.uri().toString());
        values.put(OAuthJwtConfigKeys.INTROSPECTION_CLIENT_ID, "api client");
        values.put(OAuthJwtConfigKeys.INTROSPECTION_CLIENT_SECRET, "s3cret:&=");
        values.putAll(overrides);
        Config config = TestConfig.of(values);
        TokenValidator validator = OAuthJwtProducer.create(
                OAuthJwtConfig.from(config),
                Optional.empty(),
                IntrospectionConfig.from(new ConfigReader(config)),
                clock);
        validators.add(validator);
        return validator;
    }

    TokenValidator validator(String mode) {
        return validator(mode, Map.of(), Clock.systemUTC());
    }

    static String active(long exp, String extra) {
        return "{\"active\":true,\"iss\":\"" + Tokens.ISSUER + "\",\"aud\":\"" + Tokens.AUDIENCE + "\",\"exp\":" + exp
                + ",\"sub\":\"alice\",\"scope\":\"read write\"" + extra + "}";
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    @Test
    void acceptsAnActiveOpaqueTokenAndAsksWithClientSecretBasic() {
        endpoint.answer(200, active(now() + 60, ",\"client_id\":\"app\""));
        VerifiedToken token = ValidatorFixture.accepted(validator("opaque"), "opaque.token-1");
        assertThat(token.getName()).isEqualTo("alice");
        assertThat(token.getScopes()).containsExactly("read", "write");
        assertThat(token.containsClaim("active")).isFalse();
        IntrospectionStub.Call call = endpoint.calls().get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(call.body()).isEqualTo("token=opaque.token-1&token_type_hint=access_token");
        assertThat(new String(
                        Base64.getDecoder().decode(call.authorization().substring("Basic ".length())),
                        StandardCharsets.UTF_8))
                .isEqualTo("api+client:s3cret%3A%26%3D");
    }

    @Test
    void validatesJwtsLocallyInOpaqueMode() {
        ValidatorFixture.accepted(validator("opaque"), Tokens.valid(rsa).sign());
        assertThat(endpoint.count()).isZero();
    }

    @Test
    void refusesAnInactiveTokenAndRemembersTheAnswer_K1() {
        TokenValidator validator = validator("opaque");
        endpoint.answer(200, "{\"active\":false}");
        ValidatorFixture.assertRejected(validator, "revoked-token", Failure.INVALID_TOKEN);
        ValidatorFixture.assertRejected(validator, "revoked-token", Failure.INVALID_TOKEN);
        assertThat(endpoint.count()).isEqualTo(1);
    }

    @Test
    void appliesTheClaimRulesToAnActiveAnswer_K2() {
        TokenValidator validator = validator("opaque");
        Map<String, Failure> cases = new LinkedHashMap<>();
        cases.put(
                "{\"active\":true,\"iss\":\"https://evil.example\",\"aud\":\"api\",\"exp\":" + (now() + 60)
                        + ",\"sub\":\"alice\"}",
                Failure.WRONG_ISSUER);
        cases.put(active(now() + 60, "").replace("\"aud\":\"api\"", "\"aud\":\"other\""), Failure.WRONG_AUDIENCE);
        cases.put(active(now() - 120, ""), Failure.EXPIRED);
        cases.put(active(now() + 60, "").replace(",\"exp\":" + (now() + 60), ""), Failure.MISSING_CLAIM);
        cases.put(active(now() + 60, "").replace("\"active\":true", "\"active\":\"true\""), Failure.INVALID_TOKEN);
        cases.put(active(now() + 400 * 24 * 3600, ""), Failure.LIFETIME_TOO_LONG);
        // an answer that is not strict JSON is a failing endpoint: 503, and the cooldown starts (so it comes last)
        cases.put("{\"active\":true,\"active\":true}", Failure.INTROSPECTION_UNAVAILABLE);
        int i = 0;
        for (Map.Entry<String, Failure> entry : cases.entrySet()) {
            endpoint.answer(200, entry.getKey());
            assertThat(ValidatorFixture.rejection(validator, "token-" + i++))
                    .as(entry.getKey())
                    .isEqualTo(entry.getValue());
        }
    }

    @Test
    void introspectsEveryTokenInAlwaysModeSoARevokedJwtIsRefused_K3() {
        TokenValidator validator = validator("always");
        String jwt = Tokens.valid(rsa).sign();
        endpoint.answer(200, active(now() + 60, ""));
        ValidatorFixture.accepted(validator, jwt);
        endpoint.answer(200, "{\"active\":false}");
        ValidatorFixture.assertRejected(validator(("always"), Map.of(), Clock.systemUTC()), jwt, Failure.INVALID_TOKEN);
        assertThat(endpoint.count()).isEqualTo(2);
    }

    @Test
    void answers503WhileTheEndpointFailsAndCoolsDownBeforeTheNextCall_K4() {
        TokenValidator validator = validator("opaque");
        endpoint.answer(500, "{}");
        ValidatorFixture.assertRejected(validator, "t1", Failure.INTROSPECTION_UNAVAILABLE);
        ValidatorFixture.assertRejected(validator, "t2", Failure.INTROSPECTION_UNAVAILABLE);
        assertThat(endpoint.count()).as("no call during the cooldown").isEqualTo(1);
        assertThat(validator.retryAfterSeconds(Failure.INTROSPECTION_UNAVAILABLE))
                .isBetween(1L, 1L);
    }

    @Test
    void boundsASlowEndpointByTheDeadline_K5() {
        endpoint.delay(3_000);
        endpoint.answer(200, active(now() + 60, ""));
        TokenValidator validator =
                validator("opaque", Map.of(OAuthJwtConfigKeys.INTROSPECTION_TIMEOUT, "PT0.5S"), Clock.systemUTC());
        long start = System.nanoTime();
        ValidatorFixture.assertRejected(validator, "slow", Failure.INTROSPECTION_UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void refusesAnAnswerOverTheSizeCap_K6() {
        byte[] huge = ("{\"active\":true,\"x\":\"" + "a".repeat(IntrospectionClient.MAX_BODY_BYTES) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        endpoint.answerBytes(huge);
        ValidatorFixture.assertRejected(validator("opaque"), "huge", Failure.INTROSPECTION_UNAVAILABLE);
    }

    @Test
    void floodOfRandomOpaqueTokensCostsAtMostMaxRateCallsPerSecond_K7() {
        endpoint.answer(200, "{\"active\":false}");
        TokenValidator validator =
                validator("opaque", Map.of(OAuthJwtConfigKeys.INTROSPECTION_MAX_RATE, "5"), Clock.systemUTC());
        long start = System.nanoTime();
        int unavailable = 0;
        for (int i = 0; i < 500; i++) {
            if (ValidatorFixture.rejection(validator, "random-" + i) == Failure.INTROSPECTION_UNAVAILABLE) {
                unavailable++;
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds() + 1;
        assertThat(endpoint.count()).as("calls in " + seconds + " s").isBetween(1, (int) (5 * seconds));
        assertThat(unavailable).isEqualTo(500 - endpoint.count());
    }

    @Test
    void concurrentRequestsWithOneTokenShareOneCall_K8() throws Exception {
        endpoint.delay(300);
        endpoint.answer(200, active(now() + 60, ""));
        TokenValidator validator = validator("opaque");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<String>> names = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                names.add(pool.submit(() ->
                        ValidatorFixture.accepted(validator, "shared-token").getName()));
            }
            for (Future<String> name : names) {
                assertThat(name.get()).isEqualTo("alice");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(endpoint.count()).isEqualTo(1);
    }

    @Test
    void reusesAnAnswerForTheTtlButNeverPastExp() {
        MutableClock clock = new MutableClock(Instant.now());
        long exp = clock.instant().getEpochSecond() + 10;
        endpoint.answer(200, active(exp, ""));
        TokenValidator validator = validator("opaque", Map.of(), clock);
        ValidatorFixture.accepted(validator, "cached");
        clock.advance(Duration.ofSeconds(5));
        ValidatorFixture.accepted(validator, "cached");
        assertThat(endpoint.count()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(6)); // past exp, within the 30 s ttl
        ValidatorFixture.accepted(validator, "cached"); // exp + skew not reached: asked again, still active
        assertThat(endpoint.count()).isEqualTo(2);
    }

    @Test
    void failsTheDeploymentForAnIncompleteConfiguration() {
        Map<String, String> base = new HashMap<>(TestConfig.defaults(jwks));
        base.put(OAuthJwtConfigKeys.INTROSPECTION_MODE, "opaque");
        assertThatThrownBy(() -> IntrospectionConfig.from(new ConfigReader(TestConfig.of(base))))
                .isInstanceOfSatisfying(
                        InvalidConfigurationException.class,
                        e -> assertThat(e.getKey()).isEqualTo(OAuthJwtConfigKeys.INTROSPECTION_ENDPOINT));
        base.put(OAuthJwtConfigKeys.INTROSPECTION_MODE, "sometimes");
        assertThatThrownBy(() -> IntrospectionConfig.from(new ConfigReader(TestConfig.of(base))))
                .isInstanceOfSatisfying(
                        InvalidConfigurationException.class,
                        e -> assertThat(e.getKey()).isEqualTo(OAuthJwtConfigKeys.INTROSPECTION_MODE));
        base.put(OAuthJwtConfigKeys.INTROSPECTION_MODE, "always");
        base.put(OAuthJwtConfigKeys.INTROSPECTION_ENDPOINT, "http://as.example.com/introspect");
        assertThatThrownBy(() -> IntrospectionConfig.from(new ConfigReader(TestConfig.of(base))))
                .isInstanceOfSatisfying(
                        InvalidConfigurationException.class,
                        e -> assertThat(e.getKey()).isEqualTo(OAuthJwtConfigKeys.INTROSPECTION_ENDPOINT));
        base.put(OAuthJwtConfigKeys.INTROSPECTION_ENDPOINT, endpoint.uri().toString());
        base.put(OAuthJwtConfigKeys.INTROSPECTION_CLIENT_ID, "id");
        base.put(OAuthJwtConfigKeys.INTROSPECTION_CLIENT_SECRET, "very-secret-value");
        IntrospectionConfig config =
                IntrospectionConfig.from(new ConfigReader(TestConfig.of(base))).orElseThrow();
        assertThat(config.toString()).doesNotContain("very-secret-value").contains("(redacted)");
        assertThat(IntrospectionConfig.from(new ConfigReader(TestConfig.of(TestConfig.defaults(jwks)))))
                .isEmpty();
    }
}
