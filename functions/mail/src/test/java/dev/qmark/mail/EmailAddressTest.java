package dev.qmark.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"dana@example.com", "dana.kim+qmark@mail.example.co.kr", "d_k-1@x.io",
            "o'brien@example.ie", "user@xn--3e0b707e.kr", "a@b.cd"})
    void acceptsWhatCustomersType(String address) {
        assertTrue(EmailAddress.isValid(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "dana", "dana@", "@example.com", "dana@example", "dana@@example.com",
            "dana kim@example.com", "dana@example.com\r\nBcc: evil@x.com", "dana@exa\nmple.com",
            "<dana@example.com>", "dana@example.com, evil@x.com", "\"dana\"@example.com", ".dana@example.com",
            "dana.@example.com", "da..na@example.com", "dana@-example.com", "dana@example-.com",
            "dana@example..com", "dana@example.c", "dana@example.123", "dana@[127.0.0.1]", "dana@example.com.",
            "다나@example.com", "dana(comment)@example.com", "dana@exam_ple.com", "dana;x@example.com"})
    void rejectsWhatCouldBreakAHeaderOrCannotBeDelivered(String address) {
        assertFalse(EmailAddress.isValid(address), address);
    }

    @Test
    void enforcesLengthLimits() {
        String local64 = "a".repeat(64);
        assertTrue(EmailAddress.isValid(local64 + "@example.com"));
        assertFalse(EmailAddress.isValid("a".repeat(65) + "@example.com"));
        String label = "b".repeat(63);
        String domain = label + "." + label + "." + label + ".com"; // 195 chars
        String at254 = "a".repeat(254 - 1 - domain.length()) + "@" + domain;
        assertEquals(254, at254.length());
        assertTrue(EmailAddress.isValid(at254));
        assertFalse(EmailAddress.isValid("a" + at254));
        assertFalse(EmailAddress.isValid("dana@" + "c".repeat(64) + ".com"));
    }

    @Test
    void normalisesToLowerCaseAndTrims() {
        assertEquals("dana.kim@example.com", EmailAddress.normalise("  Dana.Kim@Example.COM "));
    }

    @Test
    void convertsUnicodeDomainsToPunycode() {
        assertEquals("dana@xn--3e0b707e.kr", EmailAddress.normalise("dana@한국.kr"));
    }

    @Test
    void normaliseRejectsWithoutEchoingTheInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmailAddress.normalise("x\r\nBcc: evil@x.com"));
        assertFalse(e.getMessage().contains("evil"));
        assertEquals(Optional.empty(), EmailAddress.tryNormalise(null));
    }
}
