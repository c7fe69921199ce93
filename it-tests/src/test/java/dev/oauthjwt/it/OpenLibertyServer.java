package dev.oauthjwt.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Open Liberty, from the installation that liberty-maven-plugin's {@code create} and {@code install-feature} goals
 * prepared in {@code target/liberty/wlp}, started in the foreground with {@code bin/server run}. Each instance is a
 * fresh Liberty server named after the instance, with the {@code server.xml} (and {@code server.env}) of the
 * plugin's server; its ports are written to {@code bootstrap.properties}, the WAR is copied to
 * {@code apps/sample.war} (the {@code location} in server.xml). A {@code configDropins/overrides} file adds the
 * {@code ssl-1.0} feature with the server key and trust store of {@link TlsMaterial}: the HTTPS endpoint requires a
 * client certificate.
 */
final class OpenLibertyServer extends ManagedServer {

    private final Path wlp = Path.of(System.getProperty("it.libertyDir"));
    private final Path template = wlp.resolve("usr/servers")
            .resolve(System.getProperty("it.libertyServer", "itServer"));
    private final int httpsPort = LocalFiles.freePort();

    OpenLibertyServer(String name, OAuthJwtEnvironment environment) throws IOException {
        super(name, environment);
    }

    private Path serverDir() {
        return wlp.resolve("usr/servers").resolve(name);
    }

    @Override
    List<String> command() throws IOException {
        if (!Files.isRegularFile(template.resolve("server.xml"))) {
            throw new IllegalStateException("no Liberty server at " + template
                    + " (run the liberty-maven-plugin goals)");
        }
        Path serverDir = serverDir();
        if (serverDir.equals(template)) {
            throw new IllegalStateException("the instance name " + name + " is the template server's name");
        }
        LocalFiles.deleteTree(serverDir);
        Files.createDirectories(serverDir.resolve("apps"));
        for (String file : List.of("server.xml", "server.env")) {
            if (Files.isRegularFile(template.resolve(file))) {
                Files.copy(template.resolve(file), serverDir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.copy(Path.of(System.getProperty("it.war")), serverDir.resolve("apps/sample.war"),
                StandardCopyOption.REPLACE_EXISTING);
        TlsMaterial tls = TlsMaterial.get();
        Files.createDirectories(serverDir.resolve("configDropins/overrides"));
        Files.write(serverDir.resolve("configDropins/overrides/mutual-tls.xml"), List.of(
                "<server>",
                "  <featureManager><feature>ssl-1.0</feature></featureManager>",
                "  <keyStore id=\"defaultKeyStore\" location=\"" + tls.keyStore("server") + "\" type=\"PKCS12\""
                        + " password=\"" + TlsMaterial.PASSWORD + "\"/>",
                "  <keyStore id=\"clientTrust\" location=\"" + tls.trustStore() + "\" type=\"PKCS12\""
                        + " password=\"" + TlsMaterial.PASSWORD + "\"/>",
                "  <ssl id=\"defaultSSLConfig\" keyStoreRef=\"defaultKeyStore\" trustStoreRef=\"clientTrust\""
                        + " clientAuthentication=\"true\"/>",
                "</server>"));
        Files.write(serverDir.resolve("bootstrap.properties"), List.of(
                "http.port=" + port,
                "https.port=" + httpsPort));
        return List.of(wlp.resolve("bin/server").toString(), "run", name, "--clean");
    }

    @Override
    int httpsPort() {
        return httpsPort;
    }

    @Override
    Path workingDirectory() {
        return wlp;
    }

    /** Port in use (CWWKO0221E), application failed to start (CWWKZ0002E, CWWKZ0013E, CWWKZ0004E). */
    @Override
    Optional<String> bootFailure() {
        return LocalFiles.findLine(serverLog(), "CWWKO0221E", "CWWKZ0002E", "CWWKZ0013E", "CWWKZ0004E");
    }

    @Override
    Path serverLog() {
        return serverDir().resolve("logs/messages.log");
    }
}
