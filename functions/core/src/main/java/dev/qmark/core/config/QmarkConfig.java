package dev.qmark.core.config;

import dev.qmark.core.deadline.DeadlineCalendar;
import dev.qmark.core.deadline.ReminderRule;
import dev.qmark.core.deadline.WallClockCalendar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole configuration: who owns what, how fast, and where mail comes and goes.
 * Built and validated by {@link ConfigLoader}; once built it is consistent (every alias
 * resolves, manager chains end at the founder, the last route takes everything).
 */
public record QmarkConfig(String inboundDomain, String sender, Owner founder,
                          Map<String, Owner> owners, List<Route> routes,
                          Map<String, DeadlineCalendar> calendars, List<ReminderRule> reminders,
                          int stuckAfterFailures, List<String> forwarders, boolean acknowledgeForwarded,
                          CustomerLoop customerLoop) {

    /**
     * Writing to customers (issue 9): the company name they see ("Dana at {company}"), and the
     * rating at or below which the founder is asked at once ({@code lowRating}, 1 to 5).
     */
    public record CustomerLoop(String company, int lowRating) {
        public static final int DEFAULT_LOW_RATING = 2;

        /** The company as the sender's domain shows it ("example.com"), with the default low rating. */
        public static CustomerLoop defaultsFor(String sender) {
            return new CustomerLoop(sender.substring(sender.indexOf('@') + 1), DEFAULT_LOW_RATING);
        }
    }

    /** The manager alias that means "the founder": the top of every chain. */
    public static final String FOUNDER = "founder";
    /** Failed sweeps of one escalation before it is set aside as stuck ({@code sweeper.stuckAfterFailures}). */
    public static final int DEFAULT_STUCK_AFTER_FAILURES = 5;

    /** A configuration with the default sweeper settings. */
    public QmarkConfig(String inboundDomain, String sender, Owner founder, Map<String, Owner> owners, List<Route> routes,
                       Map<String, DeadlineCalendar> calendars, List<ReminderRule> reminders) {
        this(inboundDomain, sender, founder, owners, routes, calendars, reminders, DEFAULT_STUCK_AFTER_FAILURES);
    }

    /** A configuration without forwarders; forwarded customers are not acknowledged. */
    public QmarkConfig(String inboundDomain, String sender, Owner founder, Map<String, Owner> owners, List<Route> routes,
                       Map<String, DeadlineCalendar> calendars, List<ReminderRule> reminders, int stuckAfterFailures) {
        this(inboundDomain, sender, founder, owners, routes, calendars, reminders, stuckAfterFailures, List.of(), false);
    }

    /** A configuration with the customer loop's defaults. */
    public QmarkConfig(String inboundDomain, String sender, Owner founder, Map<String, Owner> owners, List<Route> routes,
                       Map<String, DeadlineCalendar> calendars, List<ReminderRule> reminders, int stuckAfterFailures,
                       List<String> forwarders, boolean acknowledgeForwarded) {
        this(inboundDomain, sender, founder, owners, routes, calendars, reminders, stuckAfterFailures, forwarders,
                acknowledgeForwarded, CustomerLoop.defaultsFor(sender));
    }

    public QmarkConfig {
        forwarders = forwarders == null ? List.of()
                : forwarders.stream().map(a -> a.strip().toLowerCase(java.util.Locale.ROOT)).toList();
        owners = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(owners));
        routes = List.copyOf(routes);
        calendars = Map.copyOf(calendars);
        reminders = List.copyOf(reminders);
        customerLoop = customerLoop == null ? CustomerLoop.defaultsFor(sender) : customerLoop;
    }

    public Optional<Route> route(String name) {
        return routes.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * The calendar a deadline counts in when {@code alias} is asked about feedback on {@code route}:
     * the route's calendar, else the person's, else wall-clock time in the person's time zone.
     */
    public DeadlineCalendar calendarFor(Route route, String alias) {
        Owner owner = requireOwner(alias);
        String name = route != null && route.calendar() != null ? route.calendar() : owner.calendar();
        return name != null ? calendars.get(name) : new WallClockCalendar(owner.timeZone());
    }

    /** When to remind before a deadline on this route. */
    public List<ReminderRule> remindersFor(Route route) {
        return route != null && route.reminders() != null ? route.reminders() : reminders;
    }

    /** An owner by alias; {@link #FOUNDER} is the founder (whose manager is null). */
    public Optional<Owner> owner(String alias) {
        return FOUNDER.equals(alias) ? Optional.of(founder) : Optional.ofNullable(owners.get(alias));
    }

    /** The owner behind an alias. @throws IllegalArgumentException for an alias nobody has */
    public Owner requireOwner(String alias) {
        return owner(alias).orElseThrow(() -> new IllegalArgumentException("unknown owner: " + alias));
    }

    /** The owner (or founder) who may answer from this address, if any. */
    /**
     * Whether a "?" forward from {@code address} is taken as feedback from the forwarded sender:
     * the founder, an owner (any address they answer from), or an address under {@code forwarders:}.
     */
    public boolean mayForward(String address) {
        return address != null && (ownerByAddress(address).isPresent()
                || forwarders.contains(address.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    public Optional<Owner> ownerByAddress(String address) {
        if (founder.answersFrom(address)) {
            return Optional.of(founder);
        }
        return owners.values().stream().filter(o -> o.answersFrom(address)).findFirst();
    }

    /** The aliases above this one, nearest first, ending with {@link #FOUNDER}. */
    public List<String> chainAbove(String alias) {
        List<String> chain = new ArrayList<>();
        String current = alias;
        while (!FOUNDER.equals(current)) {
            current = owners.get(current).manager();
            chain.add(current);
        }
        return chain;
    }

    /**
     * Who takes a question when {@code alias} cannot be reached (their mail bounced, they are away):
     * their deputy, else their manager; empty for the founder without a deputy (nobody is above).
     */
    public Optional<Owner> standIn(String alias) {
        Owner owner = requireOwner(alias);
        if (owner.deputy() != null && owner(owner.deputy()).isPresent() && !owner.deputy().equals(alias)) {
            return owner(owner.deputy());
        }
        return owner.manager() == null ? Optional.empty() : owner(owner.manager());
    }

    public String replyAddress(String token) {
        return "answer+" + token + "@" + inboundDomain;
    }

    /** The address that writes to the customer: {@code customer+<token>@<inboundDomain>}. */
    public String customerAddress(String token) {
        return "customer+" + token + "@" + inboundDomain;
    }
}
