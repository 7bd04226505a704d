package dev.qmark.emulators;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimal inbound SMTP server (RFC 5321) on 127.0.0.1: the local system's MX, so mail sent with any
 * mail client or library to a Qmark inbound address reaches the mail-intake path. It accepts only
 * recipients in the configured domains, hands each message to a {@link MailDelivery} and answers
 * as that went. One virtual thread per connection; limits and timeouts keep a misbehaving client
 * from hanging or exhausting it.
 *
 * <p>The domains and the delivery may be set after start: until then every recipient is refused
 * ({@code 550}) and every message deferred ({@code 451}).
 */
public final class SmtpListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpListener.class);

    /**
     * Limits of one listener.
     *
     * @param maxMessageBytes bigger messages are refused with 552 (default 10 MiB)
     * @param maxRecipients   more RCPT TO in one transaction are refused with 452 (default 100, RFC 5321's minimum)
     * @param maxConnections  more simultaneous connections are turned away with 421 (default 32)
     * @param readTimeout     a client silent this long is disconnected with 421 (default 60 s)
     * @param sessionTimeout  no connection lasts longer than this (default 10 min)
     * @param hostname        the name in the greeting
     */
    public record Options(long maxMessageBytes, int maxRecipients, int maxConnections,
            Duration readTimeout, Duration sessionTimeout, String hostname) {

        public Options {
            if (maxMessageBytes < 1 || maxRecipients < 1 || maxConnections < 1) {
                throw new IllegalArgumentException("SMTP limits must be positive");
            }
            Objects.requireNonNull(readTimeout);
            Objects.requireNonNull(sessionTimeout);
            Objects.requireNonNull(hostname);
        }

        public static Options defaults() {
            return new Options(10L * 1024 * 1024, 100, 32, Duration.ofSeconds(60), Duration.ofMinutes(10), "localhost");
        }

        public Options withMaxMessageBytes(long bytes) {
            return new Options(bytes, maxRecipients, maxConnections, readTimeout, sessionTimeout, hostname);
        }

        public Options withMaxConnections(int connections) {
            return new Options(maxMessageBytes, maxRecipients, connections, readTimeout, sessionTimeout, hostname);
        }

        public Options withTimeouts(Duration read, Duration session) {
            return new Options(maxMessageBytes, maxRecipients, maxConnections, read, session, hostname);
        }
    }

    private final ServerSocket serverSocket;
    private final Options options;
    private final Thread acceptor;
    private final Semaphore connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong sessionCount = new AtomicLong();
    private volatile Set<String> domains;
    private volatile MailDelivery delivery;
    private volatile boolean closed;

    private SmtpListener(ServerSocket serverSocket, Options options, Collection<String> domains, MailDelivery delivery) {
        this.serverSocket = serverSocket;
        this.options = options;
        this.connections = new Semaphore(options.maxConnections());
        setDomains(domains);
        this.delivery = delivery;
        // A platform daemon thread: blocked in accept(), it must not keep the JVM alive on Ctrl-C.
        this.acceptor = new Thread(this::acceptLoop, "smtp-accept-" + serverSocket.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    /** Starts on {@code port} (0: any free port) with default limits. */
    public static SmtpListener start(int port, Collection<String> domains, MailDelivery delivery) {
        return start(port, domains, delivery, Options.defaults());
    }

    /**
     * Starts on {@code port} (0: any free port).
     *
     * @param domains  recipient domains to accept (case-insensitive); may be empty and set later
     * @param delivery where accepted messages go; may be null and set later
     */
    public static SmtpListener start(int port, Collection<String> domains, MailDelivery delivery, Options options) {
        ServerSocket serverSocket;
        try {
            serverSocket = new ServerSocket(port, 50, Loopback.address());
        } catch (IOException e) {
            throw new UncheckedIOException("SMTP cannot listen on " + Loopback.HOST + ":" + port, e);
        }
        SmtpListener listener = new SmtpListener(serverSocket, options, domains, delivery);
        listener.acceptor.start();
        LOG.info("SMTP listener on {}:{} for {}", Loopback.HOST, listener.port(),
                listener.domains.isEmpty() ? "no domain yet" : listener.domains);
        return listener;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Replaces the accepted recipient domains (compared case-insensitively). */
    public void setDomains(Collection<String> domains) {
        this.domains = domains.stream()
                .map(d -> d.trim().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public Set<String> domains() {
        return domains;
    }

    /** Replaces the delivery; null defers every message with 451 until one is set. */
    public void setDelivery(MailDelivery delivery) {
        this.delivery = delivery;
    }

    MailDelivery delivery() {
        return delivery;
    }

    Options options() {
        return options;
    }

    boolean acceptsDomain(String domain) {
        return domains.contains(domain.toLowerCase(Locale.ROOT));
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("SMTP accept failed", e);
                }
                continue;
            }
            if (!connections.tryAcquire()) {
                refuse(socket);
                continue;
            }
            open.add(socket);
            long id = sessionCount.incrementAndGet();
            Thread.ofVirtual().name("smtp-session-" + id).start(() -> {
                try {
                    new SmtpSession(this, socket).run();
                } finally {
                    open.remove(socket);
                    connections.release();
                }
            });
        }
    }

    private static void refuse(Socket socket) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write("421 4.3.2 Too many connections, try again later\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the client went away first
        }
    }

    /** Stops accepting and drops every open connection; safe twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.debug("closing the SMTP server socket", e);
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException | RuntimeException e) {
                // closing anyway
            }
        }
        try {
            acceptor.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("SMTP listener on port {} stopped", serverSocket.getLocalPort());
    }

    /** Used by sessions to tell a deliberate close from a client's disconnect. */
    boolean isClosed() {
        return closed;
    }
}
