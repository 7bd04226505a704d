package dev.qmark.core.ports;

import java.time.Instant;
import java.util.List;

/**
 * Received mail that mail-intake started and has not finished, by SES message id: written when
 * handling starts, finished when the mail was applied (or kept for review). What is left over
 * (a crash, retries used up) is found again through {@link #due}, which reads only unfinished mail.
 */
public interface ReceivedMails {

    /** One received mail as it was handed to mail-intake: enough to hand it over again. */
    record Pending(String mailId, String location, List<String> recipients, String quarantineReason,
                   boolean spfPass, boolean dkimPass, int attempts) {
    }

    /**
     * Records that handling starts (or starts again); its first check is {@code firstCheck}.
     *
     * @return false when this mail was finished before: a redelivery, nothing to do
     */
    boolean begin(Pending mail, Instant firstCheck);

    /** The mail is applied or kept for review: it leaves the unfinished list. */
    void finish(String mailId, Instant at);

    /** Unfinished mail whose next check is due by {@code dueBy}, oldest check first, at most {@code max}. */
    List<Pending> due(Instant dueBy, int max);

    /** Counts one more recovery attempt and moves the next check; false when it finished meanwhile. */
    boolean postpone(String mailId, Instant nextCheck, int attempts);
}
