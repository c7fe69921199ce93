package dev.oauthjwt.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On both servers, a setting outside the bounds of its declaration, given as an environment variable, fails the
 * deployment of the sample WAR with the extension's message naming the key: the settings catalogue is what the
 * deployed extension reads, through the servers' own MicroProfile Config.
 */
class MisconfiguredDeploymentIT {

    private static final String MESSAGE =
            "Invalid OAuth JWT configuration: oauth.jwt.clock-skew must be between 0 s and 300 s";

    @ParameterizedTest
    // the application-security variant of Open Liberty is the same deployment as OPEN_LIBERTY: not booted again
    @EnumSource(value = Servers.Kind.class, names = "OPEN_LIBERTY_APP_SECURITY", mode = EnumSource.Mode.EXCLUDE)
    void clockSkewAboveFiveMinutesFailsTheDeploymentNamingTheKey_H152(Servers.Kind kind) throws Exception {
        try (JwksStub jwks = new JwksStub()) {
            OAuthJwtEnvironment environment = new OAuthJwtEnvironment(
                            jwks.uri(), TestKey.ISSUER, TestKey.AUDIENCE, Servers.API_REALM, 2)
                    .with("OAUTH_JWT_CLOCK_SKEW", "PT6M");
            try (ManagedServer server = kind.launcher("-misconfigured", environment)) {
                assertThatThrownBy(server::boot)
                        .as("boot of %s with a clock skew of 6 min", server)
                        .isInstanceOf(IllegalStateException.class);
                Optional<String> reported = LocalFiles.findLine(server.serverLog(), MESSAGE)
                        .or(() -> LocalFiles.findLine(server.dir.resolve(server.name + "-console.log"), MESSAGE));
                assertThat(reported)
                        .as("the server's log names the key and the bounds")
                        .isPresent();
                assertThat(jwks.requestCount())
                        .as("no JWKS fetch by a refused deployment")
                        .isZero();
            }
        }
    }
}
