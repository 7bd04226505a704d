package dev.qmark.aws.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A program some tests run from the PATH: AWS's own tools (cfn-lint, the SAM translator) and
 * moto's server. Where one is missing the test is skipped with how to get it; under
 * {@code CI=true} a missing tool fails the test instead, so CI never passes by skipping.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** True on CI ({@code CI=true}, as GitHub Actions, GitLab and most others set it). */
    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The program's path on the PATH; skips (fails on CI) when it is not there. */
    public static Path require(String program, String howToGet) {
        return find(program).orElseGet(() -> missing(program + " is not on the PATH", howToGet));
    }

    public static Optional<Path> find(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Skips the test, or fails it on CI, saying what is missing and how to get it. */
    public static <T> T missing(String what, String howToGet) {
        String message = what + " (" + howToGet + ")";
        if (ci()) {
            fail("CI=true and " + message);
        }
        Assumptions.abort(message + "; skipped here, required when CI=true");
        throw new AssertionError("unreachable");
    }

    /** What a finished program said: its standard output and, apart, its standard error. */
    public record Result(int exitCode, String output, String errors) {

        /** Both, for failure messages. */
        public String all() {
            return output + (errors.isBlank() ? "" : "\n[stderr]\n" + errors);
        }
    }

    /** Runs a program to its end in {@code dir}. */
    public static Result run(Path dir, Duration timeout, List<String> command) {
        try {
            Path output = Files.createTempFile("qmark-tool-", ".out");
            Path errors = Files.createTempFile("qmark-tool-", ".err");
            try {
                Process process = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish within " + timeout);
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                        Files.readString(errors, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
