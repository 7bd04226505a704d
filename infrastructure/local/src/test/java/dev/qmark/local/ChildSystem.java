package dev.qmark.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code qmark up --data-dir DIR} in a JVM of its own, so that a test can kill it as kill -9 would
 * ({@link Process#destroyForcibly}): nothing of it gets to run after, no shutdown hook, no flush.
 */
final class ChildSystem implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("qmark ready: form http://127\\.0\\.0\\.1:(\\d+)/.*SMTP 127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    final int httpPort;
    final int smtpPort;

    private ChildSystem(Process process, int httpPort, int smtpPort) {
        this.process = process;
        this.httpPort = httpPort;
        this.smtpPort = smtpPort;
    }

    static ChildSystem start(Path dataDir, Path log) {
        Path root = LocalHttp.repositoryRoot();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dqmark.home=" + root, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "up",
                "--http-port", "0", "--smtp-port", "0", "--config", root.resolve("config/qmark.yaml").toString(),
                "--data-dir", dataDir.toString()))
                .directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local system", e);
        }
        CompletableFuture<Matcher> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        ready.complete(m);
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
            ready.completeExceptionally(new IllegalStateException("the local system ended before it was ready; see " + log));
        }, "child-system-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            Matcher m = ready.get(120, TimeUnit.SECONDS);
            return new ChildSystem(process, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the local system did not start; see " + log, e);
        }
    }

    /** kill -9: the process ends now, with whatever it had in flight. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
