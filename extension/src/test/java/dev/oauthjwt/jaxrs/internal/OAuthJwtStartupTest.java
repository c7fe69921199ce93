package dev.oauthjwt.jaxrs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthjwt.jaxrs.internal.config.OAuthJwtConfig;
import dev.oauthjwt.jaxrs.internal.config.Tenants;
import dev.oauthjwt.jaxrs.internal.keys.KeysState;
import dev.oauthjwt.jaxrs.internal.ops.FetchResult;
import dev.oauthjwt.jaxrs.internal.ops.Telemetry;
import dev.oauthjwt.jaxrs.internal.token.IssuerRouter;
import dev.oauthjwt.jaxrs.internal.token.TokenValidator;
import dev.oauthjwt.jaxrs.support.LogCapture;
import dev.oauthjwt.jaxrs.support.TestConfig;
import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What happens at deployment: the startup report line, and the key prefetch of {@code oauth.jwt.jwks.prefetch}. */
class OAuthJwtStartupTest {

    AuthorizationServerStub stub;
    JwksEndpoint jwks;
    TokenValidator validator;

    @BeforeEach
    void start() {
        stub = AuthorizationServerStub.start();
        jwks = stub.jwks();
        jwks.publish(TestKeys.rsa("k1"));
    }

    @AfterEach
    void stop() {
        if (validator != null) {
            validator.close();
        }
        stub.close();
    }

    TokenValidator started(Map<String, String> extra) {
        Map<String, String> values = TestConfig.defaults(jwks);
        values.putAll(extra);
        validator = OAuthJwtProducer.create(OAuthJwtConfig.from(TestConfig.of(values)), Clock.systemUTC());
        new OAuthJwtStartup()
                .started(
                        new Object(),
                        new IssuerRouter(
                                Tenants.from(TestConfig.of(values)),
                                List.of(validator),
                                Optional.empty(),
                                Telemetry.NONE));
        return validator;
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void prefetchFetchesTheKeysAtDeploymentBeforeAnyRequest() throws Exception {
        TokenValidator v = started(Map.of("oauth.jwt.jwks.prefetch", "true"));
        await(() -> v.keysState().usable());
        assertThat(v.keysState().keyCount()).isEqualTo(1);
        assertThat(jwks.requestCount()).isEqualTo(1);
    }

    @Test
    void withoutPrefetchNothingIsFetchedAtDeployment() throws Exception {
        TokenValidator v = started(Map.of());
        Thread.sleep(300);
        assertThat(jwks.requestCount()).isZero();
        assertThat(v.keysState().usable()).isFalse();
    }

    @Test
    void aFailedPrefetchNeitherFailsNorDelaysTheDeployment() throws Exception {
        jwks.delay(5_000);
        long start = System.nanoTime();
        TokenValidator v = started(Map.of("oauth.jwt.jwks.prefetch", "true", "oauth.jwt.jwks.timeout", "PT0.5S"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(400));
        await(() -> v.keysState().lastFailure() != null);
        KeysState state = v.keysState();
        assertThat(state.usable()).isFalse();
        assertThat(state.lastFailure()).isEqualTo(FetchResult.TIMEOUT);
    }

    @Test
    void logsOneStartupLinePerIssuerWithTheEffectiveConfiguration() {
        try (LogCapture log = new LogCapture(OAuthJwtStartup.class.getName(), Level.INFO)) {
            started(Map.of(
                    "oauth.jwt.algorithms",
                    "RS256,ES256",
                    "oauth.jwt.scope",
                    "read",
                    "oauth.jwt.audience",
                    "api,admin-api"));
            assertThat(log.messages())
                    .singleElement()
                    .asString()
                    .startsWith("oauth-jwt: issuer " + Tokens.ISSUER + "; JWKS " + jwks.uri() + " (prefetch off")
                    .contains(
                            "; algorithms RS256,ES256;",
                            "; audiences api,admin-api;",
                            "; scopes read;",
                            "; token cache 10000 entries, max age 300 s;",
                            "; audit 10 lines/s per reason");
        }
    }

    @Test
    void theStartupLineNeverShowsCredentialsOfTheJwksUrl() {
        Map<String, String> values = TestConfig.defaults(jwks);
        values.put("oauth.jwt.jwks-uri", "http://svc:s3cret@127.0.0.1:8443/keys?api_key=k3y#frag");
        String line = OAuthJwtStartup.report(OAuthJwtConfig.from(TestConfig.of(values)));
        assertThat(line).contains("JWKS http://127.0.0.1:8443/keys (").doesNotContain("s3cret", "svc", "k3y", "frag");
    }
}
