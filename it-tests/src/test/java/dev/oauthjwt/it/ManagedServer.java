package dev.oauthjwt.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A server under test running the sample WAR in a child process on 127.0.0.1 and a random free port, configured by
 * an {@link OAuthJwtEnvironment}. {@link #boot()} starts it and waits until {@code /api/public} answers 200;
 * {@link #close()} kills the process tree. While it runs, its PIDs are listed in {@code target/it/<name>.pid}
 * ({@link ProcessTree}). The name also names its files and folders, so that several instances can run side by side.
 * The server runs on the JDK of its {@link Matrix} ({@code JAVA_HOME} of the child process).
 */
abstract class ManagedServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ManagedServer.class.getName());

    static final Duration BOOT_TIMEOUT = Duration.ofSeconds(Long.getLong("it.bootTimeoutSeconds", 420));

    final String name;
    final Path dir = Path.of(System.getProperty("it.dir", "target/it"));
    final int port;
    final Matrix matrix;
    final Path javaHome;
    private final OAuthJwtEnvironment environment;
    private ProcessTree process;
    private long bootMillis;

    ManagedServer(String name, Matrix matrix, OAuthJwtEnvironment environment) throws IOException {
        this.name = name;
        this.matrix = matrix;
        this.javaHome = matrix.javaHome();
        this.environment = environment;
        this.port = LocalFiles.freePort();
    }

    /** @return the command that starts the server in the foreground */
    abstract List<String> command() throws IOException;

    /** @return the working directory of the command */
    abstract Path workingDirectory();

    /** @return where the server writes its own log, for failure reports */
    abstract Path serverLog();

    /** @return a line of the server's output that tells the boot failed (the process may linger after it) */
    abstract Optional<String> bootFailure();

    /** @return texts that the server's log shows once booted if it runs the product and features of its matrix */
    abstract List<String> platformEvidence();

    /** @return the executables of the running server's process tree (its JVM among them) */
    List<String> commands() {
        return process == null ? List.of() : process.commands();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** @return the port of the TLS listener that requires client certificates ({@link TlsMaterial}) */
    abstract int httpsPort();

    URI httpsUri(String path) {
        return URI.create("https://127.0.0.1:" + httpsPort() + path);
    }

    long bootMillis() {
        return bootMillis;
    }

    /**
     * @param text what to look for
     * @return the lines of the console log and the server's own log that contain {@code text}
     */
    List<String> logLinesContaining(String text) throws IOException {
        List<String> found = new java.util.ArrayList<>();
        for (Path log : List.of(dir.resolve(name + "-console.log"), serverLog())) {
            if (Files.isRegularFile(log)) {
                try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                    lines.filter(line -> line.contains(text)).forEach(found::add);
                }
            }
        }
        return found;
    }

    /** Starts the process and waits until {@code /api/public} answers 200. */
    final void boot() throws Exception {
        Files.createDirectories(dir);
        Path consoleLog = dir.resolve(name + "-console.log");
        ProcessBuilder builder = new ProcessBuilder(command())
                .directory(workingDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(consoleLog.toFile());
        builder.environment().putAll(environment.variables());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        long start = System.nanoTime();
        process = ProcessTree.start(builder, dir.resolve(name + ".pid"));
        try {
            awaitReady(uri("/api/public"));
        } catch (Exception | AssertionError e) {
            String tail = LocalFiles.tail(consoleLog) + "\n--- " + serverLog() + "\n" + LocalFiles.tail(serverLog());
            close();
            throw new IllegalStateException(name + " did not boot: " + e.getMessage() + "\n" + tail, e);
        }
        bootMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        process.writePids();
        LOG.fine(String.format(
                Locale.ROOT,
                "[it] %s booted in %d ms on %s (Java %d, JWKS %s)",
                name,
                bootMillis,
                uri("/"),
                matrix.javaFeature(),
                environment.jwksUri() != null
                        ? environment.jwksUri()
                        : environment.extra().containsKey("OAUTH_JWT_PUBLIC_KEYS") ? "local keys" : "discovered"));
    }

    private void awaitReady(URI probe) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            process.checkAlive();
            Optional<String> failure = bootFailure();
            if (failure.isPresent()) {
                throw new IllegalStateException("the server reports: " + failure.get());
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(probe)
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no 200 from " + probe + " within " + BOOT_TIMEOUT);
    }

    /** Kills the process tree. Idempotent. */
    @Override
    public void close() {
        if (process != null && process.kill()) {
            LOG.fine(String.format(Locale.ROOT, "[it] %s stopped", name));
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
