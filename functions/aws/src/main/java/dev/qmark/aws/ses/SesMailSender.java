package dev.qmark.aws.ses;

import dev.qmark.mail.ComposedMail;
import dev.qmark.mail.MimeComposer;
import dev.qmark.mail.OutgoingMail;
import dev.qmark.core.mail.OwnAddresses;
import dev.qmark.core.ports.MailSender;
import java.time.Clock;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Sends through SES v2 as raw MIME, so that Qmark decides every header (Reply-To per escalation,
 * Auto-Submitted, In-Reply-To) and the composer, not SES, guards them against injection. Every
 * mail Qmark sends passes here, so this is where mail to Qmark's own addresses (the inbound domain,
 * the sender) is refused ({@link OwnAddresses}): it would come straight back in.
 */
public final class SesMailSender implements MailSender {

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
        new OwnAddresses(inboundDomain, mail.from()).check(mail);
        ComposedMail composed = composer.compose(mail, inboundDomain, clock.instant());
        return ses.sendEmail(b -> b
                .fromEmailAddress(mail.from())
                .configurationSetName(configurationSet)
                .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(composed.mime())))))
                .messageId();
    }
}
