package dev.oauthjwt.testsupport;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Authorization Server of the tests: a JDK {@link HttpServer} on 127.0.0.1 (a random port unless one is asked
 * for) with a scriptable JWKS endpoint at {@code /jwks} ({@link #jwks()}), any number of further scriptable documents
 * (e.g. {@code /.well-known/openid-configuration}, {@link #document}) and hand-written endpoints ({@link #route}).
 * Paths match by prefix, as {@link HttpServer} contexts do; unknown paths answer 404. Close it, also when a test fails.
 */
public final class AuthorizationServerStub implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<StubEndpoint> endpoints = new CopyOnWriteArrayList<>();
    private final JwksEndpoint jwks;

    private AuthorizationServerStub(HttpServer server) {
        this.server = server;
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "authorization-server-stub");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        this.jwks = add("/jwks", JwksEndpoint.at(this, "/jwks"));
        server.start();
    }

    /** @return a running stub on 127.0.0.1 and a free port */
    public static AuthorizationServerStub start() {
        return start(0);
    }

    /** @param port the port on 127.0.0.1, 0 for a free one */
    public static AuthorizationServerStub start(int port) {
        try {
            return new AuthorizationServerStub(
                    HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code http://127.0.0.1:<port>} followed by {@code path} */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the JWKS endpoint, at {@code /jwks}; it publishes no key until told to */
    public JwksEndpoint jwks() {
        return jwks;
    }

    /** Serves {@code body} at {@code path} with this content type; the returned endpoint scripts its failures. */
    public StubEndpoint document(String path, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return add(path, new StubEndpoint(this, path, contentType, () -> bytes));
    }

    /** Answers {@code path} with a hand-written handler (e.g. a token endpoint). */
    public void route(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    private <T extends StubEndpoint> T add(String path, T endpoint) {
        endpoints.add(endpoint);
        server.createContext(path, endpoint::handle);
        return endpoint;
    }

    /** Stops the server, releases hanging and streaming answers, and interrupts delayed ones. */
    @Override
    public void close() {
        endpoints.forEach(StubEndpoint::close);
        server.stop(0);
        executor.shutdownNow();
    }
}
