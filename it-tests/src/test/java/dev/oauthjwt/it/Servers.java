package dev.oauthjwt.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that boots each server at most once per test run, on first use, and keeps it in the root store
 * so that it is closed (process tree killed) when the run ends, whether tests passed or failed. A failed boot is
 * remembered, so the other tests fail fast instead of booting again.
 */
final class Servers implements ParameterResolver {

    /** Which server a test class runs against. */
    enum Kind { PAYARA_MICRO, OPEN_LIBERTY }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Inherited
    @interface RunOn {
        Kind value();
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Servers.class);

    /** Holds a booted server or the reason it could not boot; closes the server with the root store. */
    private static final class Booted implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final ManagedServer server;
        final RuntimeException failure;

        Booted(ManagedServer server, RuntimeException failure) {
            this.server = server;
            this.failure = failure;
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ManagedServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunOn runOn = context.getRequiredTestClass().getAnnotation(RunOn.class);
        if (runOn == null) {
            throw new ParameterResolutionException("test class lacks @RunOn");
        }
        Booted booted = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(runOn.value(), Servers::boot, Booted.class);
        if (booted.failure != null) {
            throw booted.failure;
        }
        return booted.server;
    }

    private static Booted boot(Kind kind) {
        ManagedServer server = null;
        try {
            server = switch (kind) {
                case PAYARA_MICRO -> new PayaraMicroServer();
                case OPEN_LIBERTY -> new OpenLibertyServer();
            };
            return new Booted(server.boot(), null);
        } catch (Exception e) {
            if (server != null) {
                server.close();
            }
            return new Booted(null, new IllegalStateException("could not boot " + kind + ": " + e.getMessage(), e));
        }
    }
}
