package dev.oauthjwt.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A server under test running the sample WAR in a child process, with its own {@link JwksStub} and initial signing
 * key. Booted once per test run; {@link #close()} (JUnit root store, or the JVM shutdown hook) kills the process
 * tree by PID. While running, the PIDs are also written to {@code target/it/<name>.pid} for {@code .ci/run}'s trap.
 */
abstract class ManagedServer implements AutoCloseable {

    static final Duration BOOT_TIMEOUT = Duration.ofSeconds(Long.getLong("it.bootTimeoutSeconds", 420));
    static final String REALM = "it-tests";

    final String name;
    final Path dir = Path.of(System.getProperty("it.dir", "target/it"));
    final JwksStub jwks;
    final TestKey initialKey = TestKey.generate();
    final int port;
    private Process process;
    private Thread shutdownHook;
    private long bootMillis;

    ManagedServer(String name) throws IOException {
        this.name = name;
        this.jwks = new JwksStub();
        this.jwks.publish(initialKey);
        this.port = freePort();
    }

    /** @return the command that starts the server in the foreground */
    abstract List<String> command() throws IOException;

    /** @return the working directory of the command */
    abstract Path workingDirectory();

    /** @return where the server writes its own log, for failure reports */
    abstract Path serverLog();

    /** The oauth.jwt.* configuration, as environment variables (the MicroProfile Config mapping). */
    Map<String, String> oauthEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OAUTH_JWT_JWKS_URI", jwks.uri());
        env.put("OAUTH_JWT_ISSUER", TestKey.ISSUER);
        env.put("OAUTH_JWT_AUDIENCE", TestKey.AUDIENCE);
        env.put("OAUTH_JWT_REALM", REALM);
        env.put("OAUTH_JWT_JWKS_TIMEOUT", "2");
        env.put("OAUTH_JWT_JWKS_MIN_REFRESH_INTERVAL", "1");
        return env;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    long bootMillis() {
        return bootMillis;
    }

    /** Starts the process and waits until {@code /api/public} answers 200. */
    final ManagedServer boot() throws Exception {
        Files.createDirectories(dir);
        Path consoleLog = dir.resolve(name + "-console.log");
        ProcessBuilder builder = new ProcessBuilder(command())
                .directory(workingDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(consoleLog.toFile());
        builder.environment().putAll(oauthEnvironment());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        long start = System.nanoTime();
        process = builder.start();
        shutdownHook = new Thread(this::kill, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        writePids();
        try {
            awaitReady(uri("/api/public"));
        } catch (Exception | AssertionError e) {
            String tail = tail(consoleLog) + "\n--- " + serverLog() + "\n" + tail(serverLog());
            close();
            throw new IllegalStateException(name + " did not boot: " + e.getMessage() + "\n" + tail, e);
        }
        bootMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        writePids();
        System.out.printf("[it] %s booted in %d ms on %s (JWKS %s)%n", name, bootMillis, uri("/"), jwks.uri());
        return this;
    }

    /** @return a line of the server's output that tells the boot failed (the process may linger after it) */
    abstract java.util.Optional<String> bootFailure();

    private void awaitReady(URI probe) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the process exited with " + process.exitValue());
            }
            java.util.Optional<String> failure = bootFailure();
            if (failure.isPresent()) {
                throw new IllegalStateException("the server reports: " + failure.get());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(probe)
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
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

    private void writePids() throws IOException {
        List<String> pids = new ArrayList<>();
        pids.add(Long.toString(process.pid()));
        process.descendants().forEach(p -> pids.add(Long.toString(p.pid())));
        Files.write(dir.resolve(name + ".pid"), pids);
    }

    /** Kills the process tree: TERM, then KILL after 20 s. Idempotent. */
    private synchronized void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        List<ProcessHandle> tree = p.descendants().collect(Collectors.toList());
        tree.forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            for (ProcessHandle h : tree) {
                h.onExit().get(20, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            Files.deleteIfExists(dir.resolve(name + ".pid"));
        } catch (IOException ignored) {
            // best effort
        }
        process = null;
    }

    @Override
    public void close() {
        kill();
        jwks.close();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway
            }
            shutdownHook = null;
        }
        System.out.printf("[it] %s stopped%n", name);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** @return the first line of {@code file} that contains one of {@code markers} */
    static java.util.Optional<String> findLine(Path file, String... markers) {
        try (java.util.stream.Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> java.util.Arrays.stream(markers).anyMatch(l::contains)).findFirst();
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no " + file + ")";
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
