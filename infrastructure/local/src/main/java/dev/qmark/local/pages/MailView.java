package dev.qmark.local.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One mail the local system "sent", as the mailbox page shows it.
 *
 * @param messageId the Message-ID; it comes back as {@code messageId} when the developer replies
 * @param from      the From header, as written ({@code "Name <a@b>"} or {@code "a@b"})
 * @param to        To addresses; {@code null} is taken as empty
 * @param cc        Cc addresses; {@code null} is taken as empty
 * @param replyTo   Reply-To addresses; {@code null} is taken as empty
 * @param subject   may be {@code null}
 * @param text      the text/plain part, or {@code null}
 * @param html      the text/html part, or {@code null}
 * @param sentAt    when it was sent, or {@code null} if unknown (listed last)
 */
public record MailView(
        String messageId,
        String from,
        List<String> to,
        List<String> cc,
        List<String> replyTo,
        String subject,
        String text,
        String html,
        Instant sentAt) {

    public MailView {
        to = clean(to);
        cc = clean(cc);
        replyTo = clean(replyTo);
    }

    private static List<String> clean(List<String> addresses) {
        if (addresses == null || addresses.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(addresses.size());
        for (String a : addresses) {
            if (a != null && !a.isBlank()) {
                out.add(a);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The address a person answering this mail writes from: the first To, or empty if there is none. */
    public String firstTo() {
        return to.isEmpty() ? "" : Objects.requireNonNullElse(to.get(0), "");
    }
}
