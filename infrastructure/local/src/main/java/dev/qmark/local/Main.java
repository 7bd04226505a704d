package dev.qmark.local;

import dev.qmark.core.config.ConfigException;
import dev.qmark.local.bench.SweeperBench;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code qmark up [--http-port N] [--smtp-port N] [--config FILE] [--data-dir DIR] [--aws-endpoint URL]}, and
 * {@code qmark bench sweeper [...]} (see {@link SweeperBench}).
 */
public final class Main {

    private static final String USAGE = """
            usage: qmark up [--http-port N] [--smtp-port N] [--config FILE] [--data-dir DIR] [--aws-endpoint URL]
              --http-port N   form, APIs and /_local pages (default 8080)
              --smtp-port N   inbound mail (default 2525)
              --config FILE   configuration (default: config/qmark.yaml, the example)
              --data-dir DIR  keep state there across restarts (default: in memory)
              --aws-endpoint URL  run on moto (moto_server -p 5000) or LocalStack at URL instead of
                              the embedded stand-ins; the table, queues, bucket and SES identities
                              are created there (default: embedded)
            usage: qmark bench sweeper [--due M] [--items N,N] [--sweeps K] [--writers W] [--config FILE] [--json]
              read capacity and time of one sweep over M due escalations (default 50) with N closed
              items in the table (default 1,000 and 100,000); --json: one JSON object per N
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("bench")) {
            // exits by itself: nothing it started may keep the JVM (or the caller) waiting
            System.exit(SweeperBench.main(List.of(args).subList(1, args.length)));
        }
        if (args.length == 0 || !args[0].equals("up")) {
            System.err.print(USAGE);
            System.exit(2);
        }
        LocalOptions options;
        try {
            options = parse(List.of(args).subList(1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println("qmark: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        LocalSystem system;
        try {
            system = LocalSystem.start(options);
        } catch (ConfigException e) {
            System.err.println("qmark: configuration refused: " + e.getMessage());
            System.exit(2);
            return;
        } catch (SentMail.Unreachable e) {
            System.err.println("qmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("qmark: stopping");
            system.close();
            stopped.countDown();
        }, "qmark-shutdown"));
        System.out.println(system.readyLine());
        stopped.await();
    }

    static LocalOptions parse(List<String> args) {
        int http = LocalOptions.DEFAULT_HTTP_PORT;
        int smtp = LocalOptions.DEFAULT_SMTP_PORT;
        Path config = LocalOptions.defaultConfig();
        Path data = null;
        java.net.URI endpoint = null;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args.get(++i);
            switch (flag) {
                case "--http-port" -> http = port(flag, value);
                case "--smtp-port" -> smtp = port(flag, value);
                case "--config" -> config = Path.of(value);
                case "--data-dir" -> data = Path.of(value);
                case "--aws-endpoint" -> endpoint = endpoint(value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return new LocalOptions(http, smtp, config, data, LocalOptions.EVERY_MINUTE, endpoint);
    }

    private static java.net.URI endpoint(String value) {
        try {
            return EndpointLocalAws.normalize(java.net.URI.create(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--aws-endpoint must be an http(s) URL such as http://127.0.0.1:5000, not '" + value + "'");
        }
    }

    private static int port(String flag, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message
        }
        throw new IllegalArgumentException(flag + " must be a port number, not '" + value + "'");
    }
}
