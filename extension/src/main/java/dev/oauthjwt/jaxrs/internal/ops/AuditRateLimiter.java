package dev.oauthjwt.jaxrs.internal.ops;

import dev.oauthjwt.jaxrs.internal.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Admits at most {@code perSecond} audit lines per refusal reason in each one-second window, and counts the rest.
 * When a window with suppressed lines has ended, {@link #admit} or {@link #endedWindows} hands out one summary per
 * reason, exactly once. Memory is fixed: one small window per {@link Failure}.
 */
final class AuditRateLimiter {

    /** The lines of one reason that one ended window suppressed. */
    record Suppressed(Failure reason, long count, long windowStartMillis) {}

    /** What {@link #admit} decided: whether to write the line, and a summary to write before it, if any. */
    record Decision(boolean admitted, Suppressed summary) {}

    private static final long WINDOW_MILLIS = 1_000;

    private static final class Window {
        long start = Long.MIN_VALUE;
        int used;
        long suppressed;
    }

    private final int perSecond;
    private final LongSupplier millis;
    private final Window[] windows = new Window[Failure.values().length];

    AuditRateLimiter(int perSecond, LongSupplier millis) {
        this.perSecond = perSecond;
        this.millis = millis;
        for (int i = 0; i < windows.length; i++) {
            windows[i] = new Window();
        }
    }

    Decision admit(Failure reason) {
        Window w = windows[reason.ordinal()];
        synchronized (w) {
            long now = millis.getAsLong(); // read under the lock: racing threads never see time run backwards
            Suppressed summary = null;
            if (w.start == Long.MIN_VALUE || ended(w, now)) {
                summary = w.suppressed > 0 ? new Suppressed(reason, w.suppressed, w.start) : null;
                w.start = now;
                w.used = 0;
                w.suppressed = 0;
            }
            if (w.used < perSecond) {
                w.used++;
                return new Decision(true, summary);
            }
            w.suppressed++;
            return new Decision(false, summary);
        }
    }

    /** A window ends a second after it started, or when the wall clock stepped back by more than a second. */
    private static boolean ended(Window w, long now) {
        return now - w.start >= WINDOW_MILLIS || w.start - now > WINDOW_MILLIS;
    }

    /** @return the summaries of the windows that have ended with suppressed lines (each handed out once) */
    List<Suppressed> endedWindows() {
        List<Suppressed> ended = new ArrayList<>(0);
        for (Failure reason : Failure.values()) {
            Window w = windows[reason.ordinal()];
            synchronized (w) {
                if (w.suppressed > 0 && ended(w, millis.getAsLong())) {
                    ended.add(new Suppressed(reason, w.suppressed, w.start));
                    w.suppressed = 0;
                }
            }
        }
        return ended;
    }
}
