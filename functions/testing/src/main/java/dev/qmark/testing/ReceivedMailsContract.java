package dev.qmark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.ports.ReceivedMails;
import dev.qmark.core.ports.ReceivedMails.Pending;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Received mail's unfinished list, in memory and on DynamoDB alike: a finished mail is a
 * redelivery, beginning again keeps the first check and the attempts, only unfinished mail is due,
 * postponing needs it unfinished. Each case reads a fresh list (it is one partition).
 */
public abstract class ReceivedMailsContract {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    /** A fresh, empty list. */
    protected abstract ReceivedMails receivedMails();

    private static Pending mail(String quarantine) {
        return new Pending("mail-" + UUID.randomUUID(), "s3://mail/inbound/x", List.of("feedback@example.com"), quarantine,
                true, false, 0);
    }

    private static List<String> ids(List<Pending> mails) {
        return mails.stream().map(Pending::mailId).toList();
    }

    @Test
    void aFinishedMailIsARedelivery() {
        ReceivedMails received = receivedMails();
        Pending mail = mail(null);
        assertTrue(received.begin(mail, T0.plusSeconds(60)));
        assertTrue(received.begin(mail, T0.plusSeconds(120)), "a retry of unfinished mail begins again");
        received.finish(mail.mailId(), T0.plusSeconds(90));
        assertFalse(received.begin(mail, T0.plusSeconds(180)));
        assertEquals(List.of(), received.due(T0.plus(Duration.ofDays(1)), 10));
    }

    @Test
    void dueByItsFirstCheckOldestFirstWithWhatWasHandedOver() {
        ReceivedMails received = receivedMails();
        Pending later = mail(null);
        Pending sooner = mail("virus");
        received.begin(later, T0.plusSeconds(300));
        received.begin(sooner, T0.plusSeconds(60));
        // beginning again keeps the first check
        received.begin(sooner, T0.plusSeconds(900));
        assertEquals(List.of(), received.due(T0.plusSeconds(59), 10));
        assertEquals(List.of(sooner.mailId()), ids(received.due(T0.plusSeconds(60), 10)));
        assertEquals(List.of(sooner.mailId(), later.mailId()), ids(received.due(T0.plusSeconds(300), 10)));
        assertEquals(List.of(sooner.mailId()), ids(received.due(T0.plusSeconds(300), 1)));
        Pending read = received.due(T0.plusSeconds(60), 10).get(0);
        assertEquals(new Pending(sooner.mailId(), sooner.location(), sooner.recipients(), "virus", true, false, 0), read);
    }

    @Test
    void aPostponedMailCountsItsAttemptsUntilFinished() {
        ReceivedMails received = receivedMails();
        Pending mail = mail(null);
        received.begin(mail, T0);
        assertTrue(received.postpone(mail.mailId(), T0.plusSeconds(600), 1));
        assertEquals(List.of(), received.due(T0.plusSeconds(599), 10));
        assertEquals(1, received.due(T0.plusSeconds(600), 10).get(0).attempts());
        // a retry beginning again keeps the count and the check
        received.begin(mail, T0);
        assertEquals(1, received.due(T0.plusSeconds(600), 10).get(0).attempts());
        received.finish(mail.mailId(), T0.plusSeconds(30));
        assertFalse(received.postpone(mail.mailId(), T0.plusSeconds(1200), 2));
        assertFalse(received.postpone("mail-never-seen", T0.plusSeconds(1200), 1));
    }
}
