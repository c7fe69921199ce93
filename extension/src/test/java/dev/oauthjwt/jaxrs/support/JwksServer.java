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
    private final Map<String, String> documents = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> documentRequests = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile List<Map<String, Object>> keys = new ArrayList<>();
    private volatile int status = 200;
    private volatile long delayMillis;
    private volatile String rawBody;
    private volatile Map<String, String> headers = Map.of();
    private volatile byte[] rawBytes;
    private volatile long trickleMillis;
    private volatile long streamBytes;
    private volatile long declaredLength = -2;
    private volatile boolean closed;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxActive = new AtomicInteger();

    public JwksServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/jwks", this::handle);
        server.createContext("/", this::handleDocument);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "jwks-stub");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** @return {@code http://127.0.0.1:<port>}, the base of issuers whose metadata this server serves */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code json} at exactly {@code path} (other paths but {@code /jwks}: 404); null stops serving it. */
    public JwksServer document(String path, String json) {
        if (json == null) {
            documents.remove(path);
        } else {
            documents.put(path, json);
        }
        return this;
    }

    /** @return how many requests asked for {@code path} (served or not) */
    public int documentRequests(String path) {
        return documentRequests.getOrDefault(path, new AtomicInteger()).get();
    }

    private void handleDocument(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            documentRequests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            String json = documents.get(path);
            if (json == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
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
        this.rawBytes = null;
        this.trickleMillis = 0;
        this.streamBytes = 0;
        this.declaredLength = -2;
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

    /** Serves these exact bytes as the body (e.g. a gzip stream), instead of the JWKS or {@link #rawBody}. */
    public JwksServer rawBytes(byte[] body) {
        this.rawBytes = body.clone();
        return this;
    }

    /** Slowloris: sends the body one byte at a time, pausing this long before each byte. */
    public JwksServer trickle(long millisPerByte) {
        this.trickleMillis = millisPerByte;
        return this;
    }

    /**
     * Sends {@code bytes} bytes of filler ({@code "aaaa…"}, chunked) instead of the document; a negative count means an
     * endless chunked stream that only stops when the client goes away or the server closes.
     */
    public JwksServer stream(long bytes) {
        this.streamBytes = bytes;
        return this;
    }

    /** Declares this {@code Content-Length} whatever the body really is (a lying length); -1 means chunked. */
    public JwksServer declaredLength(long length) {
        this.declaredLength = length;
        return this;
    }

    /** @return the largest number of requests this server was handling at the same time */
    public int maxConcurrentRequests() {
        return maxActive.get();
    }

    public int requestCount() {
        return requests.get();
    }

    public void resetCount() {
        requests.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
        try {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            byte[] body;
            if (rawBytes != null) {
                body = rawBytes;
            } else if (rawBody != null) {
                body = rawBody.getBytes(StandardCharsets.UTF_8);
            } else {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("keys", keys);
                body = JsonUtil.toJson(document).getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            long streamed = streamBytes;
            long length = declaredLength != -2 ? declaredLength : streamed != 0 ? 0 : body.length;
            if (length == 0 && streamed == 0 && body.length == 0) {
                length = -1; // HttpServer: -1 means "no body"
            } else if (length == -1) {
                length = 0; // HttpServer: 0 means chunked
            }
            exchange.sendResponseHeaders(status, length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (streamed != 0) {
                    byte[] filler = new byte[16 * 1024];
                    java.util.Arrays.fill(filler, (byte) 'a');
                    for (long sent = 0; (streamed < 0 || sent < streamed) && !closed; sent += filler.length) {
                        out.write(filler, 0, (int) (streamed < 0 ? filler.length : Math.min(filler.length, streamed - sent)));
                    }
                } else if (trickleMillis > 0) {
                    for (int i = 0; i < body.length && !closed; i++) {
                        Thread.sleep(trickleMillis);
                        out.write(body[i]);
                        out.flush();
                    }
                } else {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientWentAway) {
            // the client's deadline passed first
        } finally {
            active.decrementAndGet();
            exchange.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
