package dev.qmark.aws.dynamodb;

import dev.qmark.core.reading.Together;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a period's days (one partition each) at the same time rather than one after another: a
 * digest reads 30 days, a report or {@code /stats} call up to a year, and each day is a round trip
 * of its own ({@link Together}: at most 16 in flight, the days' order, the first failure fails the
 * read). The read units are the same.
 */
final class DaysReadTogether {

    private DaysReadTogether() {
    }

    static <T> List<T> read(LocalDate from, LocalDate to, Function<LocalDate, List<T>> day) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d);
        }
        return Together.readEach(days, day).stream().flatMap(List::stream).toList();
    }
}
