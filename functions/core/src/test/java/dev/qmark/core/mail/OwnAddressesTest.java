package dev.qmark.core.mail;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnAddressesTest {

    final OwnAddresses own = new OwnAddresses("feedback.example.com", "qmark@example.com");

    @Test
    void theInboundDomainItsSubdomainsAndTheSenderAreOurs() {
        assertTrue(own.why("feedback@feedback.example.com").orElseThrow().contains("inbound domain"));
        assertTrue(own.why("Answer+x@FEEDBACK.Example.com").isPresent());
        assertTrue(own.why("x@mail.feedback.example.com").isPresent());
        assertEquals(Optional.of("Qmark's own sender address"), own.why(" QMARK@example.com "));
    }

    @Test
    void othersAreNot() {
        assertEquals(Optional.empty(), own.why("dana@example.com"));
        assertEquals(Optional.empty(), own.why("x@notfeedback.example.com"), "a suffix is not a subdomain");
        assertEquals(Optional.empty(), own.why("feedback.example.com@example.org"));
        assertEquals(Optional.empty(), own.why(null));
    }

    @Test
    void aMailToOneOfOursIsRefusedAReplyToAtOurDomainIsNot() {
        OutgoingMail loop = new OutgoingMail("qmark@example.com", null, List.of("dana@example.com"),
                List.of("help@feedback.example.com"), List.of(), "s", "t", null, Map.of());
        assertThrows(OwnAddresses.Refused.class, () -> own.check(loop));
        OutgoingMail fine = new OutgoingMail("qmark@example.com", null, List.of("dana@example.com"), List.of(),
                List.of("answer+abc@feedback.example.com"), "s", "t", null, Map.of());
        assertDoesNotThrow(() -> own.check(fine));
    }
}
