package dev.oauthjwt.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Open Liberty, from the installation that liberty-maven-plugin's {@code create} and {@code install-feature} goals
 * prepared in {@code target/liberty/wlp}, started in the foreground with {@code bin/server run}. Ports are written to
 * {@code bootstrap.properties}; the WAR is copied to {@code apps/sample.war} (the {@code location} in server.xml).
 */
final class OpenLibertyServer extends ManagedServer {

    private final Path wlp = Path.of(System.getProperty("it.libertyDir"));
    private final String serverName = System.getProperty("it.libertyServer", "itServer");
    private final int httpsPort = freePort();

    OpenLibertyServer() throws IOException {
        super("open-liberty");
    }

    private Path serverDir() {
        return wlp.resolve("usr/servers").resolve(serverName);
    }

    @Override
    List<String> command() throws IOException {
        Path serverDir = serverDir();
        if (!Files.isRegularFile(serverDir.resolve("server.xml"))) {
            throw new IllegalStateException("no Liberty server at " + serverDir + " (run the liberty-maven-plugin goals)");
        }
        Files.createDirectories(serverDir.resolve("apps"));
        Files.copy(Path.of(System.getProperty("it.war")), serverDir.resolve("apps/sample.war"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.write(serverDir.resolve("bootstrap.properties"), List.of(
                "http.port=" + port,
                "https.port=" + httpsPort));
        return List.of(wlp.resolve("bin/server").toString(), "run", serverName, "--clean");
    }

    @Override
    Path workingDirectory() {
        return wlp;
    }

    /** Port in use (CWWKO0221E), application failed to start (CWWKZ0002E, CWWKZ0013E, CWWKZ0004E). */
    @Override
    java.util.Optional<String> bootFailure() {
        return findLine(serverLog(), "CWWKO0221E", "CWWKZ0002E", "CWWKZ0013E", "CWWKZ0004E");
    }

    @Override
    Path serverLog() {
        return serverDir().resolve("logs/messages.log");
    }
}
