package dev.qmark.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the reports' keys of qmark.yaml ({@code language}, {@code digest}, {@code townHall},
 * {@code topics}) into a {@link ReportsConfig}; {@link ConfigLoader} reads and checks the rest
 * (and accepts these keys).
 */
public final class ReportsConfigReader {

    private final String source;

    private ReportsConfigReader(String source) {
        this.source = source;
    }

    /** As {@link ConfigLoader#locate}: a file when one exists at the location, else a class path resource. */
    public static ReportsConfig locate(String location) {
        Path file = Path.of(location);
        try {
            if (Files.isRegularFile(file)) {
                return parse(Files.readString(file, StandardCharsets.UTF_8), location);
            }
            String resource = location.startsWith("/") ? location.substring(1) : location;
            try (InputStream in = ReportsConfigReader.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ConfigException(location + ": no such file or class path resource");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), location);
            }
        } catch (IOException e) {
            throw new ConfigException(location + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    public static ReportsConfig parse(String yaml, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        Node root = new Yaml(options).compose(new StringReader(yaml));
        if (root == null) {
            return ReportsConfig.defaults();
        }
        return new ReportsConfigReader(source).read(YamlMap.of(root, source, "the configuration"));
    }

    private ReportsConfig read(YamlMap top) {
        ReportsConfig defaults = ReportsConfig.defaults();
        String language = top.optionalString("language", "en").toLowerCase(Locale.ROOT);
        check(language.equals("en") || language.equals("ko"), top.line("language"), "language must be en or ko, not '" + language + "'");
        return new ReportsConfig(language, digest(top, defaults.digest()), townHall(top, defaults.townHall()), topics(top));
    }

    /** {@code digest: off}, or {@code digest: { at: "08:30", to: [cto@example.com] }}. */
    private ReportsConfig.Digest digest(YamlMap top, ReportsConfig.Digest fallback) {
        if (!top.has("digest")) {
            return fallback;
        }
        String scalar = scalar(top, "digest");
        if (scalar != null) {
            check(scalar.equals("off") || scalar.equals("false"), top.line("digest"), "digest is 'off' or a mapping { at, to }");
            return null;
        }
        YamlMap digest = top.requireMap("digest");
        digest.allowOnly("at", "to");
        return new ReportsConfig.Digest(time(digest, "at", fallback.at()), digest.optionalStrings("to"));
    }

    /** {@code townHall: { every: P2W, day: friday, at: "16:00", to: [all@example.com] }}. */
    private ReportsConfig.TownHall townHall(YamlMap top, ReportsConfig.TownHall fallback) {
        if (!top.has("townHall")) {
            return fallback;
        }
        YamlMap node = top.requireMap("townHall");
        node.allowOnly("every", "day", "at", "to");
        Period every = fallback.every();
        if (node.has("every")) {
            try {
                every = Period.parse(node.requireString("every"));
            } catch (DateTimeParseException e) {
                throw new ConfigException(source + " line " + node.line("every") + ": townHall.every is an ISO-8601 period such as P2W");
            }
            check(every.toTotalMonths() == 0 && every.getDays() >= 1, node.line("every"), "townHall.every must be whole days or weeks, such as P2W");
        }
        DayOfWeek day = fallback.day();
        if (node.has("day")) {
            try {
                day = DayOfWeek.valueOf(node.requireString("day").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(source + " line " + node.line("day") + ": townHall.day is a weekday such as friday");
            }
        }
        return new ReportsConfig.TownHall(every, day, time(node, "at", fallback.at()), node.optionalStrings("to"));
    }

    /** {@code topics: [{ name: delivery, keywords: [delivery, shipping, 배송, 택배] }]}. */
    private List<ReportsConfig.Topic> topics(YamlMap top) {
        if (!top.has("topics")) {
            return List.of();
        }
        List<ReportsConfig.Topic> topics = new ArrayList<>();
        for (YamlMap node : top.requireList("topics")) {
            node.allowOnly("name", "keywords");
            List<String> keywords = node.optionalStrings("keywords");
            check(!keywords.isEmpty(), node.line("name"), "topic '" + node.requireString("name") + "' needs keywords");
            topics.add(new ReportsConfig.Topic(node.requireString("name"), keywords));
        }
        return topics;
    }

    private LocalTime time(YamlMap node, String key, LocalTime fallback) {
        if (!node.has(key)) {
            return fallback;
        }
        String value = node.requireString(key);
        try {
            return LocalTime.parse(value.length() == 4 ? "0" + value : value);
        } catch (DateTimeParseException e) {
            throw new ConfigException(source + " line " + node.line(key) + ": " + key + " '" + value + "' is a time such as 08:30");
        }
    }

    private static String scalar(YamlMap node, String key) {
        try {
            return node.requireString(key);
        } catch (ConfigException notText) {
            return null;
        }
    }

    private void check(boolean condition, int line, String message) {
        if (!condition) {
            throw new ConfigException(source + " line " + line + ": " + message);
        }
    }
}
