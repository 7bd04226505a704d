package dev.qmark.core.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoppedClocksTest {

    static final Instant DUE = Instant.parse("2026-03-02T17:00:00Z");

    static Escalation esc(int step, EscalationStatus status, Instant dueAt) {
        return new Escalation("f1", step, "owner" + step, "o" + step + "@example.com", status, DUE.minusSeconds(3600),
                dueAt, null, null, null);
    }

    static List<String> changes(List<StoppedClocks.Stop> stops) {
        return stops.stream().map(s -> s.escalation().step() + ":" + s.before() + "->" + s.after()
                + (s.answering() ? "*" : "")).toList();
    }

    @Test
    void anAnswerInTimeIsAnsweredAndStopsEveryRunningClock() {
        var escalations = List.of(esc(1, EscalationStatus.LATE, DUE.minusSeconds(60)), esc(2, EscalationStatus.OPEN, DUE),
                esc(3, EscalationStatus.OPEN, DUE.minusSeconds(1)), esc(4, EscalationStatus.HANDED_ON, DUE));
        var stops = StoppedClocks.byAnswer(escalations, 2, DUE.minusSeconds(1)).orElseThrow();
        assertEquals(List.of("2:OPEN->ANSWERED*", "1:LATE->LATE", "3:OPEN->ANSWERED"), changes(stops),
                "late ones stay late; handed-on ones do not change");
    }

    @Test
    void lateIsMeasuredAgainstEachEscalationsOwnDeadline() {
        var escalations = List.of(esc(1, EscalationStatus.LATE, DUE.minusSeconds(60)),
                esc(2, EscalationStatus.OPEN, DUE.plusSeconds(60)));
        assertEquals(List.of("1:LATE->ANSWERED_LATE*", "2:OPEN->ANSWERED"),
                changes(StoppedClocks.byAnswer(escalations, 1, DUE).orElseThrow()));
        assertEquals(List.of("2:OPEN->ANSWERED_LATE*", "1:LATE->LATE"),
                changes(StoppedClocks.byAnswer(escalations, 2, DUE.plusSeconds(61)).orElseThrow()));
    }

    @Test
    void nothingToStopWhenTheEscalationIsNotOpenOrDoesNotExist() {
        var escalations = List.of(esc(1, EscalationStatus.ANSWERED, DUE), esc(2, EscalationStatus.HANDED_ON, DUE),
                esc(3, EscalationStatus.ASKING, DUE));
        assertTrue(StoppedClocks.byAnswer(escalations, 1, DUE).isEmpty());
        assertTrue(StoppedClocks.byAnswer(escalations, 2, DUE).isEmpty());
        assertTrue(StoppedClocks.byAnswer(escalations, 3, DUE).isEmpty());
        assertTrue(StoppedClocks.byAnswer(escalations, 9, DUE).isEmpty());
    }

    private static Escalation answered(int step, Instant at, HandOn sentBack) {
        return new Escalation("f1", step, "owner" + step, "o" + step + "@example.com", EscalationStatus.ANSWERED,
                DUE.minusSeconds(3600), DUE, at, "Shipped", "o" + step + "@example.com", List.of(), 0, null, sentBack, null);
    }

    @Test
    void aRecordedAnswerLeavesToStopWhatWasRunningWhenItCame() {
        Instant at = DUE.minusSeconds(60);
        var later = new Escalation("f1", 3, "owner3", "o3@example.com", EscalationStatus.OPEN, at.plusSeconds(5), DUE,
                null, null, null);
        var escalations = List.of(answered(1, at, null), esc(2, EscalationStatus.OPEN, DUE), later,
                esc(4, EscalationStatus.LATE, DUE.minusSeconds(600)));
        assertEquals(List.of("2:OPEN->ANSWERED", "4:LATE->LATE"), changes(StoppedClocks.leftRunning(escalations, 1)),
                "one asked after the answer is not its to stop");
    }

    @Test
    void aRecordedAnswerLeavesNothingOnceStoppedOrSentBack() {
        Instant at = DUE.minusSeconds(60);
        var stoppedLate = new Escalation("f1", 2, "owner2", "o2@example.com", EscalationStatus.LATE, DUE.minusSeconds(7200),
                DUE.minusSeconds(600), at, null, "o1@example.com", List.of(), 0, DUE.minusSeconds(300), null, null);
        assertTrue(StoppedClocks.leftRunning(List.of(answered(1, at, null), stoppedLate), 1).isEmpty());
        HandOn sentBack = new HandOn("owner1", 2, DUE.plusSeconds(3600), at.plusSeconds(60), "jeff@example.com", "", "m");
        assertTrue(StoppedClocks.leftRunning(List.of(answered(1, at, sentBack), esc(2, EscalationStatus.OPEN, DUE)), 1)
                .isEmpty(), "after a send-back the running clock is the send-back's");
        assertTrue(StoppedClocks.leftRunning(List.of(esc(1, EscalationStatus.OPEN, DUE)), 1).isEmpty());
    }
}
