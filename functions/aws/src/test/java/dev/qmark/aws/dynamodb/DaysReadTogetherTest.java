package dev.qmark.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaysReadTogetherTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);

    @Test
    void aYearComesBackDayByDayInTheDaysOrder() {
        List<String> read = DaysReadTogether.read(FIRST, FIRST.plusDays(364), day -> List.of(day + "a", day + "b"));
        assertEquals(730, read.size());
        for (int i = 0; i < 365; i++) {
            assertEquals(List.of(FIRST.plusDays(i) + "a", FIRST.plusDays(i) + "b"), read.subList(2 * i, 2 * i + 2));
        }
    }

    @Test
    void anEmptyPeriodReadsNothing() {
        assertEquals(List.of(), DaysReadTogether.read(FIRST, FIRST.minusDays(1), day -> List.of(day)));
    }
}
