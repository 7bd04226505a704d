package dev.qmark.bench;

import dev.qmark.aws.dynamodb.DynamoDailyFigures;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.aws.dynamodb.QmarkTable;
import dev.qmark.aws.ses.SesMailSender;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.config.ReportsConfig;
import dev.qmark.core.config.ReportsConfigReader;
import dev.qmark.core.figures.Cell;
import dev.qmark.core.figures.Fact;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.reports.DigestContent;
import dev.qmark.core.reports.DigestReader;
import dev.qmark.core.reports.Stats;
import dev.qmark.emulators.EmbeddedAws;
import dev.qmark.testing.SettableClock;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * {@code qmark bench stats [--items N,N] [--json]}: does what {@code GET /stats} for 30 days and one
 * digest read grow with the table? For each N the table holds N closed feedback items (as
 * {@code bench sweeper} writes them) and their daily figures, as if received evenly over the last
 * year (100,000) or the last 31 days (1,000): for every day the cells (one per route, channel and topic),
 * and for the last 31 days the facts the digest reads, made from the items' history (received,
 * rated, asked, answered, some breached) and put as the figures function would have left them
 * ({@link DynamoDailyFigures#putAll}). Then one {@code /stats?by=owner} over the last 30 days and one
 * digest are read on a metered client: read capacity as DynamoDB Local reports it, and wall time
 * (median of 5 runs).
 */
public final class StatsBench {

    private static final Logger LOG = LoggerFactory.getLogger(StatsBench.class);
    private static final int RUNS = 5;
    private static final double TOLERANCE = 0.10;

    record Result(String kind, int items, double readCapacity, long millis) {
        String json() {
            return "{\"kind\": \"" + kind + "\", \"items\": " + items + ", \"readCapacity\": " + SweeperBench.number(readCapacity)
                    + ", \"millis\": " + millis + "}";
        }
    }

    private StatsBench() {
    }

    public static int main(List<String> args) {
        List<Integer> sizes = List.of(1_000, 100_000);
        boolean json = false;
        Path configFile = Path.of(System.getProperty("qmark.home", ".")).resolve("config").resolve("qmark.yaml");
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--json" -> json = true;
                case "--items" -> sizes = java.util.Arrays.stream(args.get(++i).split(","))
                        .map(s -> Integer.parseInt(s.strip().replace("_", ""))).sorted().toList();
                case "--config" -> configFile = Path.of(args.get(++i));
                default -> {
                    System.err.println("usage: qmark bench stats [--items N,N] [--config FILE] [--json]");
                    return 2;
                }
            }
        }
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            List<Result> results = run(sizes, ConfigLoader.load(configFile), ReportsConfigReader.locate(configFile.toString()));
            for (Result r : results) {
                stdout.println(json ? r.json() : String.format("%-7s %,9d items  read capacity %8s  %6d ms", r.kind(), r.items(),
                        SweeperBench.number(r.readCapacity()), r.millis()));
            }
            if (!json) {
                stdout.println("machine: " + SweeperBench.machine());
            }
            stdout.flush();
            return within(results, "stats") && within(results, "digest") ? 0 : 1;
        } catch (RuntimeException e) {
            LOG.error("bench stats failed", e);
            return 3;
        } finally {
            System.setOut(stdout);
        }
    }

    private static boolean within(List<Result> results, String kind) {
        List<Double> reads = results.stream().filter(r -> r.kind().equals(kind)).map(Result::readCapacity).toList();
        return reads.size() < 2 || Math.abs(reads.getLast() - reads.getFirst()) <= TOLERANCE * reads.getFirst();
    }

    static List<Result> run(List<Integer> sizes, QmarkConfig config, ReportsConfig reports) {
        LOG.info("machine: {}", SweeperBench.machine());
        List<Result> results = new ArrayList<>();
        try (EmbeddedAws aws = EmbeddedAws.startInMemory()) {
            CapacityMeter meter = new CapacityMeter();
            try (DynamoDbClient bulk = SweeperBench.dynamo(aws, Duration.ofSeconds(60));
                 DynamoDbClient metered = SweeperBench.dynamo(aws, Duration.ofSeconds(10), meter);
                 SesV2Client ses = SweeperBench.ses(aws)) {
                Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES);
                SettableClock clock = new SettableClock(base);
                MailSender mail = new SesMailSender(ses, config.inboundDomain(), clock);
                ReplyTokens tokens = new ReplyTokens("bench-stats-" + base.toEpochMilli());
                QmarkTable.createWithoutStream(bulk, "bench-pattern");
                ClosedItems closed = ClosedItems.learnFrom(
                        new RealPipeline(config, new TablePorts(bulk, "bench-pattern"), mail, tokens, clock),
                        clock, bulk, "bench-pattern", base.minus(Duration.ofDays(1)));
                bulk.deleteTable(d -> d.tableName("bench-pattern"));
                for (int items : sizes) {
                    String table = "bench-stats-" + items;
                    QmarkTable.createWithoutStream(bulk, table);
                    try {
                        long started = System.nanoTime();
                        closed.write(bulk, table, items, base, 16);
                        figures(config, reports, items, base).forEach((tallies, facts) ->
                                new DynamoDailyFigures(bulk, table).putAll(tallies, facts));
                        LOG.info("{}: {} items and their figures written in {} ms", table, items, (System.nanoTime() - started) / 1_000_000);
                        ZoneId zone = config.founder().timeZone();
                        LocalDate today = base.atZone(zone).toLocalDate();
                        Stats stats = new Stats(new DynamoDailyFigures(metered, table));
                        TablePorts ports = new TablePorts(metered, table);
                        DigestReader digest = new DigestReader(new DynamoDailyFigures(metered, table), ports.sweepList(),
                                ports.feedbackItems()::find, ports.customerLetters());
                        results.add(measure("stats", items, meter, () -> stats.groups(today.minusDays(30), today.minusDays(1), "owner").size()));
                        results.add(measure("digest", items, meter, () -> {
                            DigestContent c = digest.read(today.minusDays(1), base);
                            return (int) c.all().received();
                        }));
                    } finally {
                        bulk.deleteTable(d -> d.tableName(table));
                    }
                }
            }
        }
        return results;
    }

    private static Result measure(String kind, int items, CapacityMeter meter, java.util.function.IntSupplier call) {
        call.getAsInt(); // warm: the first call pays for class loading, not for the table
        List<Double> reads = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        int seen = 0;
        for (int i = 0; i < RUNS; i++) {
            meter.reset();
            long started = System.nanoTime();
            seen = call.getAsInt();
            millis.add((System.nanoTime() - started) / 1e6);
            reads.add(meter.total().readUnits());
        }
        LOG.info("{} on {} items: {} (groups or items of the day), read capacity {}, {} ms", kind, items, seen,
                SweeperBench.median(reads), SweeperBench.median(millis));
        return new Result(kind, items, SweeperBench.median(reads), Math.round(SweeperBench.median(millis)));
    }

    /**
     * The figures of {@code items} closed items received {@link ClosedItems#SPACING} apart before {@code base}:
     * each received on its route, rated (a fifth of them 1 or 2), asked and answered within minutes to
     * hours by the route's owner, one in twenty breached first. Cells for every day; facts for the
     * last 31 days (older ones are never read by /stats or the digest).
     */
    static Map<List<Cell>, List<Fact>> figures(QmarkConfig config, ReportsConfig reports, int items, Instant base) {
        Random random = new Random(items);
        ZoneId zone = config.founder().timeZone();
        LocalDate oldestFacts = base.atZone(zone).toLocalDate().minusDays(31);
        List<Fact> counted = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        // received evenly over at least the last 31 days, so that both sizes have figures on every day
        // /stats and the digest read (an empty day would cost DynamoDB Local nothing, and flatter the small table)
        Duration spacing = ClosedItems.SPACING.multipliedBy(items).compareTo(Duration.ofDays(31)) >= 0 ? ClosedItems.SPACING
                : Duration.ofDays(31).dividedBy(items);
        for (int n = 1; n <= items; n++) {
            Instant received = base.minus(spacing.multipliedBy(n));
            var route = config.routes().get(n % config.routes().size());
            String owner = route.owner();
            String topic = reports.topics().isEmpty() ? null : reports.topics().get(n % reports.topics().size()).name();
            List<String> groups = new ArrayList<>(List.of("all#all", "channel#" + (n % 3 == 0 ? "email" : "web"),
                    "route#" + route.name(), "owner#" + owner));
            if (topic != null) {
                groups.add("topic#" + topic);
            }
            String id = String.format("bench%011d", n);
            int rating = n % 5 == 0 ? 1 + random.nextInt(2) : 3 + random.nextInt(3);
            long minutes = 5 + random.nextInt(600);
            boolean breached = n % 20 == 0;
            List<Fact> made = new ArrayList<>();
            made.add(fact(Fact.Kind.RECEIVED, id, received, zone, groups, null, null, "I ordered on Monday and the parcel is late."));
            made.add(fact(Fact.Kind.RATED, id, received, zone, groups, null, rating, "I ordered on Monday and the parcel is late."));
            made.add(fact(Fact.Kind.ASKED, id, received.plusSeconds(2), zone, groups, null, null, null));
            if (breached) {
                made.add(fact(Fact.Kind.BREACHED, id, received.plus(route.answerWithin()), zone, groups, 1L, null, null));
            }
            made.add(fact(Fact.Kind.ANSWERED, id, received.plus(Duration.ofMinutes(minutes)), zone, groups, minutes, null,
                    "Found it at the depot; it goes out with today's van."));
            counted.addAll(made);
            for (Fact f : made) {
                if (!f.day().isBefore(oldestFacts)) {
                    facts.add(f);
                }
            }
        }
        return Map.of(Cell.sum(counted), facts);
    }

    private static Fact fact(Fact.Kind kind, String id, Instant at, ZoneId zone, List<String> groups, Long minutes, Integer rating,
                             String words) {
        return new Fact(kind, id, kind == Fact.Kind.RATED || kind == Fact.Kind.RECEIVED ? 0 : 1, at, at.atZone(zone).toLocalDate(),
                groups, minutes, rating, "My delivery is late", "Hana Park", words, null);
    }
}
