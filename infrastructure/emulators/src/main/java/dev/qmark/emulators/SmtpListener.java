package dev.qmark.emulators;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The local system's MX on 127.0.0.1: SubEthaSMTP speaks the protocol, {@link InboundMessage} decides
 * what SES receiving would decide (only recipients in the configured domains, a size limit) and hands
 * each message to a {@link MailDelivery}. Any mail client or library can send to it.
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
     * @param hostname        the name in the greeting
     */
    public record Options(int maxMessageBytes, int maxRecipients, int maxConnections, Duration readTimeout,
            String hostname) {

        public Options {
            if (maxMessageBytes < 1 || maxRecipients < 1 || maxConnections < 1) {
                throw new IllegalArgumentException("SMTP limits must be positive");
            }
            Objects.requireNonNull(readTimeout);
            Objects.requireNonNull(hostname);
        }

        public static Options defaults() {
            return new Options(10 * 1024 * 1024, 100, 32, Duration.ofSeconds(60), "localhost");
        }

        public Options withMaxMessageBytes(int bytes) {
            return new Options(bytes, maxRecipients, maxConnections, readTimeout, hostname);
        }

        public Options withMaxConnections(int connections) {
            return new Options(maxMessageBytes, maxRecipients, connections, readTimeout, hostname);
        }

        public Options withReadTimeout(Duration read) {
            return new Options(maxMessageBytes, maxRecipients, maxConnections, read, hostname);
        }
    }

    private final SMTPServer server;
    private volatile Set<String> domains;
    private volatile MailDelivery delivery;
    private boolean closed;

    private SmtpListener(int port, Options options, Collection<String> domains, MailDelivery delivery) {
        setDomains(domains);
        this.delivery = delivery;
        this.server = SMTPServer.port(port)
                .bindAddress(Loopback.address())
                .hostName(options.hostname())
                .softwareName("Qmark SMTP stand-in")
                .maxMessageSize(options.maxMessageBytes())
                .maxRecipients(options.maxRecipients())
                .maxConnections(options.maxConnections())
                .connectionTimeoutMs((int) Math.max(1, options.readTimeout().toMillis()))
                // SES receiving hands over the message as it came; a Received line of ours would be noise.
                .insertReceivedHeaders(false)
                .executorService(Executors.newVirtualThreadPerTaskExecutor())
                .messageHandlerFactory(context -> new InboundMessage(this, options.maxMessageBytes()))
                .build();
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
        SmtpListener listener = new SmtpListener(port, options, domains, delivery);
        listener.server.start();
        LOG.info("SMTP listener on {}:{} for {}", Loopback.HOST, listener.port(),
                listener.domains.isEmpty() ? "no domain yet" : listener.domains);
        return listener;
    }

    public int port() {
        return server.getPortAllocated();
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

    boolean acceptsDomain(String domain) {
        return domains.contains(domain.toLowerCase(Locale.ROOT));
    }

    /** Stops accepting, drops every open connection and waits for their threads; safe twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        int port = port();
        server.stop();
        LOG.info("SMTP listener on port {} stopped", port);
    }
}
