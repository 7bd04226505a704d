package dev.qmark.core.escalation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When an escalation is late: core's rule, which the sweeper applies and the adapters only write. */
class LatenessTest {

    private static final Instant ASKED = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant DUE = ASKED.plus(Duration.ofHours(4));

    private static Escalation in(EscalationStatus status) {
        return new Escalation("f1", 1, "delivery", "dana@example.com", status, ASKED, DUE, null, null, null);
    }

    @Test
    void anOpenQuestionIsLateFromTheInstantItIsDue() {
        assertFalse(in(EscalationStatus.OPEN).isLateAt(DUE.minusMillis(1)));
        assertTrue(in(EscalationStatus.OPEN).isLateAt(DUE));
        assertTrue(in(EscalationStatus.OPEN).isLateAt(DUE.plus(Duration.ofDays(1))));
    }

    @Test
    void onlyAnOpenQuestionBecomesLate() {
        for (EscalationStatus status : EscalationStatus.values()) {
            if (status != EscalationStatus.OPEN) {
                assertFalse(in(status).isLateAt(DUE.plus(Duration.ofDays(1))), status.name());
            }
        }
    }
}
