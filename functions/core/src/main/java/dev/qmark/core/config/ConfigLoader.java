package dev.qmark.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import dev.qmark.core.mail.OwnAddresses;
import dev.qmark.mail.EmailAddress;
import dev.qmark.core.deadline.BusinessHoursCalendar;
import dev.qmark.core.deadline.DeadlineCalendar;
import dev.qmark.core.deadline.IcsHolidays;
import dev.qmark.core.deadline.ReminderRule;
import dev.qmark.core.deadline.TimeRange;
import dev.qmark.core.deadline.WorkingHoursSpec;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads qmark.yaml into a {@link QmarkConfig} and refuses anything inconsistent with one message
 * that names the file and line. Works on SnakeYAML's node tree rather than on plain maps so that
 * every value still knows the line it came from.
 */
public final class ConfigLoader {

    private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    private final String source;
    /** Reads a file the configuration names (holidaysFile), relative to the configuration. */
    private final Function<String, String> includes;

    private ConfigLoader(String source, Function<String, String> includes) {
        this.source = source;
        this.includes = includes;
    }

    public static QmarkConfig load(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            return new ConfigLoader(file.toString(), name -> readFile(dir.resolve(name)))
                    .read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The configuration named by a location: a file path when such a file exists, else a class path
     * resource (function jars carry qmark.yaml at their root).
     */
    public static QmarkConfig locate(String location) {
        Path file = Path.of(location);
        if (Files.isRegularFile(file)) {
            return load(file);
        }
        String resource = location.startsWith("/") ? location.substring(1) : location;
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException(location + ": no such file or class path resource");
            }
            String dir = resource.contains("/") ? resource.substring(0, resource.lastIndexOf('/') + 1) : "";
            return new ConfigLoader(location, name -> readResource(dir + name))
                    .read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException(location + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    public static QmarkConfig parse(String yaml, String source) {
        return new ConfigLoader(source, name -> {
            throw new IllegalArgumentException("no files can be read next to " + source);
        }).read(yaml);
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    private static String readResource(String name) {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no class path resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + name + " (" + e.getMessage() + ")");
        }
    }

    private QmarkConfig read(String yaml) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            throw new ConfigException(source + " line " + line + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException(source + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new ConfigException(source + " line 1: the configuration is empty");
        }
        YamlMap top = YamlMap.of(root, source, "the configuration");
        top.allowOnly("inboundDomain", "sender", "founder", "owners", "routes", "calendars", "reminders", "sweeper",
                "forwarders", "acknowledgeForwarded", "company", "lowRating",
                // the founder's reports, read by ReportsConfigReader
                "language", "digest", "townHall", "topics");
        Map<String, DeadlineCalendar> calendars = calendars(top);
        List<ReminderRule> reminders = top.has("reminders") ? reminders(top) : ReminderRule.DEFAULTS;

        String inboundDomain = top.requireString("inboundDomain");
        // a domain is what may follow the @ of an address, in ASCII as SES receiving wants it
        String postmaster = "postmaster@" + inboundDomain.toLowerCase(java.util.Locale.ROOT);
        check(EmailAddress.tryNormalise(postmaster).filter(postmaster::equals).isPresent(), top.line("inboundDomain"),
                "inboundDomain '" + inboundDomain + "' is not a domain name");
        String sender = address(top, "sender");

        YamlMap founderNode = top.requireMap("founder");
        founderNode.allowOnly("name", "email", "timeZone", "answersFrom", "calendar", "deputy");
        Owner founder = new Owner(QmarkConfig.FOUNDER, founderNode.requireString("name"),
                address(founderNode, "email"), null, zone(founderNode), addresses(founderNode, "answersFrom"),
                calendarName(founderNode, calendars), founderNode.optionalString("deputy", null));

        Map<String, Owner> owners = new LinkedHashMap<>();
        Map<String, Integer> ownerLines = new LinkedHashMap<>();
        for (YamlMap node : top.requireList("owners")) {
            node.allowOnly("alias", "name", "email", "manager", "timeZone", "answersFrom", "calendar", "deputy");
            String alias = node.requireString("alias");
            check(ALIAS.matcher(alias).matches(), node.line("alias"),
                    "owner alias '" + alias + "' must be lower-case letters, digits, '-' or '_'");
            check(!QmarkConfig.FOUNDER.equals(alias), node.line("alias"),
                    "'founder' is reserved for the founder; give this owner another alias");
            check(!owners.containsKey(alias), node.line("alias"), "owner alias '" + alias + "' is used twice");
            String manager = node.optionalString("manager", QmarkConfig.FOUNDER);
            owners.put(alias, new Owner(alias, node.requireString("name"), address(node, "email"),
                    manager, zone(node), addresses(node, "answersFrom"), calendarName(node, calendars),
                    node.optionalString("deputy", null)));
            ownerLines.put(alias, node.line("alias"));
        }
        for (Owner owner : owners.values()) {
            int line = ownerLines.get(owner.alias());
            check(QmarkConfig.FOUNDER.equals(owner.manager()) || owners.containsKey(owner.manager()), line,
                    "owner '" + owner.alias() + "' names manager '" + owner.manager()
                            + "', who is not among the owners (" + String.join(", ", owners.keySet()) + ") nor 'founder'");
        }
        for (Owner owner : concat(founder, owners.values())) {
            // a deputy takes questions at once when the owner cannot be reached: they must exist
            check(owner.deputy() == null || (owners.containsKey(owner.deputy()) || QmarkConfig.FOUNDER.equals(owner.deputy()))
                            && !owner.deputy().equals(owner.alias()),
                    owner == founder ? founderNode.line("name") : ownerLines.get(owner.alias()),
                    "owner '" + owner.alias() + "' names deputy '" + owner.deputy()
                            + "', who is not another of the owners (" + String.join(", ", owners.keySet()) + ") nor 'founder'");
        }
        for (Owner owner : owners.values()) {
            checkChainEndsAtFounder(owner, owners, ownerLines);
        }
        OwnAddresses own = new OwnAddresses(inboundDomain, sender);
        checkNotOurs(own, founder, founderNode.line("email"));
        for (Owner owner : owners.values()) {
            checkNotOurs(own, owner, ownerLines.get(owner.alias()));
        }

        List<Route> routes = new ArrayList<>();
        Set<String> routeNames = new HashSet<>();
        List<YamlMap> routeNodes = top.requireList("routes");
        check(!routeNodes.isEmpty(), top.line("routes"), "routes is empty: every feedback must reach someone");
        for (YamlMap node : routeNodes) {
            node.allowOnly("name", "match", "owner", "answerWithin", "calendar", "reminders", "triage");
            String name = node.requireString("name");
            check(routeNames.add(name), node.line("name"), "route name '" + name + "' is used twice");
            String owner = node.requireString("owner");
            check(QmarkConfig.FOUNDER.equals(owner) || owners.containsKey(owner), node.line("owner"),
                    "route '" + name + "' names owner '" + owner + "', who is not among the owners ("
                            + String.join(", ", owners.keySet()) + ") nor 'founder'");
            routes.add(new Route(name, match(node), owner, duration(node, "answerWithin"), calendarName(node, calendars),
                    node.has("reminders") ? reminders(node) : null, triage(node, name, owner), node.line("name")));
        }
        Route last = routes.get(routes.size() - 1);
        check(last.match().takesEverything(), last.line(),
                "the last route ('" + last.name() + "') must have no match, so that every feedback reaches someone");
        return new QmarkConfig(inboundDomain.toLowerCase(java.util.Locale.ROOT), sender, founder, owners, routes,
                calendars, reminders, stuckAfterFailures(top), top.optionalStrings("forwarders"),
                acknowledgeForwarded(top), customerLoop(top, sender));
    }

    /** {@code company} (default: the sender's domain) and {@code lowRating} (default 2, 1 to 5). */
    private QmarkConfig.CustomerLoop customerLoop(YamlMap top, String sender) {
        QmarkConfig.CustomerLoop defaults = QmarkConfig.CustomerLoop.defaultsFor(sender);
        String company = top.optionalString("company", defaults.company()).strip();
        check(!company.isEmpty() && company.length() <= 100 && company.chars().noneMatch(Character::isISOControl),
                top.line("company"), "'company' must be a name of 1 to 100 characters on one line");
        String low = top.optionalString("lowRating", String.valueOf(defaults.lowRating()));
        check(low.matches("[1-5]"), top.line("lowRating"), "'lowRating' must be a whole number from 1 to 5, not '" + low + "'");
        return new QmarkConfig.CustomerLoop(company, Integer.parseInt(low));
    }

    /** {@code acknowledgeForwarded: true}: off by default, as the forwarded sender wrote to a person, not to Qmark. */
    private boolean acknowledgeForwarded(YamlMap top) {
        String value = top.optionalString("acknowledgeForwarded", "false");
        check(value.equals("true") || value.equals("false"), top.line("acknowledgeForwarded"),
                "'acknowledgeForwarded' must be true or false, not '" + value + "'");
        return Boolean.parseBoolean(value);
    }

    /** {@code sweeper: { stuckAfterFailures: 5 }}: how often one escalation may fail a sweep before it is set aside. */
    private int stuckAfterFailures(YamlMap top) {
        if (!top.has("sweeper")) {
            return QmarkConfig.DEFAULT_STUCK_AFTER_FAILURES;
        }
        YamlMap sweeper = top.requireMap("sweeper");
        sweeper.allowOnly("stuckAfterFailures");
        Integer failures = sweeper.optionalInt("stuckAfterFailures");
        if (failures == null) {
            return QmarkConfig.DEFAULT_STUCK_AFTER_FAILURES;
        }
        check(failures >= 1 && failures <= 100, sweeper.line("stuckAfterFailures"),
                "sweeper.stuckAfterFailures must be between 1 and 100, not " + failures);
        return failures;
    }

    /** Qmark never mails its own addresses: an owner there could never be asked (or answer) without a loop. */
    private void checkNotOurs(OwnAddresses own, Owner owner, int line) {
        List<String> addresses = new ArrayList<>(owner.answersFrom());
        addresses.add(0, owner.email());
        for (String address : addresses) {
            own.why(address).ifPresent(why -> check(false, line, "'" + owner.alias() + "' has the address " + address
                    + ", which is " + why + ": Qmark cannot mail it or take answers from it"));
        }
    }

    /**
     * calendars: { name: { timeZone, hours: { mon-fri: ["09:00-12:00", "13:00-18:00"] },
     * holidays: [2026-12-25], holidaysFile: holidays.ics } }
     */
    private Map<String, DeadlineCalendar> calendars(YamlMap top) {
        Map<String, DeadlineCalendar> calendars = new LinkedHashMap<>();
        if (!top.has("calendars")) {
            return calendars;
        }
        YamlMap all = top.requireMap("calendars");
        for (String name : all.keys()) {
            YamlMap node = all.requireMap(name);
            node.allowOnly("timeZone", "hours", "holidays", "holidaysFile");
            ZoneId zone = zone(node);
            try {
                Map<DayOfWeek, List<TimeRange>> hours = WorkingHoursSpec.parse(node.requireMap("hours").stringLists());
                Set<LocalDate> holidays = new HashSet<>();
                for (String day : node.optionalStrings("holidays")) {
                    holidays.add(LocalDate.parse(day));
                }
                if (node.has("holidaysFile")) {
                    holidays.addAll(IcsHolidays.parse(includes.apply(node.requireString("holidaysFile")), zone));
                }
                calendars.put(name, new BusinessHoursCalendar(zone, hours, holidays));
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new ConfigException(source + " line " + all.line(name) + ": calendar '" + name + "': " + e.getMessage());
            }
        }
        return calendars;
    }

    private String calendarName(YamlMap node, Map<String, DeadlineCalendar> calendars) {
        if (!node.has("calendar")) {
            return null;
        }
        String name = node.requireString("calendar");
        check(calendars.containsKey(name), node.line("calendar"), "calendar '" + name + "' is not among the calendars ("
                + String.join(", ", calendars.keySet()) + ")");
        return name;
    }

    private List<ReminderRule> reminders(YamlMap node) {
        List<ReminderRule> rules = new ArrayList<>();
        for (String text : node.optionalStrings("reminders")) {
            try {
                rules.add(ReminderRule.parse(text));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(source + " line " + node.line("reminders") + ": reminders: " + e.getMessage());
            }
        }
        return rules;
    }

    /** {@code triage: founder}, or nothing; the founder cannot triage what the founder owns. */
    private String triage(YamlMap route, String name, String owner) {
        if (!route.has("triage")) {
            return null;
        }
        String value = route.requireString("triage");
        check(Route.FOUNDER_TRIAGE.equals(value), route.line("triage"), "route '" + name + "': triage '" + value
                + "' is not known; the only triage is 'founder' (the founder is asked first)");
        check(!QmarkConfig.FOUNDER.equals(owner), route.line("triage"), "route '" + name
                + "' is owned by the founder; triage: founder would ask the founder twice");
        return value;
    }

    private Route.Match match(YamlMap route) {
        if (!route.has("match")) {
            return Route.Match.EVERYTHING;
        }
        YamlMap match = route.requireMap("match");
        match.allowOnly("keywords", "channels", "minRating", "maxRating");
        Integer min = match.optionalInt("minRating");
        Integer max = match.optionalInt("maxRating");
        for (String key : List.of("minRating", "maxRating")) {
            Integer value = match.optionalInt(key);
            check(value == null || (value >= 1 && value <= 5), match.line(key), key + " must be between 1 and 5");
        }
        check(min == null || max == null || min <= max, match.line("minRating"), "minRating is above maxRating");
        return new Route.Match(match.optionalStrings("keywords"), match.optionalStrings("channels"), min, max);
    }

    private void checkChainEndsAtFounder(Owner start, Map<String, Owner> owners, Map<String, Integer> lines) {
        List<String> seen = new ArrayList<>();
        String current = start.alias();
        while (!QmarkConfig.FOUNDER.equals(current)) {
            if (seen.contains(current)) {
                seen.add(current);
                throw new ConfigException(source + " line " + lines.get(start.alias())
                        + ": managers go round in a cycle (" + String.join(" -> ", seen)
                        + "); every chain must end at 'founder'");
            }
            seen.add(current);
            current = owners.get(current).manager();
        }
    }

    private String address(YamlMap node, String key) {
        String value = node.requireString(key).trim();
        Optional<String> address = EmailAddress.tryNormalise(value);
        check(address.isPresent(), node.line(key), key + " '" + value + "' is not an email address");
        return address.orElseThrow();
    }

    private List<String> addresses(YamlMap node, String key) {
        List<String> values = node.optionalStrings(key);
        List<String> normalised = new ArrayList<>();
        for (String value : values) {
            Optional<String> address = EmailAddress.tryNormalise(value);
            check(address.isPresent(), node.line(key), key + " '" + value + "' is not an email address");
            normalised.add(address.orElseThrow());
        }
        return List.copyOf(normalised);
    }

    private ZoneId zone(YamlMap node) {
        if (!node.has("timeZone")) {
            return ZoneOffset.UTC;
        }
        String value = node.requireString("timeZone");
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new ConfigException(source + " line " + node.line("timeZone") + ": timeZone '" + value
                    + "' is not a time zone (use a name such as Asia/Seoul or UTC)");
        }
    }

    private Duration duration(YamlMap node, String key) {
        String value = node.requireString(key);
        try {
            Duration duration = Duration.parse(value);
            check(!duration.isNegative() && !duration.isZero(), node.line(key), key + " must be longer than zero");
            return duration;
        } catch (DateTimeParseException e) {
            throw new ConfigException(source + " line " + node.line(key) + ": " + key + " '" + value
                    + "' is not an ISO-8601 duration (for example PT4H or P1D)");
        }
    }

    private void check(boolean condition, int line, String message) {
        if (!condition) {
            throw new ConfigException(source + " line " + line + ": " + message);
        }
    }

    private static List<Owner> concat(Owner founder, java.util.Collection<Owner> owners) {
        List<Owner> all = new java.util.ArrayList<>();
        all.add(founder);
        all.addAll(owners);
        return all;
    }
}
