package dev.oauthjwt.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The Authorization Server of the HTTP load benchmark, on 127.0.0.1: an RSA 2048 key generated at start (never
 * written), {@code GET /jwks} (counted), {@code GET /stats} (the JWKS fetch count), {@code POST /stats/reset}. At
 * start it writes into {@code <dir>}: {@code token.txt}, one RS256 access token (1 h, scope "read write", role
 * "admin", audience "sample-api", issuer {@code http://127.0.0.1:<port>}), and {@code unknown-kids.txt}, 2000
 * well-formed tokens whose kids are not in the JWKS.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.oauthjwt.bench.FakeAuthorizationServer <port> <dir>}; stop it with a
 * signal.
 */
public final class FakeAuthorizationServer {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
        jwk.setKeyId("bench-1");
        jwk.setAlgorithm("RS256");
        jwk.setUse("sig");
        byte[] jwks = ("{\"keys\":[" + jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}")
                .getBytes(StandardCharsets.UTF_8);
        String issuer = "http://127.0.0.1:" + port;
        AtomicInteger fetches = new AtomicInteger();

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            send(exchange, "application/json", jwks);
        });
        server.createContext("/stats", exchange -> {
            if ("POST".equals(exchange.getRequestMethod())) {
                fetches.set(0);
            }
            send(exchange, "text/plain", Integer.toString(fetches.get()).getBytes(StandardCharsets.US_ASCII));
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();

        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"bench-user\",\"aud\":\"sample-api\",\"iat\":" + now
                + ",\"exp\":" + (now + 3600) + ",\"jti\":\"" + UUID.randomUUID() + "\",\"scope\":\"read write\","
                + "\"role\":\"admin\"}";
        Files.writeString(dir.resolve("token.txt"), sign(pair, "bench-1", claims));
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String header = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"" + UUID.randomUUID() + "\"}";
            unknown.add(B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(new byte[256]));
        }
        Files.write(dir.resolve("unknown-kids.txt"), unknown);
        System.out.println("fake AS ready on " + issuer);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        Thread.currentThread().join();
    }

    private static String sign(KeyPair pair, String kid, String claims) throws Exception {
        String header = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}";
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(pair.getPrivate());
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(signature.sign());
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
