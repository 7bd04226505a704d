package dev.qmark.core.intake;

import dev.qmark.mail.EmailAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns raw form or JSON fields into a {@link Submission}, or says which fields are wrong.
 * Limits are generous for people and tight for abuse; control characters are removed (a
 * customer's text later travels into mail headers and pages).
 */
public final class SubmissionValidator {

    public static final int MAX_NAME = 200;
    public static final int MAX_SUBJECT = 300;
    public static final int MAX_MESSAGE = 10_000;
    public static final int MAX_IDEMPOTENCY_KEY = 200;

    /** Either a submission or the reasons there is none. */
    public record Result(Submission submission, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public Result validate(Map<String, String> fields, String idempotencyKey) {
        List<FieldError> errors = new ArrayList<>();
        String name = singleLine(fields.get("name"));
        String email = singleLine(fields.get("email"));
        String subject = singleLine(fields.get("subject"));
        String message = text(fields.get("message"));
        String ratingText = singleLine(fields.get("rating"));

        if (name.isEmpty()) {
            errors.add(new FieldError("name", "required", "name is required"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "too_long", "name must be at most " + MAX_NAME + " characters"));
        }
        if (email.isEmpty()) {
            errors.add(new FieldError("email", "required", "email is required"));
        } else if (!EmailAddress.isValid(email)) {
            errors.add(new FieldError("email", "invalid", "email must be an address like name@example.com"));
        }
        if (subject.length() > MAX_SUBJECT) {
            errors.add(new FieldError("subject", "too_long", "subject must be at most " + MAX_SUBJECT + " characters"));
        }
        if (message.isBlank()) {
            errors.add(new FieldError("message", "required", "message is required"));
        } else if (message.length() > MAX_MESSAGE) {
            errors.add(new FieldError("message", "too_long", "message must be at most " + MAX_MESSAGE + " characters"));
        }
        Integer rating = null;
        if (!ratingText.isEmpty()) {
            try {
                rating = Integer.valueOf(ratingText);
            } catch (NumberFormatException e) {
                rating = -1;
            }
            if (rating < 1 || rating > 5) {
                errors.add(new FieldError("rating", "invalid", "rating must be a whole number from 1 to 5"));
            }
        }
        String key = idempotencyKey == null ? null : singleLine(idempotencyKey);
        if (key != null && (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY)) {
            errors.add(new FieldError("Idempotency-Key", "invalid", "Idempotency-Key must be 1 to "
                    + MAX_IDEMPOTENCY_KEY + " characters"));
        }
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(new Submission(name, email.toLowerCase(java.util.Locale.ROOT),
                subject.isEmpty() ? null : subject, message.strip(), rating, key), List.of());
    }

    private static String singleLine(String value) {
        return value == null ? "" : value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }

    /** Keeps line breaks and tabs, drops other control characters, normalises CRLF. */
    private static String text(String value) {
        return value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n')
                .replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
    }
}
