package dev.qmark.core.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellInShardTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-23");
    private static final List<String> WEB = List.of("all#all", "channel#web");
    private static final List<String> MAIL = List.of("all#all", "channel#email");

    @Test
    void sequenceNumbersOfAnyLengthComparePaddedAsNumbers() {
        assertEquals(40, StreamChange.padded("111100000000001234567890").length());
        assertTrue(StreamChange.padded("999999999999999999999").compareTo(StreamChange.padded("1000000000000000000000")) < 0);
        assertThrows(IllegalArgumentException.class, () -> StreamChange.padded("12a"));
        assertThrows(IllegalArgumentException.class, () -> StreamChange.padded("1".repeat(41)));
    }

    @Test
    void aBatchIsSplitPerCellInSequenceOrderOneEntryPerRecord() {
        StreamChange routed = new StreamChange("300", List.of(fact(Fact.Kind.RECEIVED, WEB, null), rated(WEB)));
        StreamChange other = new StreamChange("200", List.of(fact(Fact.Kind.RECEIVED, MAIL, null)));
        StreamChange answered = new StreamChange("1000", List.of(fact(Fact.Kind.ANSWERED, WEB, 90L)));

        List<CellInShard> cells = CellInShard.of(List.of(answered, routed, other));
        assertEquals(2, cells.size());
        CellInShard web = cells.get(0);
        assertEquals(Cell.key(WEB), web.key());
        assertEquals(List.of(StreamChange.padded("300"), StreamChange.padded("1000")), web.sequences(),
                "sorted by number, not by text: 1000 comes after 300");
        assertEquals(StreamChange.padded("300"), web.first());
        assertEquals(StreamChange.padded("1000"), web.last());
        Tally tally = web.tally();
        assertEquals(1, tally.received());
        assertEquals(1, tally.ratings());
        assertEquals(1, tally.answered());
        assertEquals(90L, tally.maxMinutes());
        assertEquals(1, cells.get(1).records());
    }

    @Test
    void onlyTheRecordsAfterTheLastCountedAreLeft() {
        CellInShard web = CellInShard.of(List.of(new StreamChange("1", List.of(fact(Fact.Kind.RECEIVED, WEB, null))),
                new StreamChange("2", List.of(fact(Fact.Kind.ANSWERED, WEB, 500L))),
                new StreamChange("3", List.of(fact(Fact.Kind.RECEIVED, WEB, null))))).get(0);
        assertEquals(web, web.after(null));
        CellInShard left = web.after(StreamChange.padded("2"));
        assertEquals(List.of(StreamChange.padded("3")), left.sequences());
        assertEquals(1, left.tally().received());
        assertEquals(null, left.tally().maxMinutes(), "the answer was counted before");
        assertTrue(web.after(StreamChange.padded("3")).isEmpty());
    }

    private static Fact rated(List<String> groups) {
        return new Fact(Fact.Kind.RATED, "k3m9x2p7q4r8s1t5", 0, Instant.parse("2026-11-23T10:05:00Z"), DAY, groups, null, 4,
                "Late", "Minsu", "Where is it?", null);
    }

    private static Fact fact(Fact.Kind kind, List<String> groups, Long minutes) {
        return new Fact(kind, "k3m9x2p7q4r8s1t5", kind == Fact.Kind.RECEIVED ? 0 : 1, Instant.parse("2026-11-23T10:05:00Z"), DAY,
                groups, minutes, null, "Late", "Minsu", "Where is it?", null);
    }
}
