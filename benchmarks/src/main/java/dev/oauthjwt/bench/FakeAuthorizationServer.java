package dev.oauthjwt.bench;

import com.sun.net.httpserver.HttpExchange;
import dev.oauthjwt.testsupport.AuthorizationServerStub;
import dev.oauthjwt.testsupport.JwksEndpoint;
import dev.oauthjwt.testsupport.TestKeys;
import dev.oauthjwt.testsupport.Tokens;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The Authorization Server of the HTTP load benchmark, on 127.0.0.1: the shared Authorization Server stub with an RSA
 * 2048 key generated at start (never written), {@code GET /jwks} (counted), {@code GET /stats} (the JWKS fetch count),
 * {@code POST /stats} (resets it). At start it writes into {@code <dir>}: {@code token.txt}, one RS256 access token
 * (1 h, scope "read write", role "admin", audience "sample-api", issuer {@code http://127.0.0.1:<port>}), and
 * {@code unknown-kids.txt}, 2000 well-formed tokens whose kids are not in the JWKS.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.oauthjwt.bench.FakeAuthorizationServer <port> <dir>}; stop it with a
 * signal.
 */
public final class FakeAuthorizationServer {

    private FakeAuthorizationServer() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        TestKeys key = TestKeys.rsa("bench-1");
        AuthorizationServerStub server = AuthorizationServerStub.start(port);
        JwksEndpoint jwks = server.jwks().publishJwks(List.of(key.signingJwk()));
        server.route("/stats", exchange -> {
            if ("POST".equals(exchange.getRequestMethod())) {
                jwks.resetCount();
            }
            send(exchange, Integer.toString(jwks.requestCount()));
        });
        String issuer = "http://127.0.0.1:" + server.port();

        Tokens token = Tokens.valid(key)
                .expiresIn(3600)
                .claim("iss", issuer)
                .claim("sub", "bench-user")
                .claim("aud", "sample-api")
                .claim("jti", UUID.randomUUID().toString())
                .claim("groups", null);
        String valid = token.sign();
        Files.writeString(dir.resolve("token.txt"), valid);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            token.header("kid", UUID.randomUUID().toString());
            unknown.add(Tokens.rawWithSignatureOf(valid, token.headerJson(), token.claimsJson()));
        }
        Files.write(dir.resolve("unknown-kids.txt"), unknown);
        System.out.println("fake AS ready on " + issuer);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
