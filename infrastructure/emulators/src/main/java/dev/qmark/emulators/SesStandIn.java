package dev.qmark.emulators;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SES v2 SendEmail on 127.0.0.1 for the SDK's SesV2Client: nothing is delivered, everything is kept in
 * an outbox that tests and the local system's mail viewer read. The raw MIME Qmark sends is parsed
 * back, so a test sees what a recipient's mail client would show.
 */
public final class SesStandIn implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SesStandIn.class);

    private final Outbox outbox;
    private final LocalHttpServer server;

    private final MailboxSimulator simulator;

    private SesStandIn(Outbox outbox, LocalHttpServer server, MailboxSimulator simulator) {
        this.outbox = outbox;
        this.server = server;
        this.simulator = simulator;
    }

    /** An SES whose outbox lives in memory only, on {@code port} (0: any free port). */
    public static SesStandIn startInMemory(int port) {
        return start(null, port);
    }

    /**
     * Starts the stand-in on {@code port} (0: any free port).
     *
     * @param outboxDirectory where each mail is written (JSON and .eml) and reloaded from; null for memory
     */
    public static SesStandIn start(Path outboxDirectory, int port) {
        return start(outboxDirectory, port, false);
    }

    /**
     * Starts the stand-in on {@code port} (0: any free port).
     *
     * @param outboxDirectory where each mail is written (JSON and .eml) and reloaded from; null for memory
     * @param verifiedSendersOnly as SES: refuse a sender whose address or domain was not created
     *                            with CreateEmailIdentity (MessageRejected); false lets anyone send
     */
    public static SesStandIn start(Path outboxDirectory, int port, boolean verifiedSendersOnly) {
        Outbox outbox = new Outbox(outboxDirectory);
        MailboxSimulator simulator = new MailboxSimulator();
        SesIdentities identities = verifiedSendersOnly ? SesIdentities.checked() : SesIdentities.anySender();
        LocalHttpServer server = LocalHttpServer.start("SES stand-in", port, new SesApi(outbox, identities, simulator));
        LOG.info("SES stand-in on {} ({}, {} mail(s) in the outbox)", server.endpoint(),
                outboxDirectory == null ? "in memory" : outboxDirectory, outbox.mails().size());
        return new SesStandIn(outbox, server, simulator);
    }

    public int port() {
        return server.port();
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** Every mail sent so far, oldest first; a snapshot. */
    public List<OutboxMail> outbox() {
        return outbox.mails();
    }

    /**
     * The outbox as a JSON array, oldest first, each mail as
     * {@code {"messageId","from","to":[],"cc":[],"replyTo":[],"subject","text","html","headers":{},"sentAt"}}
     * with sentAt in ISO-8601.
     */
    public String outboxJson() {
        return outbox.toJson();
    }

    /**
     * Mails in the shape of {@link #outboxJson()}, wherever they were read from: the local system
     * shows what another SES (moto, LocalStack) accepted the same way as this stand-in's outbox.
     */
    public static String outboxJson(List<OutboxMail> mails) {
        return Outbox.toJson(mails);
    }

    /**
     * Calls {@code listener} with each mail accepted from now on, on the sending request's thread,
     * after it is in the outbox. A listener that throws is logged; the send still succeeds.
     */
    public void onSend(Consumer<OutboxMail> listener) {
        outbox.onSend(listener);
    }

    /**
     * Calls {@code listener} with each event SES would publish for mail sent with a configuration
     * set, as the EventBridge event JSON ({@link MailboxSimulator}: the mailbox simulator's
     * addresses bounce, complain, answer out of office), on the sending request's thread.
     */
    public void onEvent(Consumer<String> listener) {
        simulator.onEvent(listener);
    }

    /** Where the out-of-office replies of {@code ooto@simulator.amazonses.com} go (inbound mail). */
    public void onAutoReply(MailDelivery delivery) {
        simulator.onAutoReply(delivery);
    }

    /** Empties the outbox, and its directory's mail files. */
    public void clearOutbox() {
        outbox.clear();
    }

    @Override
    public void close() {
        server.close();
    }
}
