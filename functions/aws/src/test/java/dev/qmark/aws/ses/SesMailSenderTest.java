package dev.qmark.aws.ses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.aws.AwsClients;
import dev.qmark.core.mail.OutgoingMail;
import dev.qmark.core.mail.OwnAddresses;
import dev.qmark.emulators.SharedEmbeddedAws;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every mail Qmark sends passes here: none goes to the inbound domain or to Qmark's own sender. */
class SesMailSenderTest {

    static final String DOMAIN = "feedback.example.com";
    static final String SENDER = "qmark@example.com";
    static SesMailSender sender;

    @BeforeAll
    static void ses() {
        SharedEmbeddedAws.start();
        sender = new SesMailSender(AwsClients.ses(), DOMAIN);
    }

    @Test
    void mailToAnAddressOfOurOwnIsRefusedAndNotSent() {
        for (List<String> to : List.of(List.of("feedback@" + DOMAIN), List.of("ok@example.org", "Answer+x@Feedback.Example.COM"),
                List.of("x@mail." + DOMAIN), List.of("QMARK@example.com"))) {
            String subject = "loop " + UUID.randomUUID();
            OwnAddresses.Refused refused = assertThrows(OwnAddresses.Refused.class, () -> sender.send(mail(to, List.of(), subject)));
            assertTrue(refused.getMessage().contains("Qmark's own"), refused.getMessage());
            assertEquals(0, sent(subject), to + " must not be mailed");
        }
        String subject = "cc loop " + UUID.randomUUID();
        assertThrows(OwnAddresses.Refused.class, () -> sender.send(mail(List.of("dana@example.com"), List.of("x@" + DOMAIN), subject)));
        assertEquals(0, sent(subject));
    }

    @Test
    void mailToOthersGoesOutWithAReplyToAtOurDomain() {
        String subject = "fine " + UUID.randomUUID();
        sender.send(mail(List.of("dana@example.com"), List.of("olivia@example.com"), subject));
        assertEquals(1, sent(subject), "a Reply-To at the inbound domain is how answers come back: allowed");
    }

    private static OutgoingMail mail(List<String> to, List<String> cc, String subject) {
        return new OutgoingMail(SENDER, "Qmark", to, cc, List.of("answer+abc@" + DOMAIN), subject, "?", null, Map.of());
    }

    private static long sent(String subject) {
        return SharedEmbeddedAws.start().ses().outbox().stream().filter(m -> subject.equals(m.subject())).count();
    }
}
