package dev.qmark.emulators;

/**
 * One embedded AWS per test JVM, started on first use, its endpoints published as the SDK's
 * system properties so that clients built with defaults (as the handlers build theirs) reach it.
 * Stopped when the JVM exits. Tests isolate themselves by names (a table, queue or bucket each).
 */
public final class SharedEmbeddedAws {

    private static EmbeddedAws instance;

    private SharedEmbeddedAws() {
    }

    public static synchronized EmbeddedAws start() {
        if (instance == null) {
            EmbeddedAws aws = EmbeddedAws.startInMemory();
            aws.sdkSystemProperties().forEach(System::setProperty);
            Runtime.getRuntime().addShutdownHook(new Thread(aws::close, "embedded-aws-stop"));
            instance = aws;
        }
        return instance;
    }
}
