package dev.oauthjwt.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process started by the tests, with its descendants: while it runs, their PIDs are listed in a PID file
 * (under {@code target/it/}, read by {@code .ci/run}'s trap); {@link #kill()} stops the whole tree (TERM, then KILL
 * after 20 s) and deletes the PID file.
 */
final class ProcessTree {

    private final Path pidFile;
    private Process process;

    private ProcessTree(Process process, Path pidFile) {
        this.process = process;
        this.pidFile = pidFile;
    }

    /** Starts {@code builder}'s command and lists its PID in {@code pidFile}. */
    static ProcessTree start(ProcessBuilder builder, Path pidFile) throws IOException {
        ProcessTree tree = new ProcessTree(builder.start(), pidFile);
        tree.writePids();
        return tree;
    }

    /** @throws IllegalStateException if the root process has exited */
    synchronized void checkAlive() {
        if (process != null && !process.isAlive()) {
            throw new IllegalStateException("the process exited with " + process.exitValue());
        }
    }

    /** Lists the root process and its current descendants in the PID file (call again once they have forked). */
    synchronized void writePids() throws IOException {
        if (process == null) {
            return;
        }
        List<String> pids = new ArrayList<>();
        pids.add(Long.toString(process.pid()));
        process.descendants().forEach(p -> pids.add(Long.toString(p.pid())));
        Files.createDirectories(pidFile.getParent());
        Files.write(pidFile, pids);
    }

    /** @return the executables of the root process and its current descendants, where the OS tells them */
    synchronized List<String> commands() {
        if (process == null) {
            return List.of();
        }
        List<String> commands = new ArrayList<>();
        process.info().command().ifPresent(commands::add);
        process.descendants().forEach(p -> p.info().command().ifPresent(commands::add));
        return commands;
    }

    /**
     * Kills the process tree: TERM, then KILL after 20 s; deletes the PID file. Idempotent.
     *
     * @return whether this call stopped it (false if it was stopped before)
     */
    synchronized boolean kill() {
        Process p = process;
        if (p == null) {
            return false;
        }
        List<ProcessHandle> tree = p.descendants().toList();
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
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // best effort
        }
        process = null;
        return true;
    }
}
