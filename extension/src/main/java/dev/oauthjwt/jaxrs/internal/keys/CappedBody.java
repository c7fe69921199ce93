package dev.oauthjwt.jaxrs.internal.keys;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * The body of an answer from the Authorization Server (JWKS, metadata, introspection), bounded in memory: at most a
 * cap of bytes is kept and the stream is cancelled past it; a refused answer (error status, content coding, declared
 * size over the cap) is not read at all, so an endless or huge body costs neither bandwidth nor memory until the
 * deadline (a discarding subscriber would drain it).
 */
public final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8 * 1024);
    private final int cap;
    private final Supplier<? extends RuntimeException> overCap;
    private Flow.Subscription subscription;

    private CappedBody(int cap, Supplier<? extends RuntimeException> overCap) {
        this.cap = cap;
        this.overCap = overCap;
    }

    /** @return a subscriber that cancels at once and yields {@code null} */
    public static CappedBody refusing() {
        return new CappedBody(-1, null);
    }

    /**
     * @param cap the most bytes kept
     * @param overCap the failure of a body longer than the cap
     * @return a subscriber that yields the body, or fails with {@code overCap} past the cap
     */
    public static CappedBody upTo(int cap, Supplier<? extends RuntimeException> overCap) {
        return new CappedBody(cap, overCap);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cap < 0) {
            s.cancel();
            body.complete(null);
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer item : items) {
            if (body.isDone()) {
                return; // refused, or cancelled past the cap: nothing more is kept
            }
            if (item.remaining() > cap - buffer.size()) {
                subscription.cancel();
                body.completeExceptionally(overCap.get());
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            buffer.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        if (cap < 0) {
            body.complete(null);
        } else {
            body.completeExceptionally(throwable);
        }
    }

    @Override
    public void onComplete() {
        body.complete(cap < 0 ? null : buffer.toByteArray());
    }
}
