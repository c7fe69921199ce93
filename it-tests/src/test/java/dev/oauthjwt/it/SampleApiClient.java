package dev.oauthjwt.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the tests that call the sample WAR over real HTTP: request helpers against {@link #server} and the
 * assertions on its {@code WWW-Authenticate} challenge, whose realm is {@link #realm()}.
 */
abstract class SampleApiClient {

    /** The body of {@code /api/data} for a token with scope {@code read} and role {@code admin}. */
    static final String READ_ADMIN_MESSAGE = "{\"message\":\"API called for user with scope 'read' and role 'admin'\"}";

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The server under test; set by the subclass before each test. */
    ManagedServer server;

    /** @return the {@code oauth.jwt.realm} of the server under test */
    abstract String realm();

    /** Every refusal is a planned rule: no request may reach the validator's "failed unexpectedly" branch. */
    @AfterEach
    void noValidationFailedUnexpectedly() throws IOException {
        if (server != null) {
            assertThat(server.logLinesContaining("failed unexpectedly"))
                    .as("server log of " + server)
                    .isEmpty();
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30));
    }

    /** GET {@code path}, with {@code Authorization: Bearer <token>} unless the token is {@code null}. */
    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return send(builder);
    }

    static HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The proof algorithms the sample accepts (the default: all), as its DPoP challenge lists them. */
    static final String DPOP_ALGS = "RS256 RS384 RS512 PS256 PS384 PS512 ES256 ES384 ES512";

    /**
     * Asserts that the server under test runs what its {@link Matrix} says: its process tree runs the matrix's JDK,
     * its log names the server version and (Liberty) the features.
     */
    void assertServerRunsItsMatrix() throws IOException {
        String java = server.javaHome.resolve("bin/java").toRealPath().toString();
        assertThat(server.commands()).as("executables of %s", server).contains(java);
        for (String evidence : server.platformEvidence()) {
            assertThat(LocalFiles.findLine(server.serverLog(), evidence))
                    .as("\"%s\" in %s", evidence, server.serverLog())
                    .isPresent();
        }
    }

    /** Asserts a 401 with a Bearer challenge in the realm with {@code error="invalid_token"}, and a bare DPoP one. */
    void assertInvalidToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).hasSize(2);
        assertThat(challenge(response))
                .startsWith("Bearer realm=\"" + realm() + "\"")
                .contains("error=\"invalid_token\"");
        assertThat(response.headers().allValues("WWW-Authenticate"))
                .contains("DPoP realm=\"" + realm() + "\", algs=\"" + DPOP_ALGS + "\"");
    }

    /** @return the {@code WWW-Authenticate} value of the Bearer scheme (asserts there is exactly one) */
    static String challenge(HttpResponse<String> response) {
        List<String> values = response.headers().allValues("WWW-Authenticate").stream()
                .filter(value -> value.startsWith("Bearer"))
                .toList();
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    /** @return the challenges a 401 without error carries: a bare Bearer and a bare DPoP one in the realm */
    List<String> bareChallenges() {
        return List.of(
                "Bearer realm=\"" + realm() + "\"", "DPoP realm=\"" + realm() + "\", algs=\"" + DPOP_ALGS + "\"");
    }
}
