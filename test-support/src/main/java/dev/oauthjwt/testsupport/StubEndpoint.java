package dev.oauthjwt.testsupport;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One path of an {@link AuthorizationServerStub}: serves its document (200), or fails as the test scripts it
 * (status, delay, hang, raw body, extra headers, trickle, endless or sized filler stream, lying length). Counts the
 * requests it received and the most it handled at the same time. The script stays until changed or
 * {@link #serveNormally()}; setters return this endpoint, so a script reads as one chain.
 */
public class StubEndpoint {

    /** How long a {@link #hang()}ing request waits at most before the stub closes it without an answer. */
    public static final long HANG_MILLIS = 30_000;

    private final AuthorizationServerStub stub;
    private final URI uri;
    private final Supplier<byte[]> document;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger maxActive = new AtomicInteger();
    private volatile String contentType;
    private volatile CountDownLatch release = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile boolean hang;
    private volatile int status;
    private volatile long delayMillis;
    private volatile byte[] rawBody;
    private volatile Map<String, String> headers;
    private volatile ResponseWriter.Pacing pacing;

    StubEndpoint(AuthorizationServerStub stub, String path, String contentType, Supplier<byte[]> document) {
        this.stub = stub;
        this.uri = stub.uri(path);
        this.contentType = contentType;
        this.document = document;
        serveNormally();
    }

    /** @return the URL of this endpoint, {@code http://127.0.0.1:<port><path>} */
    public URI uri() {
        return uri;
    }

    /** @return the server of this endpoint, e.g. to close it */
    public AuthorizationServerStub stub() {
        return stub;
    }

    /** Serves the document again: 200, no delay, no extra headers. Releases hanging requests; counters stay. */
    public StubEndpoint serveNormally() {
        status = 200;
        delayMillis = 0;
        rawBody = null;
        headers = Map.of();
        pacing = ResponseWriter.Pacing.NONE;
        hang = false;
        CountDownLatch hanging = release;
        release = new CountDownLatch(1);
        hanging.countDown();
        return this;
    }

    /** The {@code Content-Type} of every answer (kept by {@link #serveNormally()}). */
    public StubEndpoint contentType(String type) {
        this.contentType = type;
        return this;
    }

    /** Answers this status (with the usual body). */
    public StubEndpoint failWith(int httpStatus) {
        this.status = httpStatus;
        return this;
    }

    /** Waits this long before answering. */
    public StubEndpoint delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    /** Accepts requests and answers nothing until {@link #serveNormally()}, closing, or {@link #HANG_MILLIS}. */
    public StubEndpoint hang() {
        this.hang = true;
        return this;
    }

    public StubEndpoint rawBody(String body) {
        return rawBytes(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Serves these exact bytes (e.g. a gzip stream) instead of the document. */
    public StubEndpoint rawBytes(byte[] body) {
        this.rawBody = body.clone();
        return this;
    }

    /** Adds these response headers (after {@code Content-Type}). */
    public StubEndpoint headers(Map<String, String> extra) {
        this.headers = Map.copyOf(extra);
        return this;
    }

    /** Slowloris: sends the body one byte at a time, pausing this long before each byte. */
    public StubEndpoint trickle(long millisPerByte) {
        pacing = pacing.withTrickle(millisPerByte);
        return this;
    }

    /** Sends this many bytes of filler ({@code "aaaa…"}, chunked) instead; negative: until the client goes away. */
    public StubEndpoint stream(long bytes) {
        pacing = pacing.withStream(bytes);
        return this;
    }

    /** Declares this {@code Content-Length} whatever the body really is (a lying length); -1 means chunked. */
    public StubEndpoint declaredLength(long length) {
        pacing = pacing.withDeclaredLength(length);
        return this;
    }

    public int requestCount() {
        return requests.get();
    }

    public void resetCount() {
        requests.set(0);
    }

    /** @return the largest number of requests this endpoint was handling at the same time */
    public int maxConcurrentRequests() {
        return maxActive.get();
    }

    void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
        try (exchange) {
            if (hang) {
                release.await(HANG_MILLIS, TimeUnit.MILLISECONDS);
                return; // closed without an answer
            }
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            exchange.getResponseHeaders().add("Content-Type", contentType);
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = rawBody != null ? rawBody : document.get();
            new ResponseWriter(exchange, pacing, () -> closed).send(status, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientWentAway) {
            // the client's deadline passed first
        } finally {
            active.decrementAndGet();
        }
    }

    void close() {
        closed = true;
        release.countDown();
    }
}
