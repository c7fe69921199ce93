package dev.oauthjwt.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An RFC 7662 endpoint of the tests on 127.0.0.1: a token that starts with {@value #ACTIVE_PREFIX} is active (issuer
 * and audience of {@link TestKey}, subject {@code alice}, scope {@code read}, role {@code admin}); any other is not.
 * It checks the client's credentials ({@value #CLIENT_ID} / {@value #CLIENT_SECRET}, {@code client_secret_basic}).
 */
final class IntrospectionEndpoint implements AutoCloseable {

    static final String ACTIVE_PREFIX = "opaque-active-";
    static final String CLIENT_ID = "it-api";
    static final String CLIENT_SECRET = "it-api-secret";

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    IntrospectionEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String expected = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        server.createContext("/introspect", exchange -> {
            calls.incrementAndGet();
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String token = "";
            for (String pair : form.split("&")) {
                if (pair.startsWith("token=")) {
                    token = URLDecoder.decode(pair.substring("token=".length()), StandardCharsets.UTF_8);
                }
            }
            boolean authorized = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            String answer = authorized && token.startsWith(ACTIVE_PREFIX)
                    ? "{\"active\":true,\"iss\":\"" + TestKey.ISSUER + "\",\"aud\":\"" + TestKey.AUDIENCE
                            + "\",\"sub\":\"alice\",\"scope\":\"read\",\"role\":\"admin\",\"exp\":"
                            + (Instant.now().getEpochSecond() + 300) + "}"
                    : "{\"active\":false}";
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(authorized ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/introspect");
    }

    int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
