package dev.oauthjwt.jaxrs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.oauthjwt.jaxrs.JwtPrincipal;
import dev.oauthjwt.jaxrs.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.support.JwksServer;
import dev.oauthjwt.jaxrs.support.TestConfig;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Builds validators against a JWKS stub and states what a token must produce. */
final class ValidatorFixture {

    private ValidatorFixture() {
    }

    static TokenValidator validator(JwksServer jwks, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(TestConfig.defaults(jwks));
        values.putAll(overrides);
        return TokenValidator.create(OAuthJwtConfig.from(TestConfig.of(values)), Clock.systemUTC());
    }

    static JwtPrincipal accepted(TokenValidator validator, String token) {
        try {
            return validator.validate(token);
        } catch (TokenRejectedException e) {
            return fail("expected the token to be accepted, but it was rejected with " + e.failure());
        }
    }

    static Failure rejection(TokenValidator validator, String token) {
        try {
            JwtPrincipal principal = validator.validate(token);
            return fail("expected a rejection, but the token was accepted for " + principal.getName());
        } catch (TokenRejectedException e) {
            return e.failure();
        }
    }

    static void assertRejected(TokenValidator validator, String token, Failure expected) {
        assertThat(rejection(validator, token)).isEqualTo(expected);
    }
}
