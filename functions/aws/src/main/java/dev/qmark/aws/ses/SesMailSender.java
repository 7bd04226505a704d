package dev.qmark.aws.ses;

import dev.qmark.mail.ComposedMail;
import dev.qmark.mail.MimeComposer;
import dev.qmark.mail.OutgoingMail;
import dev.qmark.core.delivery.MailTags;
import dev.qmark.core.mail.OwnAddresses;
import dev.qmark.core.ports.MailSender;
import java.time.Clock;
import software.amazon.awssdk.core.SdkBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;

/**
 * Sends through SES v2 as raw MIME, so that Qmark decides every header (Reply-To per escalation,
 * Auto-Submitted, In-Reply-To) and the composer, not SES, guards them against injection. Every
 * mail Qmark sends passes here, so this is where mail to Qmark's own addresses (the inbound domain,
 * the sender) is refused ({@link OwnAddresses}): it would come straight back in. Each mail carries
 * what it is about as message tags ({@link MailTags}): SES returns them in every event of the mail,
 * which is how mail-events finds the item without a record per mail.
 */
public final class SesMailSender implements MailSender {

    private static final Logger LOG = LoggerFactory.getLogger(SesMailSender.class);

    private final SesV2Client ses;
    /** The inbound domain: Message-IDs are ours there, and no mail is sent there. */
    private final String inboundDomain;
    private final MimeComposer composer = new MimeComposer();
    private final Clock clock;
    /** The SES configuration set every mail goes out with (its events reach mail-events); null for none. */
    private final String configurationSet;

    public SesMailSender(SesV2Client ses, String inboundDomain) {
        this(ses, inboundDomain, Clock.systemUTC());
    }

    public SesMailSender(SesV2Client ses, String inboundDomain, Clock clock) {
        this(ses, inboundDomain, null, clock);
    }

    public SesMailSender(SesV2Client ses, String inboundDomain, String configurationSet, Clock clock) {
        this.ses = ses;
        this.inboundDomain = inboundDomain;
        this.configurationSet = configurationSet;
        this.clock = clock;
    }

    @Override
    public String send(OutgoingMail mail) {
        String messageId = ses.sendEmail(request(mail)).messageId();
        // the SES message id names this mail in SES's events and a support case; logged as
        // "sentMessageId", since mail-intake's lines carry the received mail's as "sesMessageId"
        LOG.atInfo().addKeyValue("sentMessageId", messageId).log("mail sent");
        return messageId;
    }

    /**
     * SnapStart priming: checks, composes and builds the request exactly as {@link #send} does,
     * and sends nothing; then one read of SES (the account's sending status) for the client's
     * connection and response path. A stand-in that lacks the call answers an error: as good.
     */
    public void prime(OutgoingMail mail) {
        request(mail);
        try {
            ses.getAccount(r -> { });
        } catch (RuntimeException unsupportedLocally) {
            // the SDK's error path ran instead: what priming needs
        }
        // what a sent mail's answer is read into, its type's fields built once per container
        SendEmailResponse.builder().build();
    }

    private SendEmailRequest request(OutgoingMail mail) {
        new OwnAddresses(inboundDomain, mail.from()).check(mail);
        ComposedMail composed = composer.compose(mail, inboundDomain, clock.instant());
        return SendEmailRequest.builder()
                .fromEmailAddress(mail.from())
                .configurationSetName(configurationSet)
                .emailTags(MailTags.of(mail).entrySet().stream()
                        .map(tag -> MessageTag.builder().name(tag.getKey()).value(tag.getValue()).build()).toList())
                .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(composed.mime()))))
                .build();
    }
}
