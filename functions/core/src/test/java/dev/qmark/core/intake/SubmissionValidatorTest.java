package dev.qmark.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmissionValidatorTest {

    private final SubmissionValidator validator = new SubmissionValidator();

    @Test
    void acceptsAGoodSubmissionAndNormalises() {
        SubmissionValidator.Result result = validator.validate(Map.of("name", "  Minsu\tKim ", "email", "Minsu@Example.ORG",
                "message", "line one\r\nline two\u0007", "rating", "4"), null);
        assertTrue(result.valid(), result.errors().toString());
        Submission s = result.submission();
        assertEquals("Minsu Kim", s.name());
        assertEquals("minsu@example.org", s.email());
        assertEquals("line one\nline two", s.message());
        assertEquals(4, s.rating());
        assertEquals(null, s.subject());
    }

    @Test
    void namesEveryBadField() {
        Map<String, String> fields = new HashMap<>();
        fields.put("email", "not-an-address");
        fields.put("message", "x".repeat(SubmissionValidator.MAX_MESSAGE + 1));
        fields.put("rating", "6");
        fields.put("subject", "s".repeat(301));
        List<FieldError> errors = validator.validate(fields, null).errors();
        assertEquals(List.of("name", "email", "subject", "message", "rating"), errors.stream().map(FieldError::field).toList());
        assertEquals(List.of("required", "invalid", "too_long", "too_long", "invalid"),
                errors.stream().map(FieldError::code).toList());
        assertFalse(validator.validate(Map.of("name", "a", "email", "a@b.co", "message", "m", "rating", "four"), null).valid());
    }

    @Test
    void headerInjectionInNameOrSubjectIsFlattened() {
        Submission s = validator.validate(Map.of("name", "Eve\r\nBcc: x@evil.com", "email", "eve@example.org",
                "subject", "hi\nthere", "message", "m"), null).submission();
        assertEquals("Eve Bcc: x@evil.com", s.name());
        assertEquals("hi there", s.subject());
    }

    @Test
    void dedupeKeyIsTheIdempotencyKeyOrTheContent() {
        Map<String, String> fields = Map.of("name", "A", "email", "a@b.co", "message", "same words");
        String content = validator.validate(fields, null).submission().dedupeKey();
        assertEquals(content, validator.validate(Map.of("name", "A ", "email", "A@B.co", "message", "same words "), null)
                .submission().dedupeKey());
        assertNotEquals(content, validator.validate(Map.of("name", "A", "email", "a@b.co", "message", "other"), null)
                .submission().dedupeKey());
        String keyed = validator.validate(fields, "k-1").submission().dedupeKey();
        assertNotEquals(content, keyed);
        assertEquals(keyed, validator.validate(Map.of("name", "B", "email", "b@b.co", "message", "x"), "k-1")
                .submission().dedupeKey());
    }
}
