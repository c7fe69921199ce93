package dev.oauthjwt.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Open Liberty, from the installation that liberty-maven-plugin's {@code create} and {@code install-feature} goals
 * prepared in {@code target/liberty/wlp}, started in the foreground with {@code bin/server run}. Each instance is a
 * fresh Liberty server named after the instance, with the {@code server.xml} (and {@code server.env}) of the
 * plugin's server; its ports are written to {@code bootstrap.properties}, the WAR is copied to
 * {@code apps/sample.war} (the {@code location} in server.xml). It runs on the JDK of its {@link Matrix}. A
 * {@code configDropins/overrides} file adds the {@code ssl-1.0} feature with the server key and trust store of
 * {@link TlsMaterial} (the HTTPS endpoint requires a client certificate, a test-only choice: the site's page shows
 * {@code clientAuthenticationSupported}), and on request {@code appSecurity-5.0}, without which Liberty hands no
 * client certificate to applications.
 */
final class OpenLibertyServer extends ManagedServer {

    /** The features of src/main/liberty/config/server.xml. */
    private static final List<String> FEATURES = List.of("restfulWS-3.1", "cdi-4.0", "jsonp-2.1", "mpConfig-3.1");

    private final Path wlp = Path.of(System.getProperty("it.libertyDir"));
    private final Path template =
            wlp.resolve("usr/servers").resolve(System.getProperty("it.libertyServer", "itServer"));
    /** The server.xml lines that enable the extension's optional integrations (features and their settings). */
    private static final List<String> OPTIONAL_FEATURE_MARKERS = List.of("mpHealth-", "mpMetrics-", "<mpMetrics ");

    private final int httpsPort = LocalFiles.freePort();
    private final boolean withOptionalFeatures;
    private final boolean withApplicationSecurity;

    OpenLibertyServer(String name, Matrix matrix, OAuthJwtEnvironment environment) throws IOException {
        this(name, matrix, environment, true, false);
    }

    /**
     * @param withOptionalFeatures {@code false}: the template's server.xml without MicroProfile Health and Metrics, to
     *                             prove that the WAR deploys and serves where their APIs are absent
     * @param withApplicationSecurity {@code true}: with {@code appSecurity-5.0}, without which Liberty hands no TLS
     *                                client certificate to applications
     */
    OpenLibertyServer(
            String name,
            Matrix matrix,
            OAuthJwtEnvironment environment,
            boolean withOptionalFeatures,
            boolean withApplicationSecurity)
            throws IOException {
        super(name, matrix, environment);
        this.withOptionalFeatures = withOptionalFeatures;
        this.withApplicationSecurity = withApplicationSecurity;
    }

    private Path serverDir() {
        return wlp.resolve("usr/servers").resolve(name);
    }

    @Override
    List<String> command() throws IOException {
        if (!Files.isRegularFile(template.resolve("server.xml"))) {
            throw new IllegalStateException(
                    "no Liberty server at " + template + " (run the liberty-maven-plugin goals)");
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
        if (!withOptionalFeatures) {
            Path serverXml = serverDir.resolve("server.xml");
            Files.write(
                    serverXml,
                    Files.readAllLines(serverXml).stream()
                            .filter(line -> OPTIONAL_FEATURE_MARKERS.stream().noneMatch(line::contains))
                            .toList());
        }
        Files.copy(
                Path.of(System.getProperty("it.war")),
                serverDir.resolve("apps/sample.war"),
                StandardCopyOption.REPLACE_EXISTING);
        TlsMaterial tls = TlsMaterial.get();
        Files.createDirectories(serverDir.resolve("configDropins/overrides"));
        Files.write(
                serverDir.resolve("configDropins/overrides/mutual-tls.xml"),
                List.of(
                        "<server>",
                        "  <featureManager><feature>ssl-1.0</feature>"
                                // Liberty's webcontainer fills jakarta.servlet.request.X509Certificate only for an
                                // application with security enabled (measured: without it the attribute is null)
                                + (withApplicationSecurity ? "<feature>appSecurity-5.0</feature>" : "")
                                + "</featureManager>",
                        "  <keyStore id=\"defaultKeyStore\" location=\"" + tls.keyStore("server") + "\" type=\"PKCS12\""
                                + " password=\"" + TlsMaterial.PASSWORD + "\"/>",
                        "  <keyStore id=\"clientTrust\" location=\"" + tls.trustStore() + "\" type=\"PKCS12\""
                                + " password=\"" + TlsMaterial.PASSWORD + "\"/>",
                        "  <ssl id=\"defaultSSLConfig\" keyStoreRef=\"defaultKeyStore\" trustStoreRef=\"clientTrust\""
                                + " clientAuthentication=\"true\"/>",
                        "</server>"));
        Files.write(serverDir.resolve("bootstrap.properties"), List.of("http.port=" + port, "https.port=" + httpsPort));
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

    /** The log header names the product and the Java version; CWWKF0012I lists the installed features. */
    @Override
    List<String> platformEvidence() {
        List<String> evidence = new ArrayList<>(FEATURES);
        evidence.add("product = Open Liberty " + Matrix.required("it.libertyVersion") + " ");
        evidence.add("java.version = " + matrix.javaFeature() + ".");
        return evidence;
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
