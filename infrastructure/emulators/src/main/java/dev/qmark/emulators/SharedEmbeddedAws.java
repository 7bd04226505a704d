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
            Runtime.getRuntime().addShutdownHook(new Thread(aws::close, "embedded-aws-stop"));
            instance = aws;
        }
        // published on every start: a local system started by an earlier test in this JVM may have
        // pointed the SDK's properties at its own AWS, stopped since (clients would be refused)
        instance.sdkSystemProperties().forEach(System::setProperty);
        return instance;
    }
}
