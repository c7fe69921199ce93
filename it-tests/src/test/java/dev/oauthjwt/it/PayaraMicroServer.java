package dev.oauthjwt.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Payara Micro (the Maven artifact) running the sample WAR at context root {@code /}, listeners on 127.0.0.1. */
final class PayaraMicroServer extends ManagedServer {

    private final int sslPort = freePort();

    PayaraMicroServer() throws IOException {
        super("payara-micro");
    }

    @Override
    List<String> command() throws IOException {
        Path root = dir.resolve("payara-root");
        deleteTree(root);
        Path preboot = dir.resolve("payara-preboot.txt");
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

    @Override
    java.util.Optional<String> bootFailure() {
        return findLine(serverLog(), "Failed to start, exiting", "BindException", "Exception while loading the app");
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
