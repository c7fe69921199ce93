package dev.oauthjwt.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The extension's health check and metrics are optional: on an Open Liberty server without {@code mpHealth} and
 * {@code mpMetrics} (so without their APIs) the WAR deploys and serves secured requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenLibertyWithoutOptionalFeaturesIT extends SampleApiClient {

    private JwksStub jwks;
    private TestKey key;

    @BeforeAll
    void boot() throws Exception {
        jwks = new JwksStub();
        key = TestKey.generate();
        jwks.publish(key);
        try {
            server = new OpenLibertyServer(
                    "open-liberty-bare",
                    Matrix.EE10,
                    new OAuthJwtEnvironment(jwks.uri(), TestKey.ISSUER, TestKey.AUDIENCE, Servers.API_REALM, 2),
                    false,
                    false);
            server.boot();
        } catch (Exception | Error e) {
            stop();
            throw e;
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        jwks.close();
    }

    @Override
    String realm() {
        return Servers.API_REALM;
    }

    @Test
    void servesTheSecuredApiWithoutMicroProfileHealthAndMetrics() throws Exception {
        assertThat(get("/api/data", key.token("read", "admin")).body()).isEqualTo(READ_ADMIN_MESSAGE);
        assertInvalidToken(get("/api/data", "not-a-token"));
        assertThat(OperationsEndpoints.get(server, "/health/ready").statusCode())
                .isEqualTo(404);
        assertThat(OperationsEndpoints.get(server, "/metrics").statusCode()).isEqualTo(404);
    }
}
