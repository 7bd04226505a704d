package dev.qmark.aws.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * moto's server ({@code moto_server}, pip install 'moto[server]'), started on a free port for one
 * test class: an AWS emulator nobody here wrote, for the same scenarios as our stand-ins and for
 * AWS behaviour they do not play (Secrets Manager's version stages). Skipped where it is missing,
 * required under CI=true (see {@link ExternalTool}).
 */
public final class MotoServer implements AutoCloseable {

    public static final String COMMAND = "moto_server";
    public static final String HOW_TO_GET = "pip install 'moto[server]' (5.2 or newer)";
    public static final String MISSING = COMMAND + " is not on the PATH: " + HOW_TO_GET + " to run the moto tests";

    private final Process process;
    private final Path log;
    private final URI endpoint;

    private MotoServer(Process process, Path log, URI endpoint) {
        this.process = process;
        this.log = log;
        this.endpoint = endpoint;
    }

    /**
     * For {@code @EnabledIf} on a class whose {@code @BeforeAll} starts moto (an abort there would
     * be reported as no test run): run where moto is installed, and under CI=true always, so that a
     * missing moto fails there instead of skipping.
     */
    public static boolean installedOrRequired() {
        return ExternalTool.find(COMMAND).isPresent() || ExternalTool.ci();
    }

    public static MotoServer start() {
        Path program = ExternalTool.require(COMMAND, HOW_TO_GET);
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile("moto-", ".log");
            Process process = new ProcessBuilder(program.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            MotoServer server = new MotoServer(process, log, URI.create("http://127.0.0.1:" + port));
            server.awaitReady(Duration.ofSeconds(60));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    private void awaitReady(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(COMMAND + " exited: " + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/data.json").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException(COMMAND + " did not answer within " + timeout + ": " + Files.readString(log));
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
            // a temporary log file
        }
    }
}
