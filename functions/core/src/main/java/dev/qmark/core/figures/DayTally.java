package dev.qmark.core.figures;

import java.time.LocalDate;

/** One group's tally of one day, as an aggregate item holds it; {@code group} is e.g. {@code owner#dana}. */
public record DayTally(LocalDate day, String group, Tally tally) {

    /** {@code dana} of {@code owner#dana}. */
    public String value() {
        return group.substring(group.indexOf('#') + 1);
    }
}
