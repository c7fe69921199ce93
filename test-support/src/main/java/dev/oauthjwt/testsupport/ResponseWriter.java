package dev.oauthjwt.testsupport;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/** Writes one scripted answer: the body at once, one byte at a time (trickle), or as filler (stream). */
final class ResponseWriter {

    /** No declared length: the real one. */
    static final long REAL_LENGTH = -2;

    /**
     * How the body goes out.
     *
     * @param trickleMillis pause before each byte, 0 for none
     * @param streamBytes filler bytes instead of the body, 0 for none, negative for endless
     * @param declaredLength the {@code Content-Length} to claim, {@link #REAL_LENGTH}, or -1 for chunked
     */
    record Pacing(long trickleMillis, long streamBytes, long declaredLength) {

        static final Pacing NONE = new Pacing(0, 0, REAL_LENGTH);

        Pacing withTrickle(long millis) {
            return new Pacing(millis, streamBytes, declaredLength);
        }

        Pacing withStream(long bytes) {
            return new Pacing(trickleMillis, bytes, declaredLength);
        }

        Pacing withDeclaredLength(long length) {
            return new Pacing(trickleMillis, streamBytes, length);
        }
    }

    private final HttpExchange exchange;
    private final Pacing pacing;
    private final BooleanSupplier stopped;

    ResponseWriter(HttpExchange exchange, Pacing pacing, BooleanSupplier stopped) {
        this.exchange = exchange;
        this.pacing = pacing;
        this.stopped = stopped;
    }

    void send(int status, byte[] body) throws IOException, InterruptedException {
        long streamed = pacing.streamBytes();
        long declared = pacing.declaredLength();
        long length = declared != REAL_LENGTH ? declared : streamed != 0 ? 0 : body.length;
        if (length == 0 && streamed == 0 && body.length == 0) {
            length = -1; // HttpServer: -1 means "no body"
        } else if (length == -1) {
            length = 0; // HttpServer: 0 means chunked
        }
        exchange.sendResponseHeaders(status, length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (streamed != 0) {
                stream(out, streamed);
            } else if (pacing.trickleMillis() > 0) {
                for (int i = 0; i < body.length && !stopped.getAsBoolean(); i++) {
                    Thread.sleep(pacing.trickleMillis());
                    out.write(body[i]);
                    out.flush();
                }
            } else {
                out.write(body);
            }
        }
    }

    private void stream(OutputStream out, long bytes) throws IOException {
        byte[] filler = new byte[16 * 1024];
        Arrays.fill(filler, (byte) 'a');
        for (long sent = 0; (bytes < 0 || sent < bytes) && !stopped.getAsBoolean(); sent += filler.length) {
            out.write(filler, 0, (int) (bytes < 0 ? filler.length : Math.min(filler.length, bytes - sent)));
        }
    }
}
