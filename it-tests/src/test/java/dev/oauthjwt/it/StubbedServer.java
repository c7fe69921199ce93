package dev.oauthjwt.it;

import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.TestKeys;
import java.io.IOException;
import java.util.List;

/**
 * A server under test that trusts a JWKS stub of the tests (issuer {@link #ISSUER}, audience {@link #AUDIENCE}, realm
 * {@value Servers#API_REALM}, JWKS timeout 2 s), with the initial signing key the stub publishes. {@link #close()}
 * stops the server, then the stub.
 *
 * @param server the server
 * @param jwks its JWKS endpoint
 * @param initialKey the key the stub publishes at first
 */
record StubbedServer(ManagedServer server, JwksEndpoint jwks, TestKeys initialKey) implements AutoCloseable {

    static final String ISSUER = "https://issuer.it.test";
    static final String AUDIENCE = "sample-api";

    static StubbedServer create(Servers.Kind kind) throws IOException {
        AuthorizationServerStub stub = AuthorizationServerStub.start();
        try {
            JwksEndpoint jwks = stub.jwks();
            jwks.contentType("application/jwk-set+json");
            TestKeys key = SecuredApiContract.newKey();
            jwks.publishJwks(List.of(key.signingJwk()));
            OAuthJwtEnvironment environment = new OAuthJwtEnvironment(jwks.uri().toString(), ISSUER, AUDIENCE,
                    Servers.API_REALM, 2);
            return new StubbedServer(kind.launcher("", environment), jwks, key);
        } catch (IOException | RuntimeException e) {
            stub.close();
            throw e;
        }
    }

    void boot() throws Exception {
        server.boot();
    }

    @Override
    public void close() {
        server.close();
        jwks.stub().close();
    }

    @Override
    public String toString() {
        return server.toString();
    }
}
