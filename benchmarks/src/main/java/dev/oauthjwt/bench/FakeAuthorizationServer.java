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
import java.util.stream.IntStream;

/**
 * The Authorization Server of the HTTP load benchmark, on 127.0.0.1: the shared Authorization Server stub with an RSA
 * 2048 key generated at start (never written), {@code GET /jwks} (counted), {@code GET /stats} (the JWKS fetch count),
 * {@code POST /stats} (resets it). At start it writes into {@code <dir>}:
 * <ul>
 *   <li>{@code token.txt}: one RS256 access token (typ JWT, 1 h, scope "read write", role "admin", groups ["admin"] for
 *       the servers' built-in MP-JWT, audience "sample-api", issuer {@code http://127.0.0.1:<port>});</li>
 *   <li>{@code pool.txt}: {@code <pool>} (default 10 000) distinct valid tokens like it (each its own jti), one a line;</li>
 *   <li>{@code invalid.txt}: 1000 tokens of the pool with a broken signature (same kid: each costs a verification);</li>
 *   <li>{@code refused/<case>.txt}: one token per case that every secured endpoint should refuse: another audience,
 *       another issuer, a broken signature, expired, valid for 30 days, and {@code aud} twice (another audience, then
 *       ours: a parser that keeps the last member reads ours);</li>
 *   <li>{@code unknown-kids.txt}: 2000 well-formed tokens whose kids are not in the JWKS.</li>
 * </ul>
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.oauthjwt.bench.FakeAuthorizationServer <port> <dir> [<pool>]}; stop
 * it with a signal.
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
        int poolSize = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;

        Tokens token = token(key, issuer);
        String valid = token.sign();
        Path refused = Files.createDirectories(dir.resolve("refused"));
        Files.writeString(
                refused.resolve("wrong-audience.txt"),
                token(key, issuer).claim("aud", "other-api").sign());
        Files.writeString(
                refused.resolve("wrong-issuer.txt"),
                token(key, issuer + "/other").sign());
        Files.writeString(
                refused.resolve("expired.txt"),
                token(key, issuer).expiresIn(-60).sign());
        Files.writeString(
                refused.resolve("lifetime-of-30-days.txt"),
                token(key, issuer).expiresIn(30 * 86_400).sign());
        Files.writeString(refused.resolve("bad-signature.txt"), breakSignature(valid));
        String otherAudience = token(key, issuer).claim("aud", "other-api").claimsJson();
        Files.writeString(
                refused.resolve("audience-twice-other-than-ours.txt"),
                Tokens.signRaw(
                        token(key, issuer).headerJson(),
                        otherAudience.substring(0, otherAudience.length() - 1) + ",\"aud\":\"sample-api\"}",
                        key));
        List<String> pool = IntStream.range(0, poolSize)
                .parallel()
                .mapToObj(i -> token(key, issuer).sign())
                .toList();
        Files.write(dir.resolve("pool.txt"), pool);
        Files.write(
                dir.resolve("invalid.txt"),
                pool.stream()
                        .limit(1000)
                        .map(FakeAuthorizationServer::breakSignature)
                        .toList());
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            token.header("kid", UUID.randomUUID().toString());
            unknown.add(Tokens.rawWithSignatureOf(valid, token.headerJson(), token.claimsJson()));
        }
        Files.write(dir.resolve("unknown-kids.txt"), unknown);
        Files.writeString(dir.resolve("token.txt"), valid); // written last: the scripts wait for it
        System.out.println("fake AS ready on " + issuer);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
    }

    /** A typical access token of this server, with its own jti. */
    private static Tokens token(TestKeys key, String issuer) {
        return Tokens.valid(key)
                .expiresIn(3600)
                .header("typ", "JWT")
                .claim("iss", issuer)
                .claim("sub", "bench-user")
                .claim("aud", "sample-api")
                .claim("jti", UUID.randomUUID().toString())
                .claim("groups", List.of("admin"));
    }

    /** The same token with one signature character changed (still canonical base64url, so the check is reached). */
    private static String breakSignature(String token) {
        int at = token.lastIndexOf('.') + 10;
        char replacement = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + replacement + token.substring(at + 1);
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
