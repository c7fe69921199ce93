package dev.oauthjwt.jaxrs.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails every test during which a token reached the validator's "failed unexpectedly" branch: each input must be
 * refused by a named rule, never by an exception nobody planned for. Registered for all tests of the module through
 * {@code META-INF/services} (JUnit's extension auto-detection).
 */
public final class NoUnexpectedFailures implements BeforeEachCallback, AfterEachCallback {

    private static final Logger VALIDATOR_LOG = Logger.getLogger("dev.oauthjwt.jaxrs.internal.token.TokenValidator");
    private static final List<String> SEEN = new CopyOnWriteArrayList<>();
    private static final Handler HANDLER = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getMessage() != null && record.getMessage().contains("unexpectedly")) {
                Object[] parameters = record.getParameters();
                SEEN.add(parameters == null || parameters.length == 0 ? "?" : String.valueOf(parameters[0]));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    static {
        HANDLER.setLevel(Level.ALL);
        VALIDATOR_LOG.setLevel(Level.ALL);
        VALIDATOR_LOG.addHandler(HANDLER);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        SEEN.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertThat(List.copyOf(SEEN))
                .as("exceptions that reached the validator's unexpected-failure branch")
                .isEmpty();
    }
}
