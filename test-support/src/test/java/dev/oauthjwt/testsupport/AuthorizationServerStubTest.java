package dev.oauthjwt.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Authorization Server stub serves, scripts and counts what the tests of every module rely on. */
class AuthorizationServerStubTest {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private AuthorizationServerStub stub;

    @BeforeEach
    void start() {
        stub = AuthorizationServerStub.start();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void bindsLoopbackOnAFreePort() {
        assertThat(stub.port()).isPositive();
        assertThat(stub.jwks().uri()).isEqualTo(URI.create("http://127.0.0.1:" + stub.port() + "/jwks"));
        assertThat(stub.jwks().stub()).isSameAs(stub);
    }

    @Test
    void servesThePublishedPublicKeysAsAJwks() throws Exception {
        TestKeys rsa = TestKeys.rsa("rsa-1");
        TestKeys ec = TestKeys.ec("ec-1", "P-256");
        stub.jwks().publish(rsa, ec);

        HttpResponse<String> response = get(stub.jwks().uri());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        List<Object> kids = ((List<?>) JsonUtil.parseJson(response.body()).get("keys"))
                .stream().map(key -> (Object) ((Map<?, ?>) key).get("kid")).toList();
        assertThat(kids).containsExactly("rsa-1", "ec-1");
        assertThat(response.body()).doesNotContain("\"d\"", "\"p\"");
        assertThat(stub.jwks().requestCount()).isEqualTo(1);
    }

    @Test
    void addsAKeyBesideThePublishedOnesWithoutChangingTheScript() throws Exception {
        stub.jwks().publish(TestKeys.rsa("old")).failWith(500);
        stub.jwks().add(TestKeys.rsa("new").signingJwk());

        HttpResponse<String> response = get(stub.jwks().uri());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("\"old\"", "\"new\"", "\"use\":\"sig\"");
    }

    @Test
    void servesFurtherDocumentsAtTheirPathsAndNothingElse() throws Exception {
        StubEndpoint discovery = stub.document(
                "/.well-known/openid-configuration", "application/json", "{\"issuer\":\"https://as.example.test\"}");

        HttpResponse<String> response = get(stub.uri("/.well-known/openid-configuration"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"issuer\":\"https://as.example.test\"}");
        assertThat(discovery.requestCount()).isEqualTo(1);
        assertThat(stub.jwks().requestCount()).isZero();
        assertThat(get(stub.uri("/unknown")).statusCode()).isEqualTo(404);
    }

    @Test
    void answersTheScriptUntilServingNormallyAgain() throws Exception {
        stub.jwks().publish(TestKeys.rsa("k1"));
        stub.jwks().failWith(503).rawBody("down").headers(Map.of("Retry-After", "5"));

        HttpResponse<String> failed = get(stub.jwks().uri());
        stub.jwks().serveNormally();
        HttpResponse<String> served = get(stub.jwks().uri());

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.body()).isEqualTo("down");
        assertThat(failed.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).contains("\"k1\"");
        assertThat(served.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void hangsWithoutAnAnswerUntilServingNormallyAgain() throws Exception {
        stub.jwks().hang();
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(
                HttpRequest.newBuilder(stub.jwks().uri())
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        Thread.sleep(300);
        assertThat(pending).isNotDone();
        stub.jwks().serveNormally();

        // the hanging request is closed unanswered; the JDK client then retries the GET once, which is answered
        CompletableFuture<String> outcome = pending.handle(
                (response, failure) -> response == null ? "closed" : Integer.toString(response.statusCode()));
        assertThat(outcome).succeedsWithin(Duration.ofSeconds(10)).isIn("closed", "200");
        assertThat(stub.jwks().requestCount()).isBetween(1, 2);
    }

    @Test
    void delaysAnswersAndCountsConcurrentRequests() throws Exception {
        stub.jwks().delay(500);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            answers.add(http.sendAsync(
                    HttpRequest.newBuilder(stub.jwks().uri()).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(stub.jwks().requestCount()).isEqualTo(3);
        assertThat(stub.jwks().maxConcurrentRequests()).isGreaterThanOrEqualTo(2);
        stub.jwks().resetCount();
        assertThat(stub.jwks().requestCount()).isZero();
    }

    @Test
    void streamsFillerTricklesBytesAndDeclaresALyingLength() throws Exception {
        stub.jwks().stream(100_000);
        assertThat(get(stub.jwks().uri()).body()).hasSize(100_000).matches("a+");

        stub.jwks().serveNormally().rawBody("abc").trickle(20);
        long start = System.nanoTime();
        assertThat(get(stub.jwks().uri()).body()).isEqualTo("abc");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(60));

        stub.jwks().serveNormally().rawBody("abc").declaredLength(100_000); // sends far fewer bytes than it declares
        CompletableFuture<HttpResponse<String>> lying =
                http.sendAsync(HttpRequest.newBuilder(stub.jwks().uri()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(lying).failsWithin(Duration.ofSeconds(2)); // no complete body: the client waits for the rest
    }

    @Test
    void routesHandWrittenEndpoints() throws Exception {
        stub.route("/token", exchange -> {
            try (exchange) {
                byte[] body = "minted".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(201, body.length);
                exchange.getResponseBody().write(body);
            }
        });

        HttpResponse<String> response = get(stub.uri("/token"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("minted");
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
