package dev.oauthjwt.jaxrs.internal.ops;

import dev.oauthjwt.jaxrs.internal.Failure;
import dev.oauthjwt.jaxrs.internal.TokenIds;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit trail of secured requests on the JUL logger {@value #LOGGER_NAME}: one INFO line per refused request,
 * one FINE line per accepted one. A line names the reason, the resource method, the client address and, only when
 * the token's signature held, its {@code kid}, {@code iss}, {@code sub} and {@code jti}; never the token or a header.
 * Values are quoted, cut to {@value #MAX_VALUE_LENGTH} characters, and every character outside printable ASCII (and
 * {@code "}, {@code \}) becomes {@code ?}, so a line is always one line.
 *
 * <p>Refusals are rate limited per reason ({@link AuditRateLimiter}): past the limit, lines are counted and one
 * {@code suppressed} line per reason and second reports how many were dropped, so a flood of bad tokens cannot fill
 * the disk. {@link #startFlushing()} writes those summaries once a second even when the flood has stopped.
 */
public final class AuditLog implements AutoCloseable {

    /** The name of the audit logger. */
    public static final String LOGGER_NAME = "dev.oauthjwt.audit";

    static final int MAX_VALUE_LENGTH = 64;
    private static final Logger LOG = Logger.getLogger(LOGGER_NAME);

    private final AuditRateLimiter limiter;
    private final int perSecond;
    private final Object lock = new Object();
    private ScheduledExecutorService flusher;

    /**
     * @param perSecond most lines per second and refusal reason
     * @param millis the clock of the rate limit (milliseconds, monotonic enough)
     */
    public AuditLog(int perSecond, LongSupplier millis) {
        this.perSecond = perSecond;
        this.limiter = new AuditRateLimiter(perSecond, millis);
    }

    /** Writes the summaries of ended windows once a second, on a daemon thread stopped by {@link #close()}. */
    public AuditLog startFlushing() {
        synchronized (lock) {
            if (flusher == null) {
                flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "oauth-jwt-audit");
                    thread.setDaemon(true);
                    return thread;
                });
                flusher.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.SECONDS);
            }
        }
        return this;
    }

    /**
     * @param reason why the request was refused
     * @param endpoint the resource method ({@code class#method})
     * @param client the client's address, or {@code null} when unknown
     * @param signed the identifiers of a token whose signature held, or {@code null} when it did not
     */
    public void refused(Failure reason, String endpoint, String client, TokenIds signed) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        AuditRateLimiter.Decision decision = limiter.admit(reason);
        if (decision.summary() != null) {
            write(decision.summary());
        }
        if (decision.admitted()) {
            StringBuilder line = new StringBuilder(160)
                    .append("refused reason=")
                    .append(reason.name())
                    .append(" status=")
                    .append(reason.status());
            common(line, endpoint, client);
            if (signed != null) {
                line.append(" kid=").append(quoted(signed.kid()));
                token(line, signed);
            }
            LOG.info(line.toString());
        }
    }

    /** @return whether accepted requests are logged (FINE enabled on the audit logger) */
    public boolean logsAccepted() {
        return LOG.isLoggable(Level.FINE);
    }

    /** Writes one FINE line for an accepted request, when FINE is enabled on the audit logger. */
    public void accepted(String endpoint, String client, TokenIds token) {
        if (LOG.isLoggable(Level.FINE)) {
            StringBuilder line = new StringBuilder(160).append("accepted");
            common(line, endpoint, client);
            token(line, token);
            LOG.fine(line.toString());
        }
    }

    /** Writes the summary line of every ended window that suppressed lines. */
    public void flush() {
        limiter.endedWindows().forEach(this::write);
    }

    private void write(AuditRateLimiter.Suppressed summary) {
        LOG.info("suppressed reason=" + summary.reason().name() + " lines=" + summary.count() + " since="
                + Instant.ofEpochMilli(summary.windowStartMillis()) + " (limit " + perSecond
                + " lines per second and reason)");
    }

    private static void common(StringBuilder line, String endpoint, String client) {
        line.append(" endpoint=").append(endpoint).append(" client=").append(client == null ? "-" : quoted(client));
    }

    private static void token(StringBuilder line, TokenIds token) {
        line.append(" iss=")
                .append(quoted(token.iss()))
                .append(" sub=")
                .append(quoted(token.sub()))
                .append(" jti=")
                .append(quoted(token.jti()));
    }

    /** @return {@code "value"} with unsafe characters replaced and the length capped; {@code -} for {@code null} */
    static String quoted(String value) {
        if (value == null) {
            return "-";
        }
        int length = Math.min(value.length(), MAX_VALUE_LENGTH);
        StringBuilder out = new StringBuilder(length + 5).append('"');
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' ? c : '?');
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            out.append("...");
        }
        return out.append('"').toString();
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (flusher != null) {
                flusher.shutdownNow();
                flusher = null;
            }
        }
        flush();
    }
}
