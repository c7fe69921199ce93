package dev.oauthjwt.jaxrs.internal.introspection;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A scripted RFC 7662 endpoint on 127.0.0.1: the status, body and delay of its answers, and what it was sent. */
final class IntrospectionStub implements AutoCloseable {

    /** One request as received. */
    record Call(String method, String authorization, String contentType, String body) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile int status = 200;
    private volatile byte[] body = "{\"active\":false}".getBytes(StandardCharsets.UTF_8);
    private volatile long delayMillis;

    IntrospectionStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/introspect", exchange -> {
            count.incrementAndGet();
            calls.add(new Call(
                    exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] answer = body;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/introspect");
    }

    void answer(int status, String json) {
        this.status = status;
        this.body = json.getBytes(StandardCharsets.UTF_8);
    }

    void answerBytes(byte[] bytes) {
        this.status = 200;
        this.body = bytes;
    }

    void delay(long millis) {
        this.delayMillis = millis;
    }

    int count() {
        return count.get();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
