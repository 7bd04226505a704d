package dev.qmark.local;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * moto's server ({@code moto_server}, Python; {@code pip install 'moto[server]'}) as a process on a
 * free port, for tests that want an AWS emulator nobody here wrote. Where it is not installed the
 * tests are skipped ({@link #installedOrRequired}) with a message saying how to get it, except under
 * {@code CI=true}, where a missing moto fails the run: CI must not go green by skipping the one
 * check by a third party.
 */
final class MotoServer implements AutoCloseable {

    static final String COMMAND = "moto_server";

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private MotoServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    static final String MISSING = COMMAND + " is not on the PATH: pip install 'moto[server]' (5.2 or newer) to run the moto tests";

    /**
     * For {@code @EnabledIf}: run where moto is installed, and under {@code CI=true} always, so that
     * a missing moto fails there instead of skipping.
     */
    static boolean installedOrRequired() {
        return onPath(COMMAND) || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Starts moto and waits until it answers; fails when it is not installed (see {@link #installedOrRequired}). */
    static MotoServer start() throws IOException, InterruptedException {
        if (!onPath(COMMAND)) {
            throw new AssertionError(MISSING + " (CI=true: required there)");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("moto-server-", ".log");
        Process process = new ProcessBuilder(COMMAND, "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        MotoServer moto = new MotoServer(process, URI.create("http://127.0.0.1:" + port), log);
        try {
            moto.awaitReady(Duration.ofSeconds(30));
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            moto.close();
            throw e;
        }
        return moto;
    }

    URI endpoint() {
        return endpoint;
    }

    private void awaitReady(Duration within) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(COMMAND + " exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(endpoint.resolve(SentMail.MOTO_PATH)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(COMMAND + " did not answer within " + within + ": " + Files.readString(log));
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Stops moto (and what its launcher started) and removes its log. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // a temp file left behind
        }
    }
}
