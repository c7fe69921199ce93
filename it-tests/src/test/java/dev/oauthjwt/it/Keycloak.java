package dev.oauthjwt.it;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts one {@link KeycloakServer} per test run, on first use, and keeps it in the root store
 * so that it is stopped (process tree killed by PID) when the run ends, whether tests passed or failed. A failed start
 * is remembered, so the other tests fail fast instead of starting it again.
 *
 * <p>{@code -Dkeycloak.skip=true} (a local shortcut; CI never sets it) disables the test classes using it.
 */
final class Keycloak implements ParameterResolver, ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Keycloak.class);

    static boolean skipped() {
        return Boolean.parseBoolean(System.getProperty("keycloak.skip", "false"));
    }

    /** Holds the started Keycloak or the reason it could not start; stops it with the root store. */
    private static final class Started implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final KeycloakServer server;
        final RuntimeException failure;

        Started(KeycloakServer server, RuntimeException failure) {
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
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return skipped()
                ? ConditionEvaluationResult.disabled("Keycloak interop skipped (-Dkeycloak.skip=true)")
                : ConditionEvaluationResult.enabled("Keycloak interop enabled");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KeycloakServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return get(context);
    }

    /** @return the run's Keycloak, started on first use */
    static KeycloakServer get(ExtensionContext context) {
        Started started = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("keycloak", key -> start(), Started.class);
        if (started.failure != null) {
            throw started.failure;
        }
        return started.server;
    }

    private static Started start() {
        KeycloakServer server = null;
        try {
            server = new KeycloakServer();
            return new Started(server.start(), null);
        } catch (Exception e) {
            if (server != null) {
                server.close();
            }
            return new Started(null, new IllegalStateException("could not start Keycloak: " + e.getMessage(), e));
        }
    }
}
