package dev.qmark.core.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReminderRuleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            50%      | 50%
            ' 25 % ' | 25%
            1%       | 1%
            99%      | 99%
            PT1H     | PT1H
            pt30m    | PT30M
            PT1H30M  | PT1H30M
            P1D      | PT24H
            """)
    void parses(String text, String asWritten) {
        assertEquals(asWritten, ReminderRule.parse(text).toString());
    }

    @Test
    void sharesAndLeadsAreWhatTheySay() {
        assertEquals(new ReminderRule.ShareOfAnswerTime(50), ReminderRule.parse("50%"));
        assertEquals(0.5, ((ReminderRule.ShareOfAnswerTime) ReminderRule.parse("50%")).fraction());
        assertEquals(new ReminderRule.BeforeDeadline(Duration.ofHours(1)), ReminderRule.parse("PT1H"));
        assertEquals(List.of(new ReminderRule.ShareOfAnswerTime(50), new ReminderRule.BeforeDeadline(Duration.ofHours(1))),
                ReminderRule.DEFAULTS);
        assertEquals(ReminderRule.DEFAULTS, ReminderRule.parseAll(List.of("50%", "PT1H")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0%       | reminder '0%' must be between 1% and 99% of the answer time
            100%     | reminder '100%' must be between 1% and 99% of the answer time
            150%     | reminder '150%' must be between 1% and 99%
            -5%      | reminder '-5%' is not a whole percentage like 50%
            50.5%    | reminder '50.5%' is not a whole percentage
            %        | reminder '%' is not a whole percentage
            1000%    | reminder '1000%' is not a whole percentage
            half     | reminder 'half' is neither a share of the answer time like 50% nor an ISO-8601 duration like PT1H
            1H       | reminder '1H' is neither
            PT0S     | reminder 'PT0S' must be a lead longer than zero
            -PT1H    | reminder '-PT1H' must be a lead longer than zero
            """)
    void badTextsAreNamed(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReminderRule.parse(text));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void blankIsNamed(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReminderRule.parse(text));
        assertTrue(e.getMessage().contains("like 50%"), e.getMessage());
    }

    @Test
    void theRecordsCheckToo() {
        assertThrows(IllegalArgumentException.class, () -> new ReminderRule.ShareOfAnswerTime(0));
        assertThrows(IllegalArgumentException.class, () -> new ReminderRule.ShareOfAnswerTime(100));
        assertThrows(IllegalArgumentException.class, () -> new ReminderRule.BeforeDeadline(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ReminderRule.parseAll(List.of("50%", "soon")));
    }
}
