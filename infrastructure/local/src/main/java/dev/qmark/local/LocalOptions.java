package dev.qmark.local;

import java.nio.file.Path;

/**
 * How to run the local system.
 *
 * @param httpPort the form, the APIs and the /_local pages (0: any free port)
 * @param smtpPort where mail comes in (0: any free port)
 * @param config   the configuration file
 * @param dataDir  where state survives a restart, or null to keep everything in memory
 */
public record LocalOptions(int httpPort, int smtpPort, Path config, Path dataDir) {

    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_SMTP_PORT = 2525;

    /** The example configuration shipped in the repository, found from the qmark home. */
    public static Path defaultConfig() {
        return Path.of(System.getProperty("qmark.home", ".")).resolve("config").resolve("qmark.yaml");
    }
}
