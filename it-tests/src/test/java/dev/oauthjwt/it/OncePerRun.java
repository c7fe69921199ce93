package dev.oauthjwt.it;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a test resource (a server) at most once per test run, on first use, and keeps it in the JUnit root store so
 * that it is closed when the run ends, whether tests passed or failed; a JVM shutdown hook closes it too if the run is
 * interrupted (also while it is still starting). A failed start is remembered, so the other tests fail fast instead
 * of starting it again.
 */
final class OncePerRun {

    private static final Logger LOG = Logger.getLogger(OncePerRun.class.getName());

    /** Creates the resource (cheap; nothing to close on failure). */
    @FunctionalInterface
    interface Factory<T> {
        T create() throws Exception;
    }

    /** Starts a created resource (on failure it is closed). */
    @FunctionalInterface
    interface Starter<T> {
        void start(T resource) throws Exception;
    }

    private OncePerRun() {}

    /**
     * @param context any context of the run
     * @param owner the extension class (the store's namespace)
     * @param key which resource of the owner
     * @param what how failures name the resource
     * @return the run's started resource
     * @throws IllegalStateException if it could not be started (now or earlier in the run)
     */
    static <T extends AutoCloseable> T get(
            ExtensionContext context,
            Class<?> owner,
            Object key,
            String what,
            Factory<T> factory,
            Starter<? super T> starter) {
        Started<?> started = context.getRoot()
                .getStore(ExtensionContext.Namespace.create(owner))
                .getOrComputeIfAbsent(key, k -> start(what, factory, starter), Started.class);
        if (started.failure != null) {
            throw started.failure;
        }
        @SuppressWarnings("unchecked")
        T resource = (T) started.resource;
        return resource;
    }

    private static <T extends AutoCloseable> Started<T> start(
            String what, Factory<T> factory, Starter<? super T> starter) {
        Started<T> started = new Started<>();
        try {
            started.resource = factory.create();
            started.hook = new Thread(started::closeResource, "stop-" + what);
            Runtime.getRuntime().addShutdownHook(started.hook);
            starter.start(started.resource);
        } catch (Exception e) {
            started.close();
            started.failure = new IllegalStateException("could not start " + what + ": " + e.getMessage(), e);
        }
        return started;
    }

    /** Holds the started resource or the reason it could not start; closes it with the root store. */
    private static final class Started<T extends AutoCloseable>
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        T resource;
        Thread hook;
        RuntimeException failure;

        @Override
        public synchronized void close() {
            closeResource();
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // the hook runs anyway
                }
                hook = null;
            }
        }

        private synchronized void closeResource() {
            T r = resource;
            resource = null;
            if (r != null) {
                try {
                    r.close();
                } catch (Exception e) {
                    LOG.log(Level.WARNING, "[it] could not close " + r, e);
                }
            }
        }
    }
}
