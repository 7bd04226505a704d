package dev.qmark.local;

import java.nio.file.Path;

/**
 * How to run the local system.
 *
 * @param httpPort the form, the APIs and the /_local pages (0: any free port)
 * @param smtpPort where mail comes in (0: any free port)
 * @param config   the configuration file
 * @param dataDir  where state survives a restart, or null to keep everything in memory
 * @param sweepEvery how often the schedule sweeps (as EventBridge does every minute), or null for
 *                   never: tests that sweep on their own must not race a scheduled sweep
 * @param awsEndpoint an AWS-compatible endpoint (moto's server, LocalStack) to run on instead of the
 *                    embedded stand-ins, or null for the embedded ones
 */
public record LocalOptions(int httpPort, int smtpPort, Path config, Path dataDir, java.time.Duration sweepEvery,
                           java.net.URI awsEndpoint) {

    /** Options on the embedded stand-ins. */
    public LocalOptions(int httpPort, int smtpPort, Path config, Path dataDir, java.time.Duration sweepEvery) {
        this(httpPort, smtpPort, config, dataDir, sweepEvery, null);
    }

    public static final java.time.Duration EVERY_MINUTE = java.time.Duration.ofMinutes(1);

    /** Options with the sweep scheduled every minute, as in AWS. */
    public LocalOptions(int httpPort, int smtpPort, Path config, Path dataDir) {
        this(httpPort, smtpPort, config, dataDir, EVERY_MINUTE, null);
    }

    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_SMTP_PORT = 2525;

    /** The example configuration shipped in the repository, found from the qmark home. */
    public static Path defaultConfig() {
        return Path.of(System.getProperty("qmark.home", ".")).resolve("config").resolve("qmark.yaml");
    }
}
