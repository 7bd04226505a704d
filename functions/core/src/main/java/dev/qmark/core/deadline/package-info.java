/**
 * Answer deadlines and reminders, counted in working time: plain Java ({@code java.time}), no AWS.
 *
 * <p>Public entry points:
 * <ul>
 *   <li>{@link dev.qmark.core.deadline.DeadlineCalendar} - deadline arithmetic: the deadline
 *       ({@code plusWorkingTime}), "an hour before" ({@code minusWorkingTime}), time left
 *       ({@code workingTimeBetween}), {@code isWorking}, {@code nextWorkingMoment}. Two kinds:
 *       <ul>
 *         <li>{@link dev.qmark.core.deadline.WallClockCalendar} - every moment counts; the default
 *             when a route or owner sets no business hours;</li>
 *         <li>{@link dev.qmark.core.deadline.BusinessHoursCalendar} - weekly
 *             {@link dev.qmark.core.deadline.TimeRange}s in a zone, split shifts, holidays; DST
 *             changes count by the real time that passes.</li>
 *       </ul></li>
 *   <li>{@link dev.qmark.core.deadline.WorkingHoursSpec} - {@code mon-fri: [09:00-12:00, 13:00-18:00]}
 *       from configuration text to ranges per weekday.</li>
 *   <li>{@link dev.qmark.core.deadline.IcsHolidays} - holiday dates from an iCalendar file.</li>
 *   <li>{@link dev.qmark.core.deadline.ReminderRule} ({@code 50%}, {@code PT1H}) and
 *       {@link dev.qmark.core.deadline.ReminderPlan} - when to remind an owner before a deadline:
 *       always in working time, after the asking, before the deadline, each moment once.</li>
 * </ul>
 * Everything else is package-private machinery: {@code WeeklyHours} (validated ranges per day),
 * {@code SteadyOffset} and {@code WorkingTimeWalk} (walking working time across DST changes and
 * skipping ordinary weeks), and {@code IcsLine}, {@code IcsTime}, {@code IcsEvent},
 * {@code YearlyRecurrence} (reading iCalendar).
 *
 * <p>Parsers throw {@link java.lang.IllegalArgumentException} whose message quotes the text at
 * fault (and, for iCalendar, the line); the configuration loader adds its file and line.
 */
package dev.qmark.core.deadline;
