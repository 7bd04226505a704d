package dev.qmark.bench.coldstart;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The naive variant's stand-in for dev.qmark.aws.AwsClients (resource coldstart/naive), compiled
 * here against the bench's class path into a directory of its own, and the SDK's default HTTP
 * client (Apache 5, what the SDK finds on a class path that has it) for the child JVM.
 */
final class NaiveClients {

    static final String HTTP_SERVICE = "software.amazon.awssdk.http.apache5.Apache5SdkHttpService";
    private static final List<String> HTTP_CLIENT_JARS = List.of("apache5-client-", "httpclient5-", "httpcore5-", "httpcore5-h2-");

    private NaiveClients() {
    }

    static Path compile(Path home) {
        try {
            Path dir = Files.createDirectories(home.resolve("infrastructure/bench/target/coldstart-naive"));
            Path source = dir.resolve("AwsClients.java");
            try (InputStream in = NaiveClients.class.getResourceAsStream("/coldstart/naive/AwsClients.java")) {
                Files.write(source, in.readAllBytes());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (javac == null) {
                throw new IllegalStateException("the naive variant needs a JDK (javac), not a JRE");
            }
            int exit = javac.run(null, null, System.err, "-d", dir.toString(), "-cp", System.getProperty("java.class.path"),
                    "--release", "21", source.toString());
            if (exit != 0) {
                throw new IllegalStateException("compiling the naive AwsClients failed");
            }
            Files.delete(source);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Apache 5 client's jars from the bench's own class path. */
    static String httpClientJars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> HTTP_CLIENT_JARS.stream().anyMatch(prefix -> Path.of(entry).getFileName().toString().startsWith(prefix)))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
