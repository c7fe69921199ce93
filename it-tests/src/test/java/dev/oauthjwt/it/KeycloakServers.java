package dev.oauthjwt.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension for the Keycloak interop tests: a second instance of each server (Payara Micro, Open Liberty)
 * running the same sample WAR, configured by environment variables to trust the run's {@link KeycloakServer}
 * (its issuer, its JWKS endpoint, audience {@value KeycloakServer#AUDIENCE}) instead of the tests' JWKS stub. Each is
 * booted at most once per run, on first use, after Keycloak, and kept in the root store so that it is stopped
 * (process tree killed by PID, PIDs also in {@code target/it/<name>.pid} for {@code .ci/run}'s trap) when the run
 * ends, whether tests passed or failed. The test class picks the server with {@link Servers.RunOn}.
 *
 * <p>The launch commands mirror {@link PayaraMicroServer} and {@link OpenLibertyServer} (which have fixed names and
 * directories) with their own names, root directory and Liberty server; keep them in step.
 */
final class KeycloakServers implements ParameterResolver {

    /** {@code oauth.jwt.realm} of the Keycloak-configured servers. */
    static final String API_REALM = "keycloak-it";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KeycloakServers.class);

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
        Servers.RunOn runOn = context.getRequiredTestClass().getAnnotation(Servers.RunOn.class);
        if (runOn == null) {
            throw new ParameterResolutionException("test class lacks @Servers.RunOn");
        }
        KeycloakServer keycloak = Keycloak.get(context);
        Booted booted = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(runOn.value(), kind -> boot(kind, keycloak), Booted.class);
        if (booted.failure != null) {
            throw booted.failure;
        }
        return booted.server;
    }

    private static Booted boot(Servers.Kind kind, KeycloakServer keycloak) {
        ManagedServer server = null;
        try {
            server = switch (kind) {
                case PAYARA_MICRO -> new PayaraMicro(keycloak);
                case OPEN_LIBERTY -> new OpenLiberty(keycloak);
            };
            return new Booted(server.boot(), null);
        } catch (Exception e) {
            if (server != null) {
                server.close();
            }
            return new Booted(null, new IllegalStateException(
                    "could not boot " + kind + " for Keycloak: " + e.getMessage(), e));
        }
    }

    /** The oauth.jwt.* configuration pointing at Keycloak, as environment variables. */
    static Map<String, String> keycloakEnvironment(KeycloakServer keycloak) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OAUTH_JWT_JWKS_URI", keycloak.jwksUri());
        env.put("OAUTH_JWT_ISSUER", keycloak.issuer());
        env.put("OAUTH_JWT_AUDIENCE", KeycloakServer.AUDIENCE);
        env.put("OAUTH_JWT_REALM", API_REALM);
        env.put("OAUTH_JWT_JWKS_TIMEOUT", "5");
        // a new kid triggers at most one JWKS fetch per cooldown: short for the rotation test
        env.put("OAUTH_JWT_JWKS_MIN_REFRESH_INTERVAL", "1");
        return env;
    }

    /** Payara Micro with the sample WAR, trusting Keycloak; its own root directory and preboot file. */
    static final class PayaraMicro extends ManagedServer {
        private final KeycloakServer keycloak;
        private final int sslPort = freePort();

        PayaraMicro(KeycloakServer keycloak) throws IOException {
            super("payara-micro-keycloak");
            this.keycloak = keycloak;
        }

        @Override
        Map<String, String> oauthEnvironment() {
            return keycloakEnvironment(keycloak);
        }

        @Override
        List<String> command() throws IOException {
            Path root = dir.resolve(name + "-root");
            deleteTree(root);
            Path preboot = dir.resolve(name + "-preboot.txt");
            String listeners = "set configs.config.server-config.network-config.network-listeners.network-listener.";
            Files.write(preboot, List.of(
                    listeners + "http-listener.address=127.0.0.1",
                    listeners + "https-listener.address=127.0.0.1"));
            return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-jar", System.getProperty("it.payaraJar"),
                    "--nocluster", "--disablephonehome",
                    "--port", Integer.toString(port), "--sslport", Integer.toString(sslPort),
                    "--prebootcommandfile", preboot.toString(),
                    "--rootdir", root.toString(),
                    "--contextroot", "/",
                    "--deploy", System.getProperty("it.war"));
        }

        @Override
        Path workingDirectory() {
            return dir;
        }

        @Override
        Path serverLog() {
            return dir.resolve(name + "-console.log");
        }

        /** Same markers as {@link PayaraMicroServer#bootFailure()}. */
        @Override
        Optional<String> bootFailure() {
            return findLine(serverLog(), "Failed to start, exiting", "BindException", "Exception while loading the app");
        }
    }

    /**
     * Open Liberty with the sample WAR, trusting Keycloak: a second server ({@value #SERVER}) in the installation
     * prepared by liberty-maven-plugin, with the same server.xml as the it-tests' server.
     */
    static final class OpenLiberty extends ManagedServer {
        static final String SERVER = "keycloakServer";
        private final KeycloakServer keycloak;
        private final Path wlp = Path.of(System.getProperty("it.libertyDir"));
        private final Path template = wlp.resolve("usr/servers")
                .resolve(System.getProperty("it.libertyServer", "itServer"));
        private final int httpsPort = freePort();

        OpenLiberty(KeycloakServer keycloak) throws IOException {
            super("open-liberty-keycloak");
            this.keycloak = keycloak;
        }

        private Path serverDir() {
            return wlp.resolve("usr/servers").resolve(SERVER);
        }

        @Override
        Map<String, String> oauthEnvironment() {
            return keycloakEnvironment(keycloak);
        }

        @Override
        List<String> command() throws IOException {
            if (!Files.isRegularFile(template.resolve("server.xml"))) {
                throw new IllegalStateException("no Liberty server at " + template
                        + " (run the liberty-maven-plugin goals)");
            }
            Path serverDir = serverDir();
            deleteTree(serverDir);
            Files.createDirectories(serverDir.resolve("apps"));
            for (String file : List.of("server.xml", "server.env")) {
                if (Files.isRegularFile(template.resolve(file))) {
                    Files.copy(template.resolve(file), serverDir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.copy(Path.of(System.getProperty("it.war")), serverDir.resolve("apps/sample.war"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.write(serverDir.resolve("bootstrap.properties"), List.of(
                    "http.port=" + port,
                    "https.port=" + httpsPort));
            return List.of(wlp.resolve("bin/server").toString(), "run", SERVER, "--clean");
        }

        @Override
        Path workingDirectory() {
            return wlp;
        }

        @Override
        Path serverLog() {
            return serverDir().resolve("logs/messages.log");
        }

        /** Same markers as {@link OpenLibertyServer#bootFailure()}. */
        @Override
        Optional<String> bootFailure() {
            return findLine(serverLog(), "CWWKO0221E", "CWWKZ0002E", "CWWKZ0013E", "CWWKZ0004E");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
