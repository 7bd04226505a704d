package dev.qmark.local;

import dev.qmark.emulators.EmbeddedAws;
import dev.qmark.emulators.MailDelivery;
import dev.qmark.emulators.OutboxMail;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The stand-ins in this JVM (DynamoDB Local, ElasticMQ, our S3, SES and SMTP): no Docker, no account.
 * SES refuses unverified senders here as in AWS, so a sender missing from {@link SenderIdentities}
 * shows up locally, not at the first deploy.
 */
final class EmbeddedLocalAws implements LocalAws {

    private final EmbeddedAws aws;

    private EmbeddedLocalAws(EmbeddedAws aws) {
        this.aws = aws;
    }

    static EmbeddedLocalAws start(int smtpPort, String inboundDomain, Path dataDir) {
        EmbeddedAws.Builder builder = EmbeddedAws.builder().verifiedSendersOnly().smtpPort(smtpPort).inboundMailDomains(List.of(inboundDomain));
        if (dataDir != null) {
            builder.dataDirectory(dataDir);
        }
        return new EmbeddedLocalAws(builder.start());
    }

    @Override
    public Map<String, String> sdkSystemProperties() {
        return aws.sdkSystemProperties();
    }

    @Override
    public List<OutboxMail> sentMail() {
        return aws.ses().outbox();
    }

    @Override
    public int smtpPort() {
        return aws.smtpPort();
    }

    @Override
    public void setMailDelivery(MailDelivery delivery) {
        aws.setMailDelivery(delivery);
        // the mailbox simulator's out-of-office replies arrive as any received mail does
        aws.ses().onAutoReply(delivery);
    }

    @Override
    public void setMailEvents(java.util.function.Consumer<String> events) {
        aws.ses().onEvent(events);
    }

    @Override
    public String describe() {
        return "embedded AWS";
    }

    @Override
    public void close() {
        aws.close();
    }
}
