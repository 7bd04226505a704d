package dev.qmark.core.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the mail provider (SES, through its configuration set's event destination) says happened
 * to a mail Qmark sent.
 *
 * @param type       what happened
 * @param messageId  the provider's message id of the mail, as {@code MailSender.send} answered it
 * @param at         when it happened, by the provider's clock (a redelivered event has the same)
 * @param recipients the addresses it is about (bounced, complained, delivered), lower-cased
 * @param permanent  for a bounce: a hard one (the address does not exist or is suppressed)
 * @param detail     the provider's short reason (bounce subtype, diagnostic, reject reason), or ""
 * @param tags       the mail's message tags as the provider returns them (name → values): what the
 *                   mail was about ({@link MailTags}); empty for a mail sent without them
 */
public record DeliveryEvent(Type type, String messageId, Instant at, List<String> recipients, boolean permanent,
                            String detail, Map<String, List<String>> tags) {

    public DeliveryEvent {
        recipients = recipients.stream().map(r -> r.strip().toLowerCase(Locale.ROOT)).toList();
        detail = detail == null ? "" : detail;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public enum Type {
        SEND("mail-sent"), DELIVERY("mail-delivered"), BOUNCE("mail-bounced"), COMPLAINT("mail-complaint"),
        REJECT("mail-rejected"), DELIVERY_DELAY("mail-delayed"), OTHER("mail-event");

        private final String timelineName;

        Type(String timelineName) {
            this.timelineName = timelineName;
        }

        /** The timeline event's type. */
        public String timelineName() {
            return timelineName;
        }
    }

    /**
     * Whether the event is worth a record: not a send or a delivery (the normal case of every mail,
     * counted by SES itself), so those cost nothing here. Bounces, complaints, rejections, delays are.
     */
    public boolean noteworthy() {
        return type != Type.SEND && type != Type.DELIVERY;
    }

    /** A hard bounce or a rejection: this mail will never reach them. */
    public boolean undeliverable() {
        return (type == Type.BOUNCE && permanent) || type == Type.REJECT;
    }

    /** An address no mail may go to again: it bounced hard, or its owner called the mail spam. */
    public boolean suppresses() {
        return (type == Type.BOUNCE && permanent) || type == Type.COMPLAINT;
    }
}
