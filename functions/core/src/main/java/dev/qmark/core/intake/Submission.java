package dev.qmark.core.intake;

import dev.qmark.core.text.Hashes;
import java.util.Locale;

/**
 * A customer's validated form submission.
 *
 * @param idempotencyKey the client's Idempotency-Key header, or null
 */
public record Submission(String name, String email, String subject, String message, Integer rating,
                         String idempotencyKey) {

    /**
     * What makes two submissions "the same" for de-duplication: the client's idempotency key
     * when it sent one, else the content itself (a double click, a browser resubmitting).
     */
    public String dedupeKey() {
        return idempotencyKey != null ? Hashes.sha256("key\n" + idempotencyKey) : contentFingerprint();
    }

    /** The submission's content: what a reused idempotency key must carry again to be a retry. */
    public String contentFingerprint() {
        return Hashes.sha256(String.join("\n", "content", email.toLowerCase(Locale.ROOT), name.strip(),
                subject == null ? "" : subject.strip(), message.strip(), String.valueOf(rating)));
    }
}
