package dev.qmark.core.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
        return idempotencyKey != null ? sha256("key\n" + idempotencyKey) : contentFingerprint();
    }

    /** The submission's content: what a reused idempotency key must carry again to be a retry. */
    public String contentFingerprint() {
        return sha256(String.join("\n", "content", email.toLowerCase(Locale.ROOT), name.strip(),
                subject == null ? "" : subject.strip(), message.strip(), String.valueOf(rating)));
    }

    private static String sha256(String basis) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
