package dev.oauthjwt.it;

import java.io.IOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that resolves the {@link StubbedServer} of the operations tests: a second instance of the
 * {@link Servers.RunOn} server (suffix {@code -ops}) whose JWKS stub answers 500 from the start, with
 * {@code oauth.jwt.jwks.prefetch=true} and an audit rate limit of {@value #AUDIT_RATE_LIMIT} lines per second.
 * Booted at most once per run ({@link OncePerRun}).
 */
final class OperationsServers implements ParameterResolver {

    static final int AUDIT_RATE_LIMIT = 5;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StubbedServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Servers.Kind kind = Servers.kindOf(context);
        // these servers' JWKS fails from the start on purpose: booted without StubbedServer.boot()'s warm-up request
        return OncePerRun.get(
                context,
                OperationsServers.class,
                kind,
                kind + "-ops",
                () -> create(kind),
                stubbed -> stubbed.server().boot());
    }

    private static StubbedServer create(Servers.Kind kind) throws IOException {
        JwksStub jwks = new JwksStub();
        IntrospectionEndpoint introspection = new IntrospectionEndpoint(); // unused here: introspection stays off
        try {
            TestKey key = TestKey.generate();
            jwks.publish(key);
            jwks.mode(JwksStub.Mode.FAIL); // unreachable from the start: prefetch and first probes fail
            OAuthJwtEnvironment environment = new OAuthJwtEnvironment(
                            jwks.uri(), TestKey.ISSUER, TestKey.AUDIENCE, Servers.API_REALM, 2)
                    .with("OAUTH_JWT_JWKS_PREFETCH", "true")
                    .with("OAUTH_JWT_AUDIT_RATE_LIMIT", Integer.toString(AUDIT_RATE_LIMIT));
            return new StubbedServer(kind.launcher("-ops", environment), jwks, key, null, introspection);
        } catch (IOException | RuntimeException e) {
            jwks.close();
            introspection.close();
            throw e;
        }
    }
}
