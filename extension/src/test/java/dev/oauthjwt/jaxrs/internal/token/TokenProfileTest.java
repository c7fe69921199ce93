package dev.oauthjwt.jaxrs.internal.token;

import static dev.oauthjwt.jaxrs.internal.token.ValidatorFixture.accepted;
import static dev.oauthjwt.jaxrs.internal.token.ValidatorFixture.assertRejected;
import static dev.oauthjwt.jaxrs.internal.token.ValidatorFixture.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code oauth.jwt.profile}: today's rules ({@code oauth}) and RFC 9068 §2.1, §2.2, §4. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenProfileTest {

    private AuthorizationServerStub server;
    private TestKeys key;
    private TokenValidator oauth;
    private TokenValidator rfc9068;

    @BeforeAll
    void start() {
        server = AuthorizationServerStub.start();
        key = TestKeys.rsa("k1");
        server.jwks().publish(key);
        oauth = ValidatorFixture.validator(server.jwks(), Map.of());
        rfc9068 = ValidatorFixture.validator(server.jwks(), Map.of("oauth.jwt.profile", "RFC9068"));
    }

    @AfterAll
    void stop() {
        oauth.close();
        rfc9068.close();
        server.close();
    }

    private Tokens profiled() {
        return Tokens.valid(key).claim("client_id", "orders-client").claim("jti", "a1b2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"at+jwt", "application/at+jwt", "AT+JWT", "Application/At+Jwt"})
    void rfc9068ProfileAcceptsTheAccessTokenTypes(String typ) {
        assertThat(accepted(rfc9068, profiled().header("typ", typ).sign()).getName())
                .isEqualTo("alice");
    }

    @Test
    void I7_rfc9068ProfileRefusesTypJwtAndAnAbsentTyp() {
        assertRejected(rfc9068, profiled().header("typ", "JWT").sign(), Failure.WRONG_TYPE);
        assertRejected(rfc9068, profiled().header("typ", null).sign(), Failure.WRONG_TYPE);
        assertRejected(rfc9068, profiled().header("typ", "at+jwt+evil").sign(), Failure.WRONG_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "exp", "aud", "sub", "client_id", "iat", "jti"})
    void I8_rfc9068ProfileRequiresEveryClaimOfSection2_2(String claim) {
        Failure failure = rejection(rfc9068, profiled().claim(claim, null).sign());
        assertThat(failure.status()).isEqualTo(401);
        assertThat(failure.error()).isEqualTo("invalid_token");
        if (!claim.equals("iss")) {
            assertThat(failure).isEqualTo(Failure.MISSING_CLAIM);
        }
    }

    @Test
    void rfc9068ProfileRefusesNonStringIdentifiers() {
        assertRejected(rfc9068, profiled().claim("client_id", 42).sign(), Failure.INVALID_CLAIM);
        assertRejected(rfc9068, profiled().claim("jti", java.util.List.of("a")).sign(), Failure.INVALID_CLAIM);
        assertRejected(rfc9068, profiled().claim("jti", "").sign(), Failure.MISSING_CLAIM);
    }

    @Test
    void oauthProfileKeepsAcceptingTypJwtAbsentTypAndTokensWithoutClientIdOrJti() {
        accepted(oauth, Tokens.valid(key).header("typ", "JWT").sign());
        accepted(oauth, Tokens.valid(key).header("typ", null).sign());
        accepted(oauth, Tokens.valid(key).sign());
        assertRejected(oauth, Tokens.valid(key).header("typ", "JOSE").sign(), Failure.WRONG_TYPE);
    }
}
