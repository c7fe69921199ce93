package dev.oauthjwt.sample.dev;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * DEVELOPMENT ONLY: the demo started by {@code mvn -B -Pdemo verify -pl sample-war -am}. Starts the
 * {@link DevTokenIssuer} on 127.0.0.1, runs the sample WAR on Payara Micro (a child JVM, bound to 127.0.0.1) with the
 * {@code OAUTH_JWT_*} environment pointing at the issuer, prints curl lines to try, and stops Payara on Ctrl-C.
 */
public final class DemoLauncher {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(300);

    private DemoLauncher() {}

    public static void main(String[] args) throws Exception {
        Path payaraJar = Path.of(required("demo.payaraJar"));
        Path war = Path.of(required("demo.war"));
        Path workDir = Path.of(required("demo.workDir"));
        int port = Integer.parseInt(System.getProperty("demo.port", "8080"));
        int issuerPort = Integer.parseInt(System.getProperty("demo.issuerPort", "9000"));
        Files.createDirectories(workDir);

        requireFreePort(port, "-Ddemo.port");
        requireFreePort(issuerPort, "-Ddemo.issuerPort");
        DevTokenIssuer issuer = DevTokenIssuer.start(issuerPort);
        Path preboot = workDir.resolve("preboot.txt");
        Files.write(
                preboot,
                List.of(
                        "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1",
                        "set configs.config.server-config.network-config.network-listeners.network-listener.https-listener.address=127.0.0.1"));
        Path log = workDir.resolve("payara-micro.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                        java.toString(),
                        "-Xmx512m",
                        "-jar",
                        payaraJar.toString(),
                        "--nocluster",
                        "--disablephonehome",
                        "--port",
                        Integer.toString(port),
                        "--prebootcommandfile",
                        preboot.toString(),
                        "--rootdir",
                        workDir.resolve("payara-root").toString(),
                        "--contextroot",
                        "/",
                        "--deploy",
                        war.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The server inherits this environment: OAUTH_JWT_* variables set by the user (e.g. a real Authorization
        // Server) win; otherwise the sample trusts the development issuer.
        Map<String, String> env = builder.environment();
        boolean external = env.containsKey("OAUTH_JWT_JWKS_URI")
                || env.containsKey("OAUTH_JWT_ISSUER")
                || env.containsKey("OAUTH_JWT_PUBLIC_KEYS");
        if (!external) {
            env.put("OAUTH_JWT_ISSUER", issuer.issuer()); // the JWKS URL is discovered from its metadata
        }
        env.putIfAbsent("OAUTH_JWT_AUDIENCE", "sample-api");
        env.putIfAbsent("OAUTH_JWT_REALM", "sample");
        // RFC 9728: the demo serves /api/.well-known/oauth-protected-resource and names it in every challenge
        env.putIfAbsent("OAUTH_JWT_RESOURCE", "http://localhost:" + port);

        System.out.println("[demo] development token issuer: " + issuer.issuer() + " (JWKS " + issuer.jwksUri() + ")");
        if (external) {
            System.out.println("[demo] OAUTH_JWT_* is set: the sample trusts the issuer " + env.get("OAUTH_JWT_ISSUER")
                    + " (JWKS " + env.getOrDefault("OAUTH_JWT_JWKS_URI", "discovered or local")
                    + "), not the development"
                    + " issuer");
        }
        System.out.println("[demo] starting Payara Micro on http://localhost:" + port + " (log: " + log + ") ...");
        long started = System.nanoTime();
        Process payara = builder.start();
        Thread stopper = new Thread(
                () -> {
                    stop(payara); // first: printing during Maven's shutdown may fail
                    issuer.close();
                    try {
                        System.out.println(
                                "[demo] stopped Payara Micro (pid " + payara.pid() + ") and the token issuer");
                    } catch (RuntimeException ignored) {
                        // the console may already be gone
                    }
                },
                "demo-stopper");
        Runtime.getRuntime().addShutdownHook(stopper);

        String base = "http://localhost:" + port;
        if (!awaitUp(payara, URI.create(base + "/api/public"), log)) {
            System.out.println("[demo] Payara Micro did not come up; last lines of " + log + ":");
            List<String> lines = Files.readAllLines(log);
            lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.out::println);
            System.exit(1);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        String t = issuer.tokenUri();
        System.out.println();
        System.out.println("[demo] The sample API is up at " + base + " (Payara Micro booted in " + seconds + " s).");
        System.out.println("[demo] Try (development tokens, any scope/role you like):");
        System.out.println();
        System.out.println("  curl -i " + base + "/api/public");
        System.out.println("  curl -i " + base + "/api/data");
        System.out.println("  TOKEN=$(curl -s -X POST " + t + " -H 'Accept: text/plain' -d scope=read -d role=admin)");
        System.out.println("  curl -i " + base + "/api/data -H \"Authorization: Bearer $TOKEN\"");
        System.out.println("  curl -i " + base + "/api/scope -H \"Authorization: Bearer $TOKEN\"");
        System.out.println("  curl -i " + base + "/api/claim -H \"Authorization: Bearer $TOKEN\"");
        System.out.println("  TOKEN2=$(curl -s -X POST " + t + " -H 'Accept: text/plain' -d scope=write -d role=user)");
        System.out.println(
                "  curl -i " + base + "/api/scope -H \"Authorization: Bearer $TOKEN2\"   # 403 insufficient_scope");
        System.out.println(
                "  curl -i " + base + "/api/claim -H \"Authorization: Bearer $TOKEN2\"   # 403 insufficient_scope");
        System.out.println(
                "  curl -s -X POST " + t + " -d scope=read -d role=admin   # the full token response (JSON)");
        System.out.println();
        System.out.println("[demo] DPoP (RFC 9449): a token bound to the demo client's key, and a proof per request:");
        System.out.println();
        System.out.println("  DTOKEN=$(curl -s -X POST " + t + " -H 'Accept: text/plain' -d scope=read -d dpop=true)");
        System.out.println("  PROOF=$(curl -s -X POST " + issuer.dpopProofUri() + " -d htm=GET -d htu=" + base
                + "/api/binding --data-urlencode token=$DTOKEN)");
        System.out.println("  curl -i " + base + "/api/binding -H \"Authorization: DPoP $DTOKEN\" -H \"DPoP: $PROOF\"");
        System.out.println("  curl -i " + base + "/api/binding -H \"Authorization: DPoP $DTOKEN\" -H \"DPoP: $PROOF\""
                + "   # 401: proof already used");
        System.out.println("  curl -i " + base + "/api/binding -H \"Authorization: Bearer $DTOKEN\""
                + "   # 401: a DPoP-bound token needs a proof");
        System.out.println();
        System.out.println("[demo] Press Ctrl-C to stop.");
        int exit = payara.waitFor();
        System.out.println("[demo] Payara Micro exited with " + exit);
    }

    private static boolean awaitUp(Process payara, URI uri, Path log) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && payara.isAlive()) {
            if (bootFailed(log)) {
                return false; // Payara Micro may linger after "Failed to start, exiting"
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** @return whether Payara Micro's log reports a failed start */
    static boolean bootFailed(Path log) {
        try {
            String text = Files.readString(log);
            return text.contains("Failed to start, exiting") || text.contains("Exception while loading the app");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void requireFreePort(int port, String option) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            System.out.println("[demo] port " + port + " is in use on this machine; stop what uses it or choose another"
                    + " port with " + option + "=...");
            System.exit(1);
        }
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("missing system property " + property);
        }
        return value;
    }
}
