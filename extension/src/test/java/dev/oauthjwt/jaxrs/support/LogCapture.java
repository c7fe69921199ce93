package dev.oauthjwt.jaxrs.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures the formatted records of one JUL logger (and its children) while open, at the given level. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final Level previous;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public LogCapture(String loggerName, Level level) {
        this.logger = Logger.getLogger(loggerName);
        this.previous = logger.getLevel();
        logger.setLevel(level);
        setLevel(level);
        logger.addHandler(this);
    }

    /** @return the messages captured so far, with their parameters filled in */
    public List<String> messages() {
        return records.stream()
                .map(r -> new java.util.logging.SimpleFormatter().formatMessage(r))
                .toList();
    }

    /** @return the records captured so far */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
