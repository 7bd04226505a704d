package dev.qmark.core.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-23");

    @Test
    void theSameGroupsInAnyOrderAreTheSameCell() {
        assertEquals(Cell.key(List.of("all#all", "owner#dana", "topic#a")), Cell.key(List.of("topic#a", "all#all", "owner#dana")));
        assertNotEquals(Cell.key(List.of("all#all", "owner#dana")), Cell.key(List.of("all#all", "owner#ops")));
    }

    @Test
    void aLongCombinationIsNamedByItsDigest() {
        List<String> groups = new ArrayList<>(List.of("all#all"));
        for (int i = 0; i < 40; i++) {
            groups.add("topic#a-rather-long-topic-name-" + i);
        }
        String key = Cell.key(groups);
        assertTrue(key.startsWith("~") && key.length() == 65, key);
        assertEquals(key, Cell.key(groups.reversed()));
    }

    @Test
    void aGroupIsTheSumOfTheCellsNamingItOncePerDay() {
        List<Fact> facts = List.of(
                received("a", DAY, "all#all", "channel#web", "topic#delivery", "topic#refund"),
                received("b", DAY, "all#all", "channel#web", "topic#delivery"),
                received("c", DAY, "all#all", "channel#email", "topic#delivery"),
                received("d", DAY.plusDays(1), "all#all", "channel#email"));
        List<Cell> cells = Cell.sum(facts);
        assertEquals(4, cells.size());
        List<DayTally> topics = Cell.tallies(cells, "topic");
        assertEquals(List.of("topic#delivery", "topic#refund"), topics.stream().map(DayTally::group).toList());
        assertEquals(3, topics.get(0).tally().received());
        assertEquals(1, topics.get(1).tally().received());
        List<DayTally> all = Cell.tallies(cells, "all");
        assertEquals(2, all.size());
        assertEquals(3, all.get(0).tally().received());
        assertEquals(DAY.plusDays(1), all.get(1).day());
        assertEquals(2, Cell.sum(List.of(facts.get(1), facts.get(1))).get(0).tally().received());
    }

    private static Fact received(String id, LocalDate day, String... groups) {
        return new Fact(Fact.Kind.RECEIVED, id, 0, Instant.parse("2026-11-23T03:00:00Z"), day, List.of(groups), null, null,
                "t", "w", null, null);
    }
}
