package dev.oauthjwt.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * A server under test that verifies tokens with a local PEM public key ({@code oauth.jwt.public-keys=file:…}, the
 * key generated at test start and written under {@code target/it}), holds them to the RFC 9068 profile, and
 * publishes RFC 9728 metadata for the resource {@value #RESOURCE}. No Authorization Server is reachable.
 *
 * @param server the server
 * @param key the key whose public half the server trusts
 */
record LocalKeysServer(ManagedServer server, TestKey key) implements AutoCloseable {

    /** {@code oauth.jwt.realm} of these servers. */
    static final String REALM = "it-local";
    /** {@code oauth.jwt.resource} of these servers. */
    static final String RESOURCE = "http://127.0.0.1/sample-api";
    /** Where the sample (application path {@code /api}) serves the metadata of {@link #RESOURCE}. */
    static final String METADATA_PATH = "/api/.well-known/oauth-protected-resource/sample-api";

    static LocalKeysServer create(Servers.Kind kind) throws IOException {
        TestKey key = TestKey.generate();
        Path dir = Path.of(System.getProperty("it.dir", "target/it"));
        Files.createDirectories(dir);
        Path pem = dir.resolve(kind.name().toLowerCase() + "-issuer.pem").toAbsolutePath();
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.jwk().getPublicKey().getEncoded());
        Files.writeString(pem, "-----" + "BEGIN PUBLIC KEY-----\n" + body + "\n-----" + "END PUBLIC KEY-----\n");
        OAuthJwtEnvironment environment = new OAuthJwtEnvironment(
                null,
                TestKey.ISSUER,
                TestKey.AUDIENCE,
                REALM,
                2,
                Map.of(
                        "OAUTH_JWT_PUBLIC_KEYS",
                        "file:" + pem,
                        "OAUTH_JWT_PROFILE",
                        "rfc9068",
                        "OAUTH_JWT_RESOURCE",
                        RESOURCE));
        return new LocalKeysServer(kind.launcher("-local-keys", environment), key);
    }

    void boot() throws Exception {
        server.boot();
    }

    @Override
    public void close() {
        server.close();
    }
}
