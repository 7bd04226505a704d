package dev.qmark.emulators;

/**
 * Time limits of the JDK's HTTP server (the local API and the S3 and SES stand-ins). Without
 * them it waits forever for a client that connects and sends nothing, or half a request: each
 * such client holds a connection (and, until its request is read, a handler thread) for good.
 *
 * <p>The JDK reads these as system properties once, when the first server of the JVM starts, so
 * they are set here, before any server is created; a value given on the command line
 * ({@code -Dsun.net.httpserver.maxReqTime=...}) wins.
 */
public final class HttpServerLimits {

    /**
     * Seconds a client has to send its whole request (line, headers and body); a connection that
     * sends nothing at all is closed after the same time. Loopback clients take milliseconds;
     * the handler's own time does not count.
     */
    public static final long MAX_REQUEST_SECONDS = 10;
    /** How often (ms) the server looks for connections that sent nothing; the JDK's default is 10 s. */
    static final long IDLE_CHECK_MILLIS = 1000;

    private HttpServerLimits() {
    }

    /** Sets the limits unless already set; call before the first {@code HttpServer.create} of the JVM. */
    public static synchronized void apply() {
        setIfAbsent("sun.net.httpserver.maxReqTime", Long.toString(MAX_REQUEST_SECONDS));
        setIfAbsent("sun.net.httpserver.clockTick", Long.toString(IDLE_CHECK_MILLIS));
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
