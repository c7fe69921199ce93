package dev.oauthjwt.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Small file and port utilities shared by the process launchers: free loopback ports, log tails, tree deletion. */
final class LocalFiles {

    private LocalFiles() {}

    /** @return a port that was free on 127.0.0.1 a moment ago */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** @return the last 60 lines of {@code file}, for failure reports */
    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no " + file + ")";
        }
    }

    /** @return the first line of {@code file} that contains one of {@code markers} */
    static Optional<String> findLine(Path file, String... markers) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> Arrays.stream(markers).anyMatch(l::contains))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Deletes {@code root} and everything below it, if it exists. */
    static void deleteTree(Path root) throws IOException {
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
