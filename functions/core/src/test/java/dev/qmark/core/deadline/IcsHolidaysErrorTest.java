package dev.qmark.core.deadline;

import static dev.qmark.core.deadline.Calendars.SEOUL;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Year;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed holiday files fail with the line number and the text at fault. Lines are separated by '/' here. */
class IcsHolidaysErrorTest {

    @ParameterizedTest(name = "{index}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # file, lines separated by /                                                            | message
            ''                                                                                      | iCalendar line 1: the text is empty
            BEGIN:VEVENT/END:VEVENT                                                                 | iCalendar line 1: expected BEGIN:VCALENDAR, found BEGIN:VEVENT
            VERSION:2.0/BEGIN:VCALENDAR/END:VCALENDAR                                               | iCalendar line 1: VERSION outside BEGIN:VCALENDAR
            ' DTSTART:20261225'                                                                     | iCalendar line 1: a folded continuation line with no line before it
            BEGIN:VCALENDAR/this is not ical/END:VCALENDAR                                          | iCalendar line 2: 'this is not ical' is not an iCalendar content line
            BEGIN:VCALENDAR/:value/END:VCALENDAR                                                    | iCalendar line 2: ':value' is not an iCalendar content line
            BEGIN:VCALENDAR/DTSTART;VALUE:20261225/END:VCALENDAR                                    | iCalendar line 2: 'DTSTART;VALUE:20261225' is not an iCalendar content line
            BEGIN:VCALENDAR/ATTENDEE;CN="Kim:mailto:kim@example.com/END:VCALENDAR                   | iCalendar line 2: a quoted parameter value is never closed
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART;VALUE=DATE:20261225/END:VCALENDAR                  | iCalendar line 4: END:VCALENDAR does not close BEGIN:VEVENT of line 2
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART;VALUE=DATE:20261225/END:VEVENT                     | iCalendar line 1: BEGIN:VCALENDAR is never closed
            BEGIN:VCALENDAR/END:VCALENDAR/END:VCALENDAR                                             | iCalendar line 3: END:VCALENDAR without a BEGIN
            BEGIN:VCALENDAR/BEGIN:VEVENT/SUMMARY:No date/END:VEVENT/END:VCALENDAR                   | iCalendar line 2: the VEVENT has no DTSTART
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART;VALUE=DATE:20261332/END:VEVENT/END:VCALENDAR       | iCalendar line 3: DTSTART '20261332' is not a date (YYYYMMDD) or a date-time
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20260231T000000/END:VEVENT/END:VCALENDAR           | iCalendar line 3: DTSTART '20260231T000000' is not a date
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:2026-12-25/END:VEVENT/END:VCALENDAR                | iCalendar line 3: DTSTART '2026-12-25' is not a date
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/DTSTART:20261226/END:VEVENT/END:VCALENDAR | iCalendar line 4: a second DTSTART in one VEVENT (the first is on line 3)
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/DTEND:20261220/END:VEVENT/END:VCALENDAR   | iCalendar line 4: DTEND '20261220' is before DTSTART
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/DTEND:20261226T000000/END:VEVENT/END:VCALENDAR | iCalendar line 4: DTEND '20261226T000000' must be a date, as DTSTART is
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/DURATION:PT5H/END:VEVENT/END:VCALENDAR    | iCalendar line 4: DURATION 'PT5H' of an all-day event must be whole days
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/DURATION:soon/END:VEVENT/END:VCALENDAR    | iCalendar line 4: DURATION 'soon' is not a positive duration
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/DURATION:-P1D/END:VEVENT/END:VCALENDAR    | iCalendar line 4: DURATION '-P1D' is not a positive duration
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/DTEND:20261226/DURATION:P1D/END:VEVENT/END:VCALENDAR | iCalendar line 4: the VEVENT has both DTEND and DURATION
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20260101/DTEND:20280101/END:VEVENT/END:VCALENDAR   | iCalendar line 2: the VEVENT lasts 730 days
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/RRULE:FREQ=MONTHLY/END:VEVENT/END:VCALENDAR | iCalendar line 4: RRULE 'FREQ=MONTHLY': only yearly rules (FREQ=YEARLY) are supported
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/RRULE:COUNT=3/END:VEVENT/END:VCALENDAR    | iCalendar line 4: RRULE 'COUNT=3': only yearly rules
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/RRULE:FREQ=YEARLY;BYSETPOS=-1/END:VEVENT/END:VCALENDAR | iCalendar line 4: RRULE 'FREQ=YEARLY;BYSETPOS=-1': the part BYSETPOS is not supported
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/RRULE:FREQ=YEARLY;COUNT=0/END:VEVENT/END:VCALENDAR | iCalendar line 4: RRULE 'FREQ=YEARLY;COUNT=0': COUNT '0' must be a whole number above zero
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/RRULE:FREQ=YEARLY;COUNT=2;UNTIL=20301231/END:VEVENT/END:VCALENDAR | COUNT and UNTIL may not both be given
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/RRULE:FREQ=YEARLY;BYMONTH=13/END:VEVENT/END:VCALENDAR | BYMONTH '13' is not a number from 1 to 12
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/RRULE:FREQ=YEARLY;BYMONTHDAY=0/END:VEVENT/END:VCALENDAR | BYMONTHDAY '0' is not a number from 1 to 31 (or -31 to -1
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/RRULE:FREQ=YEARLY;BYDAY=5XX/END:VEVENT/END:VCALENDAR | BYDAY '5XX' is not a weekday like MO, 4TH or -1MO
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/RRULE:FREQ=YEARLY;BYDAY=0MO/END:VEVENT/END:VCALENDAR | BYDAY '0MO' is not a weekday
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/RRULE:FREQ=YEARLY;BYMONTHDAY=13;BYDAY=1FR/END:VEVENT/END:VCALENDAR | BYDAY with a number (like 4TH) together with BYMONTHDAY is not supported
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/RRULE:FREQ=YEARLY;UNTIL=never/END:VEVENT/END:VCALENDAR | iCalendar line 4: RRULE 'FREQ=YEARLY;UNTIL=never': UNTIL 'NEVER' is not a date
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/RRULE:FREQ=YEARLY;junk/END:VEVENT/END:VCALENDAR | iCalendar line 4: RRULE 'FREQ=YEARLY;junk': 'junk' is not a NAME=value part
            BEGIN:VCALENDAR/BEGIN:VEVENT/DTSTART:20261225/EXDATE:20261225,christmas/END:VEVENT/END:VCALENDAR | iCalendar line 4: EXDATE 'christmas' is not a date
            """)
    void malformedFilesNameTheLine(String file, String message) {
        String text = file.replace("/", "\r\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IcsHolidays.parse(text, SEOUL, Year.of(2030)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void aRuleFromTheDistantPastIsTakenForATypo() {
        String text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:00101225\r\nRRULE:FREQ=YEARLY\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IcsHolidays.parse(text, SEOUL, Year.of(9000)));
        assertTrue(e.getMessage().contains("iCalendar line 4: RRULE 'FREQ=YEARLY': DTSTART in 10 is too far back"),
                e.getMessage());
    }
}
