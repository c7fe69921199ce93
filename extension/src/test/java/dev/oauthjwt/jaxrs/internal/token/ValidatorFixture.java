package dev.oauthjwt.jaxrs.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.OAuthJwtProducer;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.support.TestConfig;
import dev.oauthjwt.testsupport.JwksEndpoint;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Builds validators against a JWKS stub and states what a token must produce. */
public final class ValidatorFixture {

    private ValidatorFixture() {}

    public static TokenValidator validator(JwksEndpoint jwks, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(TestConfig.defaults(jwks));
        values.putAll(overrides);
        return OAuthJwtProducer.create(OAuthJwtConfig.from(TestConfig.of(values)), Clock.systemUTC());
    }

    public static VerifiedToken accepted(TokenValidator validator, String token) {
        try {
            return validator.validate(token);
        } catch (TokenRejectedException e) {
            return fail("expected the token to be accepted, but it was rejected with " + e.failure());
        }
    }

    public static Failure rejection(TokenValidator validator, String token) {
        try {
            VerifiedToken principal = validator.validate(token);
            return fail("expected a rejection, but the token was accepted for " + principal.getName());
        } catch (TokenRejectedException e) {
            return e.failure();
        }
    }

    public static void assertRejected(TokenValidator validator, String token, Failure expected) {
        assertThat(rejection(validator, token)).isEqualTo(expected);
    }
}
