package dev.qmark.core.sending;

import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.ports.Suppressions;
import dev.qmark.mail.OutgoingMail;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending path every mail takes (SendOnce hands its mails here): it keeps customer-bound mail
 * away from suppressed addresses. A staff address is never dropped here: a bounce from a person
 * asked must reach mail-events, which hands the question on (SES's own list does drop it, and says
 * so with a bounce event). What a mail is about travels with it as message tags
 * ({@link dev.qmark.core.delivery.MailTags}, set by the provider's adapter), so nothing is recorded per mail.
 */
public final class TrackedMailSender implements MailSender {

    /** What {@link #send} answers when nobody was left to send to: no provider message id exists. */
    public static final String NOT_SENT = "not-sent:suppressed";

    private static final Logger LOG = LoggerFactory.getLogger(TrackedMailSender.class);

    private final MailSender provider;
    private final Suppressions suppressions;
    private final Predicate<String> staff;
    private final BiConsumer<String, TimelineEvent> timeline;
    private final Clock clock;

    /**
     * @param staff    whether an address is a person of the company (founder, owners): never dropped
     * @param timeline records on an item's timeline that its mail was not sent (feedback id, event)
     */
    public TrackedMailSender(MailSender provider, Suppressions suppressions, Predicate<String> staff,
                             BiConsumer<String, TimelineEvent> timeline, Clock clock) {
        this.provider = provider;
        this.suppressions = suppressions;
        this.staff = staff;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public String send(OutgoingMail mail) {
        String feedbackId = mail.headers().get("X-Qmark-Feedback");
        List<String> to = reachable(mail.to());
        List<String> cc = reachable(mail.cc());
        if (to.size() + cc.size() < mail.to().size() + mail.cc().size()) {
            int dropped = mail.to().size() + mail.cc().size() - to.size() - cc.size();
            LOG.info("{} suppressed recipient(s) left out of a mail about {}", dropped, feedbackId);
            if (feedbackId != null) {
                Instant now = clock.instant();
                timeline.accept(feedbackId, new TimelineEvent(now, "not-sent", "mail \"" + mail.subject()
                        + "\" not sent to " + dropped + " address(es) that bounced or complained before"));
            }
        }
        if (to.isEmpty()) {
            return NOT_SENT;
        }
        OutgoingMail sending = to.equals(mail.to()) && cc.equals(mail.cc()) ? mail : new OutgoingMail(mail.from(),
                mail.fromName(), to, cc, mail.replyTo(), mail.subject(), mail.text(), mail.html(), mail.headers());
        return provider.send(sending);
    }

    private List<String> reachable(List<String> addresses) {
        return addresses.stream().filter(a -> staff.test(a) || !suppressions.suppressed(a)).toList();
    }
}
