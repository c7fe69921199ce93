package dev.oauthjwt.it;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that resolves the run's {@link KeycloakServer}, started at most once per run, on first use
 * ({@link OncePerRun}).
 *
 * <p>{@code -Dkeycloak.skip=true} (a local shortcut; CI never sets it) disables the test classes using it.
 */
final class Keycloak implements ParameterResolver, ExecutionCondition {

    static boolean skipped() {
        return Boolean.parseBoolean(System.getProperty("keycloak.skip", "false"));
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
        return OncePerRun.get(
                context, Keycloak.class, "keycloak", "Keycloak", KeycloakServer::new, KeycloakServer::start);
    }
}
