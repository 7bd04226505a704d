package dev.qmark.local;

import com.sun.net.httpserver.HttpServer;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.sqs.SqsFeedbackQueue;
import dev.qmark.aws.sqs.SqsJsonQueue;
import dev.qmark.core.intake.StuckFeedback;
import dev.qmark.aws.ses.SesMailSender;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.sweep.OrphanedQuestions;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import java.time.Duration;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.emulators.HttpServerLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole of Qmark on one machine: the AWS it runs on ({@link LocalAws}: the embedded stand-ins,
 * or moto or LocalStack at an endpoint), the same handler classes that
 * Lambda runs, and the glue that plays API Gateway, the SQS event source mappings and SES
 * receiving. Only endpoints differ from AWS; the functions are built from the same environment
 * variables template.yaml gives them.
 */
public final class LocalSystem implements AutoCloseable {

    /** Shorter than in AWS, so that a failed message is retried while you watch. */
    static final int VISIBILITY_TIMEOUT_SECONDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(LocalSystem.class);
    /** A check time later than any stored one: at start-up every unfinished item counts as due. */
    private static final java.time.Instant EVERYTHING_UNFINISHED = java.time.Instant.parse("9999-01-01T00:00:00Z");

    /** One route of the HTTP API and the function behind it. */
    record ApiRoute(String method, String path, String function) {
    }

    /** The HTTP API as template.yaml declares it (a test holds the two together). */
    static final List<ApiRoute> API_ROUTES = List.of(
            new ApiRoute("GET", "/", "form-intake"),
            new ApiRoute("POST", "/feedback", "form-intake"),
            new ApiRoute("GET", "/rate/{token}", "form-intake"),
            new ApiRoute("POST", "/rate/{token}", "form-intake"),
            new ApiRoute("GET", "/feedback", "staff-api"),
            new ApiRoute("GET", "/feedback/{id}", "staff-api"),
            new ApiRoute("GET", "/escalations", "staff-api"),
            new ApiRoute("GET", "/review", "staff-api"),
            new ApiRoute("GET", "/stats", "staff-api"),
            new ApiRoute("GET", "/reports/town-hall", "staff-api"));

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final QmarkConfig config;
    private final LocalClock clock = new LocalClock();
    private LocalAws aws;
    private HttpServer http;
    /** mail-intake's on-failure destination, told what each recovery run finished. */
    private AsyncFailureDestination failedMailIntakes;
    private DynamoDbStreamMapping streamMapping;

    private LocalSystem(QmarkConfig config) {
        this.config = config;
    }

    /** Starts everything; the configuration is checked first and refused with a {@code ConfigException}. */
    public static LocalSystem start(LocalOptions options) {
        HttpServerLimits.apply(); // before the first HTTP server of the JVM (the S3 stand-in's) starts
        QmarkConfig config = ConfigLoader.load(options.config());
        LocalSystem system = new LocalSystem(config);
        try {
            system.boot(options);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private void boot(LocalOptions options) {
        aws = options.awsEndpoint() == null
                ? EmbeddedLocalAws.start(options.smtpPort(), config.inboundDomain(), options.dataDir())
                : EndpointLocalAws.start(options.awsEndpoint(), options.smtpPort(), config.inboundDomain());
        resources.push(aws);
        aws.sdkSystemProperties().forEach(System::setProperty);
        SenderIdentities.verify(config);

        DynamoDbClient dynamo = AwsClients.dynamoDb();
        SqsClient sqs = AwsClients.sqs();
        S3Client s3 = AwsClients.s3();
        resources.push(dynamo);
        resources.push(sqs);
        resources.push(s3);
        StackResources stack = StackResources.create(dynamo, sqs, s3, VISIBILITY_TIMEOUT_SECONDS);
        String secret = replyTokenSecret(options.dataDir());
        // bound before the functions are built: mail-intake's rating links need the port
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", options.httpPort()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + options.httpPort()
                    + " (is another qmark running? try --http-port)", e);
        }
        resources.push(() -> http.stop(0));
        LocalFunctions functions = LocalFunctions.build(stack, options.config(), secret,
                "http://127.0.0.1:" + http.getAddress().getPort(), clock);
        // SES's events about what it sent (the stand-in plays the mailbox simulator) reach mail-events
        SesEventDestination sesEvents = new SesEventDestination(functions.mailEvents());
        resources.push(sesEvents);
        aws.setMailEvents(sesEvents::publish);

        // the queues live in memory: everything a previous run left on its way (not asked yet) is enqueued
        // again, however recent; in AWS only what is overdue is, since its queues keep the rest
        TablePorts table = new TablePorts(dynamo, stack.table());
        int redriven = new StuckFeedback(table.unfinishedFeedback(),
                new SqsFeedbackQueue(new SqsJsonQueue(sqs, stack.feedbackUrl())), clock).redrive(EVERYTHING_UNFINISHED);
        if (redriven > 0) {
            LOG.info("{} feedback item(s) from the data directory were still on their way: enqueued again", redriven);
        }
        adoptOrphans(table, secret);
        resources.push(new SqsEventSourceMapping(sqs, stack.feedbackUrl(), stack.feedbackArn(), functions.router(), 10).start());
        resources.push(new SqsEventSourceMapping(sqs, stack.escalationUrl(), stack.escalationArn(), functions.escalator(), 10).start());
        startStreamMapping(dynamo, stack.table(), functions.figures());
        // the on-failure destination of mail-intake's async invocations: its DLQ (with an alarm in AWS), which
        // mail-intake's recovery drains; the data directory keeps its records, the local queues live in memory
        failedMailIntakes = new AsyncFailureDestination(sqs, stack.mailIntakeDlqUrl(),
                "arn:aws:lambda:us-east-1:000000000000:function:mail-intake",
                options.dataDir() == null ? null : options.dataDir().resolve("lambda-async").resolve("mail-intake-dlq"));
        int failedBefore = failedMailIntakes.resume();
        if (failedBefore > 0) {
            LOG.info("{} failed mail-intake invocation(s) from the data directory put back on its DLQ", failedBefore);
        }
        SesReceiving receiving = new SesReceiving(s3, stack.mailBucket(), StackResources.MAIL_PREFIX, functions.mailIntake(),
                failedMailIntakes,
                options.dataDir() == null ? null : options.dataDir().resolve("lambda-async").resolve("mail-intake"),
                SesReceiving.LAMBDA_RETRY_DELAYS);
        resources.push(receiving);
        aws.setMailDelivery(receiving::receive);
        int resumed = receiving.resume();
        if (resumed > 0) {
            LOG.info("{} received mail(s) from the data directory were not handled yet: handed to mail-intake again", resumed);
        }

        ApiGateway gateway = new ApiGateway(API_ROUTES.stream()
                .map(r -> new ApiGateway.Route(r.method(), r.path(), functions.byName(r.function()))).toList());
        http.createContext("/", gateway);
        http.createContext("/_local/", new LocalConsole(aws::sentMail, new LocalReply(aws.smtpPort()), clock,
                functions.sweeper(), address -> config.founder().answersFrom(address)
                        || config.ownerByAddress(address).isPresent() || config.mayForward(address),
                (report) -> {
                    catchUpFigures();
                    return functions.digest().invoke(java.util.Map.of("report", report, "now", true));
                }));
        // a thread per exchange: a slow or silent client holds only its own (virtual) thread, never
        // another request's turn; HttpServerLimits closes it after a while
        ExecutorService exchanges = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(exchanges);
        http.start();
        resources.push(exchanges::shutdownNow);

        if (options.sweepEvery() != null) {
            scheduleSweeps(functions.sweeper(), options.sweepEvery());
            // mail-intake's recovery schedule (every 5 minutes in AWS): its DLQ's failed invocations and stuck feedback
            schedule(functions.mailIntake(), options.sweepEvery(), "recovery", failedMailIntakes::recovered);
            // the founder's reports (every 15 minutes in AWS): each run decides whether it is time, on the local clock
            schedule(functions.digest(), options.sweepEvery(), "reports");
        }
    }

    /**
     * The configuration may have changed since the data directory was written: open questions whose
     * owner is gone go on now (the sweeper does the same when it meets them, and in AWS at each new
     * container); the founder is told once. A failure here is the sweeper's to retry, not fatal.
     */
    private void adoptOrphans(TablePorts table, String secret) {
        try {
            SesV2Client ses = AwsClients.ses();
            resources.push(ses);
            List<String> orphaned = new OrphanedQuestions(config, table.feedbackItems(), table.escalations(),
                    table.sweepList(), table.mailClaims(), new SesMailSender(ses, config.inboundDomain(), clock),
                    new ReplyTokens(secret), table.sentMailTexts(), clock).adoptAll();
            if (!orphaned.isEmpty()) {
                LOG.info("{} open question(s) had an owner the configuration no longer has; sent on: {}", orphaned.size(), orphaned);
            }
        } catch (RuntimeException e) {
            LOG.warn("sending on orphaned questions failed at start-up; the sweeper tries again", e);
        }
    }

    /**
     * The table's stream into the figures function, as the stream event source mapping does in AWS.
     * DynamoDB Local serves streams on its own endpoint; an emulator without streams leaves the
     * figures empty and says so, and everything else runs.
     */
    private void startStreamMapping(DynamoDbClient dynamo, String table, LocalFunction figures) {
        try {
            String streamArn = dynamo.describeTable(d -> d.tableName(table)).table().latestStreamArn();
            if (streamArn == null) {
                // a data directory from before the figures: the table gets its stream now (what came before is not counted)
                dynamo.updateTable(u -> u.tableName(table).streamSpecification(s -> s.streamEnabled(true)
                        .streamViewType(software.amazon.awssdk.services.dynamodb.model.StreamViewType.NEW_AND_OLD_IMAGES)));
                streamArn = dynamo.describeTable(d -> d.tableName(table)).table().latestStreamArn();
            }
            if (streamArn == null) {
                LOG.warn("the table has no stream here: GET /stats and the digest's figures stay empty");
                return;
            }
            var builder = DynamoDbStreamsClient.builder()
                    .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create());
            String endpoint = System.getProperty("aws.endpointUrlDynamoDb");
            if (endpoint != null) {
                builder.endpointOverride(java.net.URI.create(endpoint));
            }
            DynamoDbStreamsClient streams = builder.build();
            resources.push(streams);
            // batches of 100 and a 15-minute tumbling window, as template.yaml's TableStream (the window names the shard)
            streamMapping = new DynamoDbStreamMapping(streams, streamArn, figures, 100, 900).start();
            resources.push(streamMapping);
        } catch (RuntimeException e) {
            LOG.warn("the table's stream cannot be read here: GET /stats and the digest's figures stay empty", e);
        }
    }

    /** Waits until the figures function has seen every change made so far (tests, {@code /_local/digest}). */
    void catchUpFigures() {
        if (streamMapping != null) {
            while (streamMapping.pollOnce() > 0) {
                // read until a pass finds nothing new
            }
        }
    }

    /** Plays the EventBridge schedule: a sweep every minute. */
    private void scheduleSweeps(LocalFunction sweeper, Duration every) {
        schedule(sweeper, every, "sweep");
    }

    /** Plays an EventBridge schedule of {@code function}. */
    private void schedule(LocalFunction function, Duration every, String what) {
        schedule(function, every, what, report -> { });
    }

    /** Plays an EventBridge schedule of {@code function}; {@code then} sees what each run returned. */
    private void schedule(LocalFunction function, Duration every, String what,
                          java.util.function.Consumer<com.fasterxml.jackson.databind.JsonNode> then) {
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "schedule-" + function.name());
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(() -> {
            try {
                then.accept(function.invoke(ScheduledEvent.now(function.name())));
            } catch (RuntimeException e) {
                LOG.warn("scheduled {} failed; the next one runs in {}", what, every, e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        resources.push(schedule::shutdownNow);
    }

    /** A secret per data directory (so reply addresses stay valid across restarts), else per run. */
    private static String replyTokenSecret(Path dataDir) {
        String fromEnvironment = System.getenv("REPLY_TOKEN_SECRET");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String generated = HexFormat.of().formatHex(random);
        if (dataDir == null) {
            return generated;
        }
        try {
            Path file = dataDir.resolve("reply-token-secret");
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(dataDir);
            Files.writeString(file, generated);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the reply token secret in " + dataDir, e);
        }
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    public int smtpPort() {
        return aws.smtpPort();
    }

    public QmarkConfig config() {
        return config;
    }

    public String readyLine() {
        String base = "http://127.0.0.1:" + httpPort();
        return "qmark ready: form " + base + "/ | mailbox " + base + "/_local/mail | outbox " + base
                + "/_local/outbox | staff API " + base + "/feedback | SMTP 127.0.0.1:" + smtpPort()
                + " for @" + config.inboundDomain() + " | AWS: " + aws.describe();
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed", resource, e);
            }
        }
    }
}
