package dev.oauthjwt.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A Payara Micro 6 instance (the {@link Matrix#EE10} artifact) that is a member of a Hazelcast cluster of test
 * instances: cluster name unique per run, Hazelcast bound to 127.0.0.1 only ({@code hazelcast.socket.bind.any=false},
 * {@code --interfaces}), TCP/IP discovery of the members' ports on 127.0.0.1, no multicast. It runs the sample WAR
 * twice: at {@code /} with the default in-memory replay cache, and at {@code /shared} a copy whose
 * {@code microprofile-config.properties} adds {@code oauth.jwt.dpop.replay-cache=jcache:<cache>}.
 */
final class ClusteredPayaraMicro extends PayaraMicroServer {

    /** The context root of the copy of the sample that uses the shared replay cache. */
    static final String SHARED = "/shared";

    private final String clusterName;
    private final int dataGridPort;
    private final List<Integer> memberPorts;
    private final Path sharedWar;

    ClusteredPayaraMicro(
            String name,
            OAuthJwtEnvironment environment,
            String clusterName,
            int dataGridPort,
            List<Integer> memberPorts,
            Path sharedWar)
            throws IOException {
        super(name, Matrix.EE10, environment);
        this.clusterName = clusterName;
        this.dataGridPort = dataGridPort;
        this.memberPorts = List.copyOf(memberPorts);
        this.sharedWar = sharedWar;
    }

    /**
     * Copies the sample WAR to {@code shared.war} with one more line in its MicroProfile Config file.
     *
     * @return the copy
     */
    static Path sharedCopy(Path dir, String cacheName) throws IOException {
        Path copy = dir.resolve("shared.war");
        String configFile = "WEB-INF/classes/META-INF/microprofile-config.properties";
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(Path.of(System.getProperty("it.war"))));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(configFile)) {
                    found = true;
                    out.write(in.readAllBytes());
                    out.write(("\noauth.jwt.dpop.replay-cache=jcache:" + cacheName + "\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    copyTo(in, out);
                }
                out.closeEntry();
            }
        }
        if (!found) {
            throw new IllegalStateException("the sample WAR has no " + configFile);
        }
        return copy;
    }

    private static void copyTo(InputStream in, ZipOutputStream out) throws IOException {
        in.transferTo(out);
    }

    @Override
    List<String> command() throws IOException {
        List<String> base = super.command();
        List<String> command = new java.util.ArrayList<>();
        command.add(base.get(0));
        command.add("-Dhazelcast.socket.bind.any=false");
        for (String argument : base.subList(1, base.size())) {
            if (!argument.equals("--nocluster")) {
                command.add(argument);
            }
        }
        StringBuilder members = new StringBuilder();
        for (int port : memberPorts) {
            members.append(members.length() == 0 ? "" : ",")
                    .append("127.0.0.1:")
                    .append(port);
        }
        command.addAll(List.of(
                "--clustername",
                clusterName,
                "--clustermode",
                "tcpip:" + members,
                "--interfaces",
                "127.0.0.1",
                "--startport",
                Integer.toString(dataGridPort),
                "--name",
                name,
                "--deploy",
                sharedWar.toString()));
        return command;
    }

    /** @return whether this member's log shows a data grid of {@code size} members (Payara's state line) */
    boolean seesMembers(int size) throws IOException {
        return !logLinesContaining("DG Name: " + clusterName + " DG Size: " + size)
                .isEmpty();
    }
}
