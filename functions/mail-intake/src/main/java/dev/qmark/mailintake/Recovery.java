package dev.qmark.mailintake;

import dev.qmark.core.intake.StuckFeedback;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What mail-intake's schedule does: finish unfinished intake. Received mail whose invocation Lambda
 * gave up on (mail-intake's DLQ) is applied again; stored feedback that never reached its owner is
 * enqueued again. Both read only what is unfinished (the DLQ, a sparse list on the byDeadline
 * index), so a run costs what is stuck, not the size of the table. mail-intake hosts it because it already holds everything
 * both need (the table, the feedback queue, the mail bucket, SES); see docs/design.md.
 */
final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final MailIntake mails;
    private final StuckFeedback feedback;
    private final Clock clock;

    Recovery(MailIntake mails, StuckFeedback feedback, Clock clock) {
        this.mails = mails;
        this.feedback = feedback;
        this.clock = clock;
    }

    /** What one run did: mails applied again (and their outcomes), feedback enqueued again. */
    record Report(List<MailIntake.Result> mails, int feedbackEnqueued) {
    }

    Report run() {
        return run(clock.instant());
    }

    /** @param dueBy stored feedback due for a check by then (the schedule: now) */
    Report run(Instant dueBy) {
        List<MailIntake.Result> recovered = mails.recover();
        int enqueued = feedback.redrive(dueBy);
        LOG.info("recovery: {} mail(s) of failed invocations applied again, {} stuck feedback item(s) enqueued again",
                recovered.size(), enqueued);
        return new Report(recovered, enqueued);
    }
}
