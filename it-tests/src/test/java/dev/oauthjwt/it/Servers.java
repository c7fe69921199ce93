package dev.oauthjwt.it;

import java.io.IOException;
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
 * JUnit 5 extension that resolves a {@link StubbedServer}: the server named by the test class's {@link RunOn},
 * trusting a {@link JwksStub} of the tests. Each is booted at most once per run ({@link OncePerRun}).
 */
final class Servers implements ParameterResolver {

    /** {@code oauth.jwt.realm} of the stub-trusting servers. */
    static final String API_REALM = "it-tests";

    /** Which server a test class runs against. */
    enum Kind {
        PAYARA_MICRO("payara-micro", Matrix.EE10),
        OPEN_LIBERTY("open-liberty", Matrix.EE10),
        /** Open Liberty with application security ({@code appSecurity-5.0}): it shows TLS client certificates. */
        OPEN_LIBERTY_APP_SECURITY("open-liberty-appsec", Matrix.EE10),
        PAYARA_MICRO_EE11("payara-micro-ee11", Matrix.JAVA25),
        OPEN_LIBERTY_JAVA25("open-liberty-java25", Matrix.JAVA25);

        private final String baseName;
        private final Matrix matrix;

        Kind(String baseName, Matrix matrix) {
            this.baseName = baseName;
            this.matrix = matrix;
        }

        /**
         * @param suffix appended to the server's base name ({@code payara-micro}, {@code open-liberty-java25}, …) to
         *               name the instance's PID file, logs and folders
         * @return an unbooted launcher of this server
         */
        ManagedServer launcher(String suffix, OAuthJwtEnvironment environment) throws IOException {
            String name = baseName + suffix;
            return switch (this) {
                case PAYARA_MICRO, PAYARA_MICRO_EE11 -> new PayaraMicroServer(name, matrix, environment);
                case OPEN_LIBERTY, OPEN_LIBERTY_JAVA25 -> new OpenLibertyServer(name, matrix, environment);
                case OPEN_LIBERTY_APP_SECURITY -> new OpenLibertyServer(name, matrix, environment, true, true);
            };
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Inherited
    @interface RunOn {
        Kind value();
    }

    /** @return the {@link RunOn} server of the context's test class */
    static Kind kindOf(ExtensionContext context) {
        RunOn runOn = context.getRequiredTestClass().getAnnotation(RunOn.class);
        if (runOn == null) {
            throw new ParameterResolutionException("test class lacks @Servers.RunOn");
        }
        return runOn.value();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StubbedServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Kind kind = kindOf(context);
        return OncePerRun.get(
                context, Servers.class, kind, kind.baseName, () -> StubbedServer.create(kind), StubbedServer::boot);
    }
}
