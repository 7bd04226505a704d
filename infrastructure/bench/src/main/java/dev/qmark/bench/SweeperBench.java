package dev.qmark.bench;

import dev.qmark.testing.SettableClock;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.aws.dynamodb.QmarkTable;
import dev.qmark.aws.ses.SesMailSender;
import dev.qmark.core.config.ConfigException;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.sweep.SweepReport;
import dev.qmark.core.sweep.Sweeper;
import dev.qmark.emulators.EmbeddedAws;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * {@code qmark bench sweeper}: does a sweep's cost grow with the table? For each table size N it
 * fills a table with N closed feedback items (see {@link ClosedItems}), then, K times, makes M
 * escalations due through the real services (see {@link DueEscalations}) and runs one sweep over
 * them with the sweeper function's own classes, measuring the read capacity DynamoDB reports for
 * that sweep's calls (see {@link CapacityMeter}) and its wall time. A warm-up on a table of its own
 * runs first, so the JIT does not bill its work to the first N.
 *
 * <p>Everything runs in this JVM against the embedded AWS (DynamoDB Local in memory, the SES
 * stand-in): the capacity figures are DynamoDB Local's arithmetic, the times are this machine's.
 */
public final class SweeperBench {

    private static final Logger LOG = LoggerFactory.getLogger(SweeperBench.class);
    private static final double TOLERANCE = 0.10;

    /** One table size's figures: the medians of its measured sweeps, each sweep's time, how long filling took. */
    record Result(int items, int due, double readCapacity, long millis, List<Long> millisPerSweep, int tableItems,
                  long fillMillis) {

        String json() {
            return "{\"items\": " + items + ", \"due\": " + due + ", \"readCapacity\": " + number(readCapacity)
                    + ", \"millis\": " + millis + "}";
        }
    }

    private SweeperBench() {
    }

    /**
     * Runs the benchmark named in {@code args} and prints its figures on standard output; everything
     * else (progress, logs, the emulators' chatter) goes to standard error.
     *
     * @return the exit status: 0; 1 when the read capacities differ by more than 10%; 2 for bad arguments
     *         or configuration; 3 when the benchmark itself failed
     */
    public static int main(List<String> args) {
        SweeperBenchOptions options;
        try {
            options = SweeperBenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("qmark: " + e.getMessage());
            System.err.print(SweeperBenchOptions.USAGE);
            return 2;
        }
        PrintStream stdout = System.out;
        System.setOut(System.err);  // whatever else prints goes to stderr: stdout carries the figures only
        try {
            long started = System.nanoTime();
            List<Result> results = run(options);
            if (options.json()) {
                results.forEach(r -> stdout.println(r.json()));
            } else {
                stdout.print(table(results, options));
            }
            stdout.flush();
            LOG.info("bench sweeper: done in {} s", seconds(System.nanoTime() - started));
            return withinTolerance(results) ? 0 : 1;
        } catch (ConfigException e) {
            System.err.println("qmark: configuration refused: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            LOG.error("bench sweeper failed", e);
            return 3;
        } finally {
            System.setOut(stdout);
        }
    }

    /** Measures every table size of {@code options}, smallest first; the emulators are stopped before it returns. */
    static List<Result> run(SweeperBenchOptions options) {
        QmarkConfig config = ConfigLoader.load(options.config());
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        ReplyTokens tokens = new ReplyTokens("bench-" + HexFormat.of().formatHex(secret));
        LOG.info("machine: {}", machine());
        try (EmbeddedAws aws = EmbeddedAws.startInMemory()) {
            CapacityMeter meter = new CapacityMeter();
            try (DynamoDbClient bulk = dynamo(aws, Duration.ofSeconds(60));
                 DynamoDbClient metered = dynamo(aws, Duration.ofSeconds(10), meter);
                 SesV2Client ses = ses(aws)) {
                Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES);
                SettableClock clock = new SettableClock(base);
                MailSender mail = new SesMailSender(ses, config.inboundDomain(), clock);
                Bench bench = new Bench(config, tokens, clock, mail, bulk, metered, meter, options, base);

                String patternTable = "bench-pattern";
                QmarkTable.createWithoutStream(bulk, patternTable);
                ClosedItems closed = ClosedItems.learnFrom(
                        new RealPipeline(config, new TablePorts(bulk, patternTable), mail, tokens, clock),
                        clock, bulk, patternTable, base.minus(Duration.ofDays(1)));
                bulk.deleteTable(d -> d.tableName(patternTable));

                if (options.warmup() > 0) {
                    int warmItems = Math.min(options.items().get(0), 1_000);
                    LOG.info("warm-up: {} sweeps over {} due escalations on a table of {} closed items",
                            options.warmup(), options.due(), warmItems);
                    bench.measure("bench-warmup", closed, warmItems, options.warmup());
                }

                List<Result> results = new ArrayList<>();
                for (int items : options.items()) {
                    results.add(bench.measure("bench-" + items, closed, items, options.sweeps()));
                }
                return results;
            }
        }
    }

    /** One table size after another on the same emulators, clock and clients. */
    private record Bench(QmarkConfig config, ReplyTokens tokens, SettableClock clock, MailSender mail,
                         DynamoDbClient bulk, DynamoDbClient metered, CapacityMeter meter,
                         SweeperBenchOptions options, Instant base) {

        Result measure(String table, ClosedItems closed, int items, int sweeps) {
            QmarkTable.createWithoutStream(bulk, table);
            try {
                long fillStarted = System.nanoTime();
                closed.write(bulk, table, items, base, options.writers());
                long fillNanos = System.nanoTime() - fillStarted;
                int tableItems = items * closed.tableItemsPerItem();
                LOG.info("{}: {} closed items ({} table items) written in {} s ({} table items/s, {} writers)",
                        table, items, tableItems, seconds(fillNanos), tableItems * 1_000_000_000L / Math.max(fillNanos, 1),
                        options.writers());

                DueEscalations due = new DueEscalations(
                        new RealPipeline(config, new TablePorts(bulk, table), mail, tokens, clock),
                        clock, bulk, table);
                // as the sweeper function builds it: reminders and late notices keep their text (a write each)
                TablePorts measured = new TablePorts(metered, table);
                Sweeper sweeper = new Sweeper(config, measured.feedbackItems(), measured.escalations(), measured.sweepList(),
                        measured.mailClaims(), mail, tokens, measured.sentMailTexts(), clock);
                List<Double> reads = new ArrayList<>();
                List<Long> millis = new ArrayList<>();
                Instant next = base;
                for (int k = 1; k <= sweeps; k++) {
                    DueEscalations.Prepared prepared = due.prepare(options.due(), next);
                    clock.set(prepared.sweepAt());
                    meter.reset();
                    long sweepStarted = System.nanoTime();
                    SweepReport report = sweeper.sweep();
                    long sweepNanos = System.nanoTime() - sweepStarted;
                    CapacityMeter.Usage usage = meter.total();
                    check(table, report, options.due(), usage);
                    reads.add(usage.readUnits());
                    millis.add(Math.round(sweepNanos / 1e6));
                    LOG.info("{} sweep {}/{}: {} examined, {} breached, {} escalated, {} told late; {} DynamoDB calls, "
                                    + "read capacity {}, write capacity {}; {} ms",
                            table, k, sweeps, report.examined(), report.breached().size(),
                            report.escalated().size(), report.toldLate().size(), usage.calls(),
                            number(usage.readUnits()), number(usage.writeUnits()), millis.getLast());
                    if (k == sweeps) {
                        LOG.info("{}: last sweep by operation: {}", table, meter.byOperation().entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue().calls() + " calls, read "
                                        + number(e.getValue().readUnits()) + ", write " + number(e.getValue().writeUnits()))
                                .collect(Collectors.joining("; ")));
                    }
                    due.remove(prepared);
                    next = prepared.sweepAt().plus(Duration.ofHours(1));
                }
                return new Result(items, options.due(), median(reads),
                        Math.round(median(millis.stream().map(Long::doubleValue).toList())), List.copyOf(millis),
                        tableItems, Math.round(fillNanos / 1e6));
            } finally {
                bulk.deleteTable(d -> d.tableName(table));
            }
        }
    }

    /** A sweep that did not handle every due escalation, or lost calls, measured something else. */
    private static void check(String table, SweepReport report, int due, CapacityMeter.Usage usage) {
        List<String> problems = new ArrayList<>();
        if (report.examined() != due || report.breached().size() != due) {
            problems.add(report.examined() + " examined and " + report.breached().size() + " breached of " + due + " due");
        }
        if (!report.postponed().isEmpty()) {
            problems.add(report.postponed().size() + " postponed");
        }
        if (usage.failed() > 0 || usage.unreported() > 0) {
            problems.add(usage.failed() + " DynamoDB calls failed, " + usage.unreported() + " reported no capacity");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the sweep on " + table + " did not do what it is measured for: "
                    + String.join(", ", problems));
        }
    }

    static boolean withinTolerance(List<Result> results) {
        if (results.size() < 2) {
            return true;
        }
        double smallest = results.getFirst().readCapacity();
        double largest = results.getLast().readCapacity();
        return Math.abs(largest - smallest) <= TOLERANCE * Math.min(smallest, largest);
    }

    static String table(List<Result> results, SweeperBenchOptions options) {
        StringBuilder out = new StringBuilder();
        out.append("qmark bench sweeper: one sweep over ").append(options.due()).append(" due escalations (median of ")
                .append(options.sweeps()).append(", each on fresh ones); read capacity as DynamoDB Local (in memory) reports it\n");
        out.append("machine: ").append(machine()).append('\n');
        out.append(String.format(Locale.ROOT, "%11s %6s %14s %13s%n", "items", "due", "read capacity", "ms per sweep"));
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "%,11d %6d %14s %13d%n", r.items(), r.due(), number(r.readCapacity()),
                    r.millis()));
        }
        if (results.size() >= 2) {
            Result small = results.getFirst();
            Result large = results.getLast();
            out.append(String.format(Locale.ROOT, "read capacity %,d vs %,d items: ratio %.3f, within 10%%: %s%n",
                    large.items(), small.items(), large.readCapacity() / small.readCapacity(),
                    withinTolerance(results) ? "yes" : "NO"));
        }
        out.append("ms of each sweep: ").append(results.stream()
                .map(r -> String.format(Locale.ROOT, "%,d items: %s", r.items(),
                        r.millisPerSweep().stream().map(String::valueOf).collect(Collectors.joining(", "))))
                .collect(Collectors.joining("; "))).append('\n');
        out.append("filling the table: ").append(results.stream()
                .map(r -> String.format(Locale.ROOT, "%,d items (%,d table items) in %s s", r.items(), r.tableItems(),
                        seconds(r.fillMillis() * 1_000_000L)))
                .collect(Collectors.joining("; "))).append('\n');
        return out.toString();
    }

    /** Cores, CPU model (where the OS says), OS, architecture and Java: what the times were taken on. */
    static String machine() {
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> " (" + l.substring(l.indexOf(':') + 1).strip() + ")").orElse("");
        } catch (IOException | RuntimeException notLinux) {
            // the model is a nicety
        }
        return Runtime.getRuntime().availableProcessors() + " cores" + cpu + ", " + System.getProperty("os.name") + "/"
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + ")";
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** A capacity as JSON and people write it: 123, 123.5, 123.25. */
    static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    static DynamoDbClient dynamo(EmbeddedAws aws, Duration socketTimeout, ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(aws.dynamoDbEndpoint())
                .region(Region.of(EmbeddedAws.REGION))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(socketTimeout).build())
                .overrideConfiguration(o -> {
                    for (ExecutionInterceptor interceptor : interceptors) {
                        o.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
    }

    static SesV2Client ses(EmbeddedAws aws) {
        return SesV2Client.builder()
                .endpointOverride(aws.sesEndpoint())
                .region(Region.of(EmbeddedAws.REGION))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10)).build())
                .build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(EmbeddedAws.ACCESS_KEY_ID, EmbeddedAws.SECRET_ACCESS_KEY));
    }
}
