package dev.oauthjwt.it;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

/**
 * A server under test that trusts a {@link JwksStub} of the tests (issuer {@link TestKey#ISSUER}, audience
 * {@link TestKey#AUDIENCE}, realm {@value Servers#API_REALM}, JWKS timeout 2 s), with the initial signing key the
 * stub publishes, and an RSA key (generated at test start, written under {@code target/it}) that decrypts encrypted
 * tokens, and an {@link IntrospectionEndpoint} it asks about opaque tokens. {@link #boot()} also lets the server
 * fetch that JWKS once, so that the tests start from a server that holds the initial key (a server's first fetch runs
 * on a cold JVM, which on a loaded machine can take longer than the 2 s deadline the tests configure).
 * {@link #close()} stops the server, then the stubs.
 *
 * @param server the server
 * @param jwks its JWKS endpoint
 * @param initialKey the key the stub publishes at first
 * @param encryptionKey the key pair whose public half encrypts tokens for this server
 * @param introspection the introspection endpoint of opaque tokens
 */
record StubbedServer(
        ManagedServer server,
        JwksStub jwks,
        TestKey initialKey,
        RsaJsonWebKey encryptionKey,
        IntrospectionEndpoint introspection)
        implements AutoCloseable {

    private static final Duration WARM_UP = Duration.ofSeconds(60);

    static StubbedServer create(Servers.Kind kind) throws IOException {
        JwksStub jwks = new JwksStub();
        IntrospectionEndpoint introspection = new IntrospectionEndpoint();
        try {
            TestKey key = TestKey.generate();
            jwks.publish(key);
            RsaJsonWebKey encryptionKey = RsaJwkGenerator.generateJwk(2048);
            encryptionKey.setKeyId("it-enc");
            Path keyFile = Path.of(System.getProperty("it.dir", "target/it"), kind.name() + "-decryption-keys.json")
                    .toAbsolutePath();
            Files.createDirectories(keyFile.getParent());
            Files.writeString(
                    keyFile, new JsonWebKeySet(encryptionKey).toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            OAuthJwtEnvironment environment = new OAuthJwtEnvironment(
                            jwks.uri(), TestKey.ISSUER, TestKey.AUDIENCE, Servers.API_REALM, 2)
                    .with("OAUTH_JWT_DECRYPTION_KEYS", "file:" + keyFile)
                    .with("OAUTH_JWT_INTROSPECTION_MODE", "opaque")
                    .with(
                            "OAUTH_JWT_INTROSPECTION_ENDPOINT",
                            introspection.uri().toString())
                    .with("OAUTH_JWT_INTROSPECTION_CLIENT_ID", IntrospectionEndpoint.CLIENT_ID)
                    .with("OAUTH_JWT_INTROSPECTION_CLIENT_SECRET", IntrospectionEndpoint.CLIENT_SECRET);
            return new StubbedServer(kind.launcher("", environment), jwks, key, encryptionKey, introspection);
        } catch (JoseException e) {
            jwks.close();
            introspection.close();
            throw new IOException("cannot generate the decryption key", e);
        } catch (IOException | RuntimeException e) {
            jwks.close();
            introspection.close();
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
        introspection.close();
    }

    @Override
    public String toString() {
        return server.toString();
    }
}
