package dev.oauthjwt.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Payara Micro (the Maven artifact of its {@link Matrix}) running the sample WAR at context root {@code /}, listeners
 * on 127.0.0.1; its root directory and preboot file in {@code target/it/} are named after the instance. The HTTPS
 * listener uses the server key and trust store of {@link TlsMaterial} and requires a client certificate.
 */
final class PayaraMicroServer extends ManagedServer {

    private final int sslPort = LocalFiles.freePort();

    PayaraMicroServer(String name, Matrix matrix, OAuthJwtEnvironment environment) throws IOException {
        super(name, matrix, environment);
    }

    @Override
    List<String> command() throws IOException {
        Path root = dir.resolve(name + "-root");
        LocalFiles.deleteTree(root);
        Path preboot = dir.resolve(name + "-preboot.txt");
        String listeners = "set configs.config.server-config.network-config.network-listeners.network-listener.";
        Files.write(
                preboot,
                List.of(
                        listeners + "http-listener.address=127.0.0.1",
                        listeners + "https-listener.address=127.0.0.1",
                        "set configs.config.server-config.network-config.protocols.protocol.https-listener.ssl"
                                + ".client-auth-enabled=true"));
        TlsMaterial tls = TlsMaterial.get();
        return List.of(
                javaHome.resolve("bin/java").toString(),
                "-Xmx512m",
                "-Djavax.net.ssl.keyStore=" + tls.keyStore("server"),
                "-Djavax.net.ssl.keyStorePassword=" + TlsMaterial.PASSWORD,
                "-Djavax.net.ssl.trustStore=" + tls.trustStore(),
                "-Djavax.net.ssl.trustStorePassword=" + TlsMaterial.PASSWORD,
                "-jar",
                matrix.payaraJar().toString(),
                "--sslcert",
                "server",
                "--nocluster",
                "--disablephonehome",
                "--port",
                Integer.toString(port),
                "--sslport",
                Integer.toString(sslPort),
                "--prebootcommandfile",
                preboot.toString(),
                "--rootdir",
                root.toString(),
                "--contextroot",
                "/",
                "--deploy",
                System.getProperty("it.war"));
    }

    @Override
    int httpsPort() {
        return sslPort;
    }

    @Override
    Path workingDirectory() {
        return dir;
    }

    @Override
    Path serverLog() {
        return dir.resolve(name + "-console.log");
    }

    /** Payara Micro names its version in its startup line ("Payara Micro 7.2025.1 (build 21) ready in …"). */
    @Override
    List<String> platformEvidence() {
        return List.of("Payara Micro " + matrix.payaraVersion() + " ");
    }

    @Override
    Optional<String> bootFailure() {
        return LocalFiles.findLine(
                serverLog(), "Failed to start, exiting", "BindException", "Exception while loading the app");
    }
}
