package dev.oauthjwt.it;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * A server under test that trusts a {@link JwksStub} of the tests (issuer {@link TestKey#ISSUER}, audience
 * {@link TestKey#AUDIENCE}, realm {@value Servers#API_REALM}, JWKS timeout 2 s), with the initial signing key the
 * stub publishes. {@link #boot()} also lets the server fetch that JWKS once, so that the tests start from a server
 * that holds the initial key (a server's first fetch runs on a cold JVM, which on a loaded machine can take longer
 * than the 2 s deadline the tests configure). {@link #close()} stops the server, then the stub.
 *
 * @param server the server
 * @param jwks its JWKS endpoint
 * @param initialKey the key the stub publishes at first
 */
record StubbedServer(ManagedServer server, JwksStub jwks, TestKey initialKey) implements AutoCloseable {

    private static final Duration WARM_UP = Duration.ofSeconds(60);

    static StubbedServer create(Servers.Kind kind) throws IOException {
        JwksStub jwks = new JwksStub();
        try {
            TestKey key = TestKey.generate();
            jwks.publish(key);
            OAuthJwtEnvironment environment = new OAuthJwtEnvironment(jwks.uri(), TestKey.ISSUER, TestKey.AUDIENCE,
                    Servers.API_REALM, 2);
            return new StubbedServer(kind.launcher("", environment), jwks, key);
        } catch (IOException | RuntimeException e) {
            jwks.close();
            throw e;
        }
    }

    void boot() throws Exception {
        server.boot();
        fetchInitialKey();
    }

    /** Sends a valid token until it is accepted: 503 (JWKS fetch missed its deadline) is retried after the cooldown. */
    private void fetchInitialKey() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/api/data"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + initialKey.token("read", "admin"));
        long deadline = System.nanoTime() + WARM_UP.toNanos();
        int status;
        do {
            status = SampleApiClient.send(request).statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(1_100); // oauth.jwt.jwks.min-refresh-interval (1 s) before the next fetch
        } while (status == 503 && System.nanoTime() < deadline);
        throw new IllegalStateException(server + " answered " + status + " to a valid token within " + WARM_UP);
    }

    @Override
    public void close() {
        server.close();
        jwks.close();
    }

    @Override
    public String toString() {
        return server.toString();
    }
}
