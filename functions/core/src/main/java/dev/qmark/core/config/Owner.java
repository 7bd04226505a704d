package dev.qmark.core.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A person who owns a kind of feedback and answers it.
 *
 * @param alias        short name used in routes and in "? @alias"
 * @param manager      the alias of the next person up, or {@link QmarkConfig#FOUNDER} at the top
 * @param answersFrom  further addresses this owner may answer from (the primary one always may)
 * @param calendar     the name of their working-hours calendar, or null for wall-clock time
 * @param deputy       the alias of who takes their questions when mail to them bounces or they are
 *                     away, before their manager; null for none
 */
public record Owner(String alias, String name, String email, String manager, ZoneId timeZone,
                    List<String> answersFrom, String calendar, String deputy) {

    public Owner {
        answersFrom = List.copyOf(answersFrom);
    }

    /** An owner without a deputy: their manager takes over when they cannot be reached. */
    public Owner(String alias, String name, String email, String manager, ZoneId timeZone, List<String> answersFrom,
                 String calendar) {
        this(alias, name, email, manager, timeZone, answersFrom, calendar, null);
    }

    public Person person() {
        return new Person(name, email);
    }

    /** Whether a mail from this address may speak for this owner. */
    public boolean answersFrom(String address) {
        if (address == null) {
            return false;
        }
        String candidate = address.toLowerCase(Locale.ROOT);
        return email.equalsIgnoreCase(candidate)
                || answersFrom.stream().anyMatch(a -> a.equalsIgnoreCase(candidate));
    }
}
