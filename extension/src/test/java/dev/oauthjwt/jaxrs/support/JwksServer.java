package dev.oauthjwt.jaxrs.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.json.JsonUtil;

/**
 * A scriptable JWKS endpoint on 127.0.0.1 and a random port: serves the keys it is given, counts requests, and can be
 * switched to fail (status, delay, raw body, extra headers).
 */
public final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile List<Map<String, Object>> keys = new ArrayList<>();
    private volatile int status = 200;
    private volatile long delayMillis;
    private volatile String rawBody;
    private volatile Map<String, String> headers = Map.of();

    public JwksServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/jwks", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "jwks-stub");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    }

    /** Publishes exactly these keys (public JWKs), and serves normally again. */
    public JwksServer publish(TestKeys... published) {
        List<Map<String, Object>> jwks = new ArrayList<>();
        for (TestKeys k : published) {
            jwks.add(k.publicJwk());
        }
        return publishJwks(jwks);
    }

    public JwksServer publishJwks(List<Map<String, Object>> jwks) {
        this.keys = new ArrayList<>(jwks);
        this.status = 200;
        this.rawBody = null;
        this.delayMillis = 0;
        this.headers = Map.of();
        return this;
    }

    public JwksServer failWith(int httpStatus) {
        this.status = httpStatus;
        return this;
    }

    public JwksServer delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    public JwksServer rawBody(String body) {
        this.rawBody = body;
        return this;
    }

    public JwksServer headers(Map<String, String> extra) {
        this.headers = Map.copyOf(extra);
        return this;
    }

    public int requestCount() {
        return requests.get();
    }

    public void resetCount() {
        requests.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            byte[] body;
            if (rawBody != null) {
                body = rawBody.getBytes(StandardCharsets.UTF_8);
            } else {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("keys", keys);
                body = JsonUtil.toJson(document).getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientWentAway) {
            // the client's deadline passed first
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
