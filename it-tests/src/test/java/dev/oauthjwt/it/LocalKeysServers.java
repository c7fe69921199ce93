package dev.oauthjwt.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** JUnit 5 extension that resolves the test class's {@link LocalKeysServer}, booted at most once per run. */
final class LocalKeysServers implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalKeysServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Servers.Kind kind = Servers.kindOf(context);
        return OncePerRun.get(
                context,
                LocalKeysServers.class,
                kind,
                kind + " with local keys",
                () -> LocalKeysServer.create(kind),
                LocalKeysServer::boot);
    }
}
