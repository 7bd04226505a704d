package dev.qmark.core.reports;

import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.config.ReportsConfig;
import dev.qmark.core.ports.Notice;
import dev.qmark.core.sending.SendOnce;
import dev.qmark.mail.OutgoingMail;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * The founder's daily digest. The schedule fires often (every 15 minutes); this decides whether it
 * is time: on a day whose {@code digest.at} has passed in the founder's time zone, the digest of
 * the day before is sent, once ({@link SendOnce}: claimed as the founder's notice
 * {@code digest-{date}}, so a second firing, or a run after a crash half-way, sends nothing or
 * finishes the one mail).
 */
public final class DailyDigest {

    /** What a run did: sent now, sent before, not time yet, or off. */
    public record Outcome(String result, LocalDate day, String subject, String text) {
    }

    private final QmarkConfig config;
    private final ReportsConfig reports;
    private final DigestReader reader;
    private final DigestMail mail;
    private final SendOnce sendOnce;
    private final Clock clock;

    public DailyDigest(QmarkConfig config, ReportsConfig reports, DigestReader reader, SendOnce sendOnce, Clock clock) {
        this.config = config;
        this.reports = reports;
        this.reader = reader;
        this.mail = new DigestMail(config, reports);
        this.sendOnce = sendOnce;
        this.clock = clock;
    }

    /** Sends today's digest if its time has come (or {@code now} is asked for) and it was not sent yet. */
    public Outcome run(boolean now) {
        if (reports.digest() == null) {
            return new Outcome("off", null, null, null);
        }
        Instant at = clock.instant();
        ZonedDateTime local = at.atZone(config.founder().timeZone());
        if (!now && local.toLocalTime().isBefore(reports.digest().at())) {
            return new Outcome("not-yet", local.toLocalDate().minusDays(1), null, null);
        }
        LocalDate covers = local.toLocalDate().minusDays(1);
        String[] composed = new String[2];
        SendOnce.Sent sent = sendOnce.send(new Notice.ToFounder("digest-" + local.toLocalDate()), () -> {
            var content = reader.read(covers, at);
            var out = mail.compose(content);
            composed[0] = out.subject();
            composed[1] = out.text();
            return out;
        }, sentAt -> null);
        return sent == SendOnce.Sent.NOW ? new Outcome("sent", covers, composed[0], composed[1])
                : new Outcome("sent-before", covers, null, null);
    }

    /**
     * SnapStart priming: the digest of {@code covers} read and composed as {@link #run} does at
     * {@code at}; nothing claimed, nothing sent.
     */
    public OutgoingMail composeUnsent(LocalDate covers, Instant at) {
        return mail.compose(reader.read(covers, at));
    }
}
