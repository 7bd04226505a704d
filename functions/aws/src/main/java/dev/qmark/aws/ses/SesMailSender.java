package dev.qmark.aws.ses;

import dev.qmark.core.mail.ComposedMail;
import dev.qmark.core.mail.MimeComposer;
import dev.qmark.core.mail.OutgoingMail;
import dev.qmark.core.ports.MailSender;
import java.time.Clock;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Sends through SES v2 as raw MIME, so that Qmark decides every header (Reply-To per escalation,
 * Auto-Submitted, In-Reply-To) and the composer, not SES, guards them against injection.
 */
public final class SesMailSender implements MailSender {

    private final SesV2Client ses;
    private final String messageIdDomain;
    private final MimeComposer composer = new MimeComposer();
    private final Clock clock;

    public SesMailSender(SesV2Client ses, String messageIdDomain) {
        this(ses, messageIdDomain, Clock.systemUTC());
    }

    public SesMailSender(SesV2Client ses, String messageIdDomain, Clock clock) {
        this.ses = ses;
        this.messageIdDomain = messageIdDomain;
        this.clock = clock;
    }

    @Override
    public String send(OutgoingMail mail) {
        ComposedMail composed = composer.compose(mail, messageIdDomain, clock.instant());
        return ses.sendEmail(b -> b
                .fromEmailAddress(mail.from())
                .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(composed.mime())))))
                .messageId();
    }
}
