package dev.oauthjwt.it;

import java.io.IOException;

/**
 * A server under test that trusts a {@link JwksStub} of the tests (issuer {@link TestKey#ISSUER}, audience
 * {@link TestKey#AUDIENCE}, realm {@value Servers#API_REALM}, JWKS timeout 2 s), with the initial signing key the
 * stub publishes. {@link #close()} stops the server, then the stub.
 *
 * @param server the server
 * @param jwks its JWKS endpoint
 * @param initialKey the key the stub publishes at first
 */
record StubbedServer(ManagedServer server, JwksStub jwks, TestKey initialKey) implements AutoCloseable {

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
