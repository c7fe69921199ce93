package dev.oauthjwt.jaxrs.internal.introspection;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenRejectedException;
import dev.oauthjwt.jaxrs.internal.cache.TokenDigest;
import dev.oauthjwt.jaxrs.internal.jose.StrictJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Asks the Authorization Server whether a token is active (RFC 7662), within fixed bounds:
 * <ul>
 *   <li>answers are remembered for {@code cache-ttl} and never past the token's {@code exp}, keyed by the SHA-256 of
 *       the token (the token itself is not kept); inactive answers too, so a repeated bad token costs one call;</li>
 *   <li>concurrent requests with the same token share one call (single flight);</li>
 *   <li>at most {@code max-rate} calls start per second: beyond that, and for one second after a failed call, requests
 *       are answered 503 with {@code Retry-After} without a call. A flood of random tokens therefore costs the
 *       Authorization Server at most {@code max-rate} calls per second per replica. 503 rather than 401: the token may
 *       well be valid, and a 401 would send a legitimate client to fetch a new one for nothing.</li>
 * </ul>
 */
public final class Introspector {

    static final int MAX_ENTRIES = 10_000;
    private static final long COOLDOWN_MILLIS = 1_000;

    /** An answer: the claims of an active token, or {@code null} for an inactive one. */
    private record Answer(Map<String, Object> claims, long notAfter) {}

    private final IntrospectionConfig config;
    private final IntrospectionClient client;
    private final Clock clock;
    private final ConcurrentHashMap<TokenDigest, Answer> answers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<TokenDigest, CompletableFuture<Answer>> inFlight = new ConcurrentHashMap<>();
    private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(Introspector::newSha256);
    private long windowStart;
    private int callsInWindow;
    private volatile long coolingUntil;

    /**
     * @param config the introspection configuration
     * @param executor the threads of the HTTP client
     * @param clock the clock of cache lifetimes and call budgets
     */
    public Introspector(IntrospectionConfig config, Executor executor, Clock clock) {
        this.config = config;
        this.client = new IntrospectionClient(config, executor);
        this.clock = clock;
    }

    /** @return when tokens are introspected */
    public IntrospectionConfig.Mode mode() {
        return config.mode();
    }

    /**
     * @param token the token as received
     * @return the claims of the introspection answer of an active token ({@code active} removed)
     * @throws TokenRejectedException {@link Failure#INVALID_TOKEN} for an inactive token or an answer that is not a
     *     JSON object, {@link Failure#INTROSPECTION_UNAVAILABLE} when no answer can be had now
     */
    public Map<String, Object> introspect(String token) throws TokenRejectedException {
        TokenDigest digest = digest(token);
        long now = clock.millis();
        Answer known = answers.get(digest);
        if (known == null || now >= known.notAfter()) {
            known = fetch(digest, token, now);
        }
        if (known.claims() == null) {
            throw new TokenRejectedException(Failure.INVALID_TOKEN);
        }
        return known.claims();
    }

    /** @return seconds to wait before a retry after {@link Failure#INTROSPECTION_UNAVAILABLE}, at least 1 */
    public long retryAfterSeconds() {
        return Math.max(1, (coolingUntil - clock.millis() + 999) / 1000);
    }

    private Answer fetch(TokenDigest digest, String token, long now) throws TokenRejectedException {
        CompletableFuture<Answer> call = inFlight.get(digest);
        if (call == null) {
            if (now < coolingUntil || !takeCall(now)) {
                throw new TokenRejectedException(Failure.INTROSPECTION_UNAVAILABLE);
            }
            CompletableFuture<Answer> started = new CompletableFuture<>();
            call = inFlight.putIfAbsent(digest, started);
            if (call == null) {
                call = started;
                client.introspect(token).thenApply(this::answer).whenComplete((answer, failure) -> {
                    inFlight.remove(digest, started);
                    if (failure == null) {
                        remember(digest, answer);
                        started.complete(answer);
                    } else {
                        coolingUntil = clock.millis() + COOLDOWN_MILLIS;
                        started.completeExceptionally(failure);
                    }
                });
            }
        }
        try {
            return call.get(config.timeout().toMillis() + 250, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenRejectedException(Failure.INTROSPECTION_UNAVAILABLE);
        } catch (Exception e) {
            Throwable cause = e.getCause();
            if (cause instanceof TokenRejectedException rejected) {
                throw rejected;
            }
            throw new TokenRejectedException(Failure.INTROSPECTION_UNAVAILABLE);
        }
    }

    /** The answer of one call: strict JSON, {@code active} exactly {@code true} for an active token. */
    private Answer answer(byte[] body) {
        Map<String, Object> members;
        try {
            members = StrictJson.parseObject(body);
        } catch (StrictJson.MalformedJsonException e) {
            throw new IllegalStateException("introspection answer is not a JSON object");
        }
        long now = clock.millis();
        long ttl = config.cacheTtl().toMillis();
        if (!Boolean.TRUE.equals(members.get("active"))) {
            return new Answer(null, now + ttl);
        }
        long notAfter = now + ttl;
        if (members.get("exp") instanceof Number exp) {
            notAfter = Math.min(
                    notAfter, new BigDecimal(exp.toString()).movePointRight(3).longValue());
        }
        Map<String, Object> claims = new LinkedHashMap<>(members);
        claims.remove("active");
        return new Answer(Collections.unmodifiableMap(claims), notAfter);
    }

    private void remember(TokenDigest digest, Answer answer) {
        long now = clock.millis();
        if (answer.notAfter() <= now) {
            return;
        }
        if (answers.size() >= MAX_ENTRIES) {
            answers.values().removeIf(a -> now >= a.notAfter());
            Iterator<TokenDigest> it = answers.keySet().iterator();
            while (answers.size() >= MAX_ENTRIES - MAX_ENTRIES / 10 && it.hasNext()) {
                it.next();
                it.remove();
            }
        }
        answers.put(digest, answer);
    }

    /** A fixed one-second window: at most {@code max-rate} calls start in it. */
    private synchronized boolean takeCall(long now) {
        if (now - windowStart >= 1_000 || now < windowStart) {
            windowStart = now;
            callsInWindow = 0;
        }
        if (callsInWindow >= config.maxRate()) {
            return false;
        }
        callsInWindow++;
        return true;
    }

    private TokenDigest digest(String token) {
        MessageDigest md = sha256.get();
        md.reset();
        return TokenDigest.of(md.digest(token.getBytes(StandardCharsets.US_ASCII)));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }
}
