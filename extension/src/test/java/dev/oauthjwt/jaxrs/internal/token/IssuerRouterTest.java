package dev.oauthjwt.jaxrs.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.OAuthJwtProducer;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.config.Tenants;
import dev.oauthjwt.jaxrs.internal.ops.Telemetry;
import dev.oauthjwt.jaxrs.support.TestConfig;
import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several issuers: the token's {@code iss} selects the one validator, with the keys of that issuer only. */
class IssuerRouterTest {

    private static final String MAIN = "https://main.example.test";
    private static final String PARTNER = "https://partner.example.test";

    private JwksEndpoint mainJwks;
    private JwksEndpoint partnerJwks;
    private TestKeys mainKey;
    private TestKeys partnerKey;
    private IssuerRouter router;

    @BeforeEach
    void start() {
        mainJwks = AuthorizationServerStub.start().jwks();
        partnerJwks = AuthorizationServerStub.start().jwks();
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
        router = OAuthJwtProducer.create(
                Tenants.from(TestConfig.of(values)),
                Optional.empty(),
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

    /** @return the name of the tenant that verified the token */
    private String accepted(String token) throws TokenRejectedException {
        IssuerRouter.Selection selection = router.select(token);
        selection.validator().validate(selection.token());
        return selection.tenant().name();
    }

    private Failure rejection(String token) {
        try {
            throw new AssertionError("accepted for tenant " + accepted(token));
        } catch (TokenRejectedException e) {
            return e.failure();
        }
    }

    @Test
    void D89_selectsTheTenantByTheExactIssuerOnly() throws Exception {
        assertThat(accepted(Tokens.valid(mainKey).claim("iss", MAIN).sign())).isEqualTo("main");
        assertThat(accepted(Tokens.valid(partnerKey).claim("iss", PARTNER).sign()))
                .isEqualTo("partner");
        assertThat(rejection(Tokens.valid(mainKey).claim("iss", MAIN + "/").sign()))
                .isEqualTo(Failure.WRONG_ISSUER);
        assertThat(rejection(
                        Tokens.valid(mainKey).claim("iss", MAIN.toUpperCase()).sign()))
                .isEqualTo(Failure.WRONG_ISSUER);
    }

    @Test
    void I10_G148_keysOfOneTenantNeverVerifyATokenOfAnother() {
        assertThat(rejection(Tokens.valid(mainKey).claim("iss", PARTNER).sign()))
                .isEqualTo(Failure.UNVERIFIABLE);
        assertThat(rejection(Tokens.valid(partnerKey).claim("iss", MAIN).sign()))
                .isEqualTo(Failure.UNVERIFIABLE);
    }

    @Test
    void aTokenCachedByOneTenantIsNeverAnsweredFromAnotherTenantsCache() throws Exception {
        String main = Tokens.valid(mainKey).claim("iss", MAIN).sign();
        assertThat(accepted(main)).isEqualTo("main");
        assertThat(accepted(main)).as("answered from the cache of main").isEqualTo("main");
        assertThat(router.validators().get(1).cache().size()).isZero();
        assertThat(router.validators().get(0).cache().size()).isEqualTo(1);
    }

    @Test
    void I11_G123_aTokenOfAnUnknownIssuerCostsNoNetworkRequestWhateverItsKid() {
        for (int i = 0; i < 20; i++) {
            assertThat(rejection(Tokens.valid(mainKey)
                            .claim("iss", "https://evil.example/" + i)
                            .header("kid", "x" + i)
                            .sign()))
                    .isEqualTo(Failure.WRONG_ISSUER);
        }
        assertThat(rejection(Tokens.valid(mainKey).claim("iss", null).sign())).isEqualTo(Failure.MISSING_CLAIM);
        assertThat(mainJwks.requestCount() + partnerJwks.requestCount()).isZero();
    }

    @Test
    void I12_anIssuerThatIsNotAStringOrNoTokenAtAllCostsNoNetworkRequest() {
        assertThat(rejection(Tokens.valid(mainKey).claim("iss", List.of(MAIN)).sign()))
                .isEqualTo(Failure.INVALID_CLAIM);
        assertThat(rejection("not.a.token")).isEqualTo(Failure.MALFORMED_TOKEN);
        assertThat(rejection(null)).isEqualTo(Failure.MALFORMED_TOKEN);
        assertThat(mainJwks.requestCount() + partnerJwks.requestCount()).isZero();
    }
}
