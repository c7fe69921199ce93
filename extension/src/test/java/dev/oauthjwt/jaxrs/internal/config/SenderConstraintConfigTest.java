package dev.oauthjwt.jaxrs.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthjwt.jaxrs.config.InvalidConfigurationException;
import dev.oauthjwt.jaxrs.internal.config.SenderConstraintConfig.DpopMode;
import dev.oauthjwt.jaxrs.internal.jose.JwsAlgorithm;
import dev.oauthjwt.jaxrs.support.TestConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading and validating {@code oauth.jwt.dpop*}: defaults, and every bad value fails with its key named. */
class SenderConstraintConfigTest {

    private static SenderConstraintConfig read(Map<String, String> values) {
        return SenderConstraintConfig.from(TestConfig.of(values));
    }

    @Test
    void appliesTheDocumentedDefaults() {
        SenderConstraintConfig config = read(Map.of());
        assertThat(config.dpop()).isEqualTo(DpopMode.ALLOWED);
        assertThat(config.dpopAlgorithms()).containsExactly(JwsAlgorithm.values());
        assertThat(config.dpopMaxAge()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.nonceRequired()).isFalse();
        assertThat(config.trustedProxy()).isFalse();
        assertThat(config.replayCacheMaxSize()).isEqualTo(100_000);
    }

    @Test
    void readsEveryKey() {
        SenderConstraintConfig config = read(Map.of(
                "oauth.jwt.dpop",
                "Required",
                "oauth.jwt.dpop.algorithms",
                "ES256,PS256",
                "oauth.jwt.dpop.max-age",
                "PT1M",
                "oauth.jwt.dpop.nonce",
                "true",
                "oauth.jwt.dpop.nonce-secret",
                "x".repeat(32),
                "oauth.jwt.dpop.trusted-proxy",
                "TRUE",
                "oauth.jwt.dpop.replay-cache.max-size",
                "5000"));
        assertThat(config.dpop()).isEqualTo(DpopMode.REQUIRED);
        assertThat(config.dpopAlgorithms()).containsExactly(JwsAlgorithm.ES256, JwsAlgorithm.PS256);
        assertThat(config.dpopMaxAge()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.nonceRequired()).isTrue();
        assertThat(config.trustedProxy()).isTrue();
        assertThat(config.replayCacheMaxSize()).isEqualTo(5000);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "oauth.jwt.dpop;optional;must be allowed, required or disabled",
                "oauth.jwt.dpop.algorithms;HS256;never none or HMAC",
                "oauth.jwt.dpop.algorithms;none;never none or HMAC",
                "oauth.jwt.dpop.max-age;0;must be between",
                "oauth.jwt.dpop.max-age;PT2H;must be between",
                "oauth.jwt.dpop.nonce;yes;must be true or false",
                "oauth.jwt.dpop.trusted-proxy;1;must be true or false",
                "oauth.jwt.dpop.replay-cache.max-size;10;must be a whole number between",
                "oauth.jwt.mtls;disabled;must be allowed or required"
            })
    void refusesBadValuesNamingTheKey(String key, String value, String problem) {
        assertRefused(Map.of(key, value), key, problem);
    }

    @Test
    void certificatesAndDpopCannotBothBeRequired() {
        assertThat(read(Map.of()).mtlsRequired()).isFalse();
        assertThat(read(Map.of("oauth.jwt.mtls", "REQUIRED")).mtlsRequired()).isTrue();
        assertRefused(
                Map.of("oauth.jwt.mtls", "required", "oauth.jwt.dpop", "required"),
                "oauth.jwt.mtls",
                "cannot be required while oauth.jwt.dpop is required");
    }

    @Test
    void noncesNeedALongEnoughSecret() {
        assertRefused(Map.of("oauth.jwt.dpop.nonce", "true"), "oauth.jwt.dpop.nonce-secret", "is required");
        assertRefused(
                Map.of("oauth.jwt.dpop.nonce", "true", "oauth.jwt.dpop.nonce-secret", "short"),
                "oauth.jwt.dpop.nonce-secret",
                "at least 32 characters");
        for (String off : List.of("false", "")) {
            assertThat(read(Map.of("oauth.jwt.dpop.nonce", off, "oauth.jwt.dpop.nonce-secret", "s"))
                            .nonceRequired())
                    .isFalse();
        }
    }

    private static void assertRefused(Map<String, String> values, String key, String problem) {
        assertThatThrownBy(() -> read(values)).isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
            assertThat(e.getKey()).isEqualTo(key);
            assertThat(e.getMessage()).contains(key).contains(problem);
        });
    }
}
