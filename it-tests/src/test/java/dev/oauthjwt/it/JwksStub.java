package dev.oauthjwt.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

/**
 * The Authorization Server's JWKS endpoint as the tests script it: a JDK {@link HttpServer} on 127.0.0.1 (random
 * port) serving the published public keys, with switchable failure modes and a request counter.
 */
final class JwksStub implements AutoCloseable {

    /** How the endpoint answers. */
    enum Mode {
        /** 200 with the published keys */
        SERVE,
        /** 500 */
        FAIL,
        /** accepts the request and never answers (until the mode changes or 30 s pass) */
        HANG
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<TestKey> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.SERVE);
    private volatile CountDownLatch release = new CountDownLatch(1);

    JwksStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "jwks-stub");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/jwks", this::handle);
        server.start();
    }

    /** @return the JWKS URL, {@code http://127.0.0.1:<port>/jwks} */
    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** Publishes exactly these keys. */
    void publish(TestKey... keys) {
        published.clear();
        published.addAll(List.of(keys));
    }

    /** Adds a key to the published ones (rotation: old and new key side by side). */
    void add(TestKey key) {
        published.add(key);
    }

    void mode(Mode newMode) {
        Mode old = mode.getAndSet(newMode);
        if (old == Mode.HANG && newMode != Mode.HANG) {
            release.countDown();
            release = new CountDownLatch(1);
        }
    }

    /** @return how many requests the endpoint received */
    int requestCount() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            switch (mode.get()) {
                case FAIL -> send(exchange, 500, "text/plain", "down");
                case HANG -> {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case SERVE -> {
                    JsonWebKeySet set = new JsonWebKeySet();
                    published.forEach(k -> set.addJsonWebKey(k.jwk()));
                    send(
                            exchange,
                            200,
                            "application/jwk-set+json",
                            set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
                }
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        mode(Mode.SERVE);
        server.stop(0);
        executor.shutdownNow();
    }
}
