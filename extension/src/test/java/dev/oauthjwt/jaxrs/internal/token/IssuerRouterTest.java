package dev.oauthjwt.jaxrs.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.OAuthJwtProducer;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.Tenants;
import dev.oauthjwt.jaxrs.support.JwksServer;
import dev.oauthjwt.jaxrs.support.TestConfig;
import dev.oauthjwt.jaxrs.support.TestKeys;
import dev.oauthjwt.jaxrs.support.Tokens;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several issuers: the token's {@code iss} selects the one validator, with the keys of that issuer only. */
class IssuerRouterTest {

    private static final String MAIN = "https://main.example.test";
    private static final String PARTNER = "https://partner.example.test";

    private JwksServer mainJwks;
    private JwksServer partnerJwks;
    private TestKeys mainKey;
    private TestKeys partnerKey;
    private IssuerRouter router;

    @BeforeEach
    void start() {
        mainJwks = new JwksServer();
        partnerJwks = new JwksServer();
        mainKey = TestKeys.rsa("k1");
        partnerKey = TestKeys.rsa("k1"); // the same kid at both issuers
        mainJwks.publish(mainKey);
        partnerJwks.publish(partnerKey);
        Map<String, String> values = new HashMap<>();
        values.put("oauth.jwt.tenants", "main,partner");
        values.put("oauth.jwt.tenant.main.issuer", MAIN);
        values.put("oauth.jwt.tenant.main.jwks-uri", mainJwks.uri().toString());
        values.put("oauth.jwt.tenant.partner.issuer", PARTNER);
        values.put("oauth.jwt.tenant.partner.jwks-uri", partnerJwks.uri().toString());
        values.put("oauth.jwt.audience", Tokens.AUDIENCE);
        values.put("oauth.jwt.jwks.min-refresh-interval", "PT1S");
        router = OAuthJwtProducer.create(Tenants.from(TestConfig.of(values)), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        router.close();
        mainJwks.close();
        partnerJwks.close();
    }

    private Failure rejection(String token) {
        try {
            IssuerRouter.Routed routed = router.validate(token);
            throw new AssertionError("accepted for tenant " + routed.tenant().name());
        } catch (TokenRejectedException e) {
            return e.failure();
        }
    }

    @Test
    void selectsTheTenantByTheExactIssuer() throws Exception {
        assertThat(router.validate(Tokens.valid(mainKey).claim("iss", MAIN).sign()).tenant().name())
                .isEqualTo("main");
        assertThat(router.validate(Tokens.valid(partnerKey).claim("iss", PARTNER).sign()).tenant().name())
                .isEqualTo("partner");
        assertThat(rejection(Tokens.valid(mainKey).claim("iss", MAIN + "/").sign())).isEqualTo(Failure.WRONG_ISSUER);
    }

    @Test
    void I10_keysOfOneTenantNeverVerifyATokenOfAnother() {
        assertThat(rejection(Tokens.valid(mainKey).claim("iss", PARTNER).sign())).isEqualTo(Failure.UNVERIFIABLE);
        assertThat(rejection(Tokens.valid(partnerKey).claim("iss", MAIN).sign())).isEqualTo(Failure.UNVERIFIABLE);
    }

    @Test
    void I11_aTokenOfAnUnknownIssuerCostsNoNetworkRequest() {
        for (int i = 0; i < 20; i++) {
            assertThat(rejection(Tokens.valid(mainKey).claim("iss", "https://evil.example/" + i).header("kid", "x" + i)
                    .sign())).isEqualTo(Failure.WRONG_ISSUER);
        }
        assertThat(rejection(Tokens.valid(mainKey).claim("iss", null).sign())).isEqualTo(Failure.WRONG_ISSUER);
        assertThat(mainJwks.requestCount() + partnerJwks.requestCount()).isZero();
    }

    @Test
    void I12_anIssuerThatIsNotAStringIsAnInvalidClaim() {
        assertThat(rejection(Tokens.valid(mainKey).claim("iss", java.util.List.of(MAIN)).sign()))
                .isEqualTo(Failure.INVALID_CLAIM);
        assertThatThrownBy(() -> router.validate("not.a.token")).isInstanceOf(TokenRejectedException.class);
        assertThat(mainJwks.requestCount() + partnerJwks.requestCount()).isZero();
    }
}
