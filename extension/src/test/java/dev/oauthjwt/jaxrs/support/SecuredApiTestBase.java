package dev.oauthjwt.jaxrs.support;

import dev.oauthjwt.jaxrs.api.SecuredByClass;
import dev.oauthjwt.jaxrs.api.SecuredContractImpl;
import dev.oauthjwt.jaxrs.api.TestApi;
import dev.oauthjwt.jaxrs.internal.http.SecuredFeature;
import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.TestKeys;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.TestProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs the test API on Grizzly (random port) with Weld SE and real MicroProfile Config, against a JWKS stub, once per
 * test class. Subclasses may override {@link #config(JwksEndpoint)} to change the configuration. Requests are sent with
 * the JDK HttpClient, which can send repeated header lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SecuredApiTestBase extends JerseyTest {

    protected JwksEndpoint jwks;
    protected TestKeys key;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected SecuredApiTestBase() {
        // JerseyTest configures itself lazily in setUp(), after the JWKS stub and the config exist
    }

    /** @return the configuration of this test class; the default is a valid one for the stub */
    protected Map<String, String> config(JwksEndpoint server) {
        return new HashMap<>(TestConfig.defaults(server));
    }

    @BeforeAll
    void startApi() throws Exception {
        jwks = AuthorizationServerStub.start().jwks();
        key = TestKeys.rsa("k1");
        jwks.publish(key);
        TestConfig.install(config(jwks));
        setUp();
    }

    @AfterAll
    void stopApi() throws Exception {
        try {
            tearDown();
        } finally {
            jwks.stub().close();
        }
    }

    @Override
    protected Application configure() {
        forceSet(TestProperties.CONTAINER_PORT, "0");
        return new ResourceConfig(TestApi.class, SecuredByClass.class, SecuredContractImpl.class, SecuredFeature.class);
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + getPort() + path);
    }

    /** Sends a request; each {@code headerPairs} element pair is one header line (name, value). */
    protected HttpResponse<String> send(String method, String path, String... headerPairs) {
        return send(method, path, HttpRequest.BodyPublishers.noBody(), headerPairs);
    }

    protected HttpResponse<String> send(
            String method, String path, HttpRequest.BodyPublisher body, String... headerPairs) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(20))
                .version(HttpClient.Version.HTTP_1_1)
                .method(method, body);
        for (int i = 0; i < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> get(String path, String... headerPairs) {
        return send("GET", path, headerPairs);
    }

    protected HttpResponse<String> getWithToken(String path, String token) {
        return get(path, "Authorization", "Bearer " + token);
    }
}
