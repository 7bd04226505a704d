package dev.qmark.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code qmark bench sweeper [--due M] [--items N,N] [--sweeps K] [--warmup K] [--writers W] [--config FILE] [--json]}.
 *
 * @param items   table sizes to measure (closed feedback items), smallest first
 * @param due     due escalations each measured sweep handles
 * @param sweeps  measured sweeps per table size, each on freshly prepared due escalations
 * @param warmup  sweeps on a table of their own before any is measured (0: none)
 * @param writers threads writing closed items
 */
record SweeperBenchOptions(List<Integer> items, int due, int sweeps, int warmup, int writers, Path config,
                           boolean json) {

    static final List<Integer> DEFAULT_ITEMS = List.of(1_000, 100_000);
    static final int DEFAULT_DUE = 50;
    static final int DEFAULT_SWEEPS = 5;
    static final int DEFAULT_WARMUP = 3;
    static final int DEFAULT_WRITERS = 16;

    static final String USAGE = """
            usage: qmark bench sweeper [--due M] [--items N,N] [--sweeps K] [--warmup K] [--writers W] [--config FILE]
                                       [--json]
              fills a table with N closed feedback items and M due escalations, and measures one sweep:
              the read capacity DynamoDB (Local) reports and the wall time (median of K sweeps, each on
              freshly prepared due escalations), for each N; exits 1 when the read capacity of the
              largest and the smallest N differ by more than 10% (3 when it could not run)
              --due M        due escalations per sweep (default 50)
              --items N,N    table sizes (default 1000,100000)
              --sweeps K     measured sweeps per table size (default 5)
              --warmup K     sweeps first on a table of their own, not measured (default 3; 0: none)
              --writers W    threads writing the closed items (default 16)
              --config FILE  configuration (default: config/qmark.yaml, the example)
              --json         one line per N: {"items": N, "due": M, "readCapacity": x, "millis": y}
            """;

    static SweeperBenchOptions parse(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("sweeper")) {
            throw new IllegalArgumentException(args.isEmpty() ? "which benchmark? (sweeper)"
                    : "unknown benchmark '" + args.get(0) + "' (there is: sweeper)");
        }
        List<Integer> items = DEFAULT_ITEMS;
        int due = DEFAULT_DUE;
        int sweeps = DEFAULT_SWEEPS;
        int warmup = DEFAULT_WARMUP;
        int writers = DEFAULT_WRITERS;
        Path config = Path.of(System.getProperty("qmark.home", ".")).resolve("config").resolve("qmark.yaml");
        boolean json = false;
        for (int i = 1; i < args.size(); i++) {
            String flag = args.get(i);
            if (flag.equals("--json")) {
                json = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args.get(++i);
            switch (flag) {
                case "--due" -> due = positive(flag, value);
                case "--sweeps" -> sweeps = positive(flag, value);
                case "--warmup" -> warmup = value.equals("0") ? 0 : positive(flag, value);
                case "--writers" -> writers = positive(flag, value);
                case "--config" -> config = Path.of(value);
                case "--items" -> {
                    List<Integer> sizes = new ArrayList<>();
                    for (String size : value.split(",")) {
                        sizes.add(positive(flag, size.strip().replace("_", "")));
                    }
                    items = sizes.stream().sorted().distinct().toList();
                }
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return new SweeperBenchOptions(items, due, sweeps, warmup, writers, config, json);
    }

    private static int positive(String flag, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message
        }
        throw new IllegalArgumentException(flag + " needs a positive whole number, not '" + value + "'");
    }
}
