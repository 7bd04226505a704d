package dev.qmark.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.HttpServer;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.dynamodb.QmarkTable;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.emulators.EmbeddedAws;
import dev.qmark.escalator.EscalatorHandler;
import dev.qmark.formintake.FormIntakeHandler;
import dev.qmark.mailintake.MailIntakeHandler;
import dev.qmark.router.RouterHandler;
import dev.qmark.staffapi.StaffApiHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole of Qmark on one machine: the embedded AWS stand-ins, the same handler classes that
 * Lambda runs, and the glue that plays API Gateway, the SQS event source mappings and SES
 * receiving. Only endpoints differ from AWS; the functions are built from the same environment
 * variables template.yaml gives them.
 */
public final class LocalSystem implements AutoCloseable {

    public static final String TABLE = "qmark";
    public static final String MAIL_BUCKET = "qmark-inbound-mail";
    public static final String MAIL_PREFIX = "inbound/";
    /** Shorter than in AWS, so that a failed message is retried while you watch. */
    static final int VISIBILITY_TIMEOUT_SECONDS = 10;
    static final int MAX_RECEIVE_COUNT = 5;

    private static final Logger LOG = LoggerFactory.getLogger(LocalSystem.class);

    /** One route of the HTTP API and the function behind it. */
    record ApiRoute(String method, String path, String function) {
    }

    /** The HTTP API as template.yaml declares it (a test holds the two together). */
    static final List<ApiRoute> API_ROUTES = List.of(
            new ApiRoute("GET", "/", "form-intake"),
            new ApiRoute("POST", "/feedback", "form-intake"),
            new ApiRoute("GET", "/feedback", "staff-api"),
            new ApiRoute("GET", "/feedback/{id}", "staff-api"));

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final QmarkConfig config;
    private EmbeddedAws aws;
    private HttpServer http;

    private LocalSystem(QmarkConfig config) {
        this.config = config;
    }

    /** Starts everything; the configuration is checked first and refused with a {@code ConfigException}. */
    public static LocalSystem start(LocalOptions options) {
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
        EmbeddedAws.Builder builder = EmbeddedAws.builder().smtpPort(options.smtpPort())
                .inboundMailDomains(List.of(config.inboundDomain()));
        if (options.dataDir() != null) {
            builder.dataDirectory(options.dataDir());
        }
        aws = builder.start();
        resources.push(aws);
        aws.sdkSystemProperties().forEach(System::setProperty);

        DynamoDbClient dynamo = AwsClients.dynamoDb();
        SqsClient sqs = AwsClients.sqs();
        S3Client s3 = AwsClients.s3();
        resources.push(dynamo);
        resources.push(sqs);
        resources.push(s3);
        QmarkTable.create(dynamo, TABLE);
        LocalQueues queues = LocalQueues.create(sqs, VISIBILITY_TIMEOUT_SECONDS, MAX_RECEIVE_COUNT);
        aws.s3().createBucket(MAIL_BUCKET);

        String secret = replyTokenSecret(options.dataDir());
        Map<String, String> common = Map.of("TABLE_NAME", TABLE, "QMARK_CONFIG", options.config().toAbsolutePath().toString());
        LocalFunction formIntake = function("form-intake", FormIntakeHandler::new, common,
                Map.of("FEEDBACK_QUEUE_URL", queues.feedbackUrl()));
        LocalFunction router = function("router", RouterHandler::new, common,
                Map.of("ESCALATION_QUEUE_URL", queues.escalationUrl()));
        LocalFunction escalator = function("escalator", EscalatorHandler::new, common,
                Map.of("REPLY_TOKEN_SECRET", secret));
        LocalFunction mailIntake = function("mail-intake", MailIntakeHandler::new, common,
                Map.of("REPLY_TOKEN_SECRET", secret, "MAIL_BUCKET", MAIL_BUCKET, "MAIL_PREFIX", MAIL_PREFIX));
        LocalFunction staffApi = function("staff-api", StaffApiHandler::new, common, Map.of());

        resources.push(new SqsEventSourceMapping(sqs, queues.feedbackUrl(), queues.feedbackArn(), router, 10).start());
        resources.push(new SqsEventSourceMapping(sqs, queues.escalationUrl(), queues.escalationArn(), escalator, 10).start());
        SesReceiving receiving = new SesReceiving(s3, MAIL_BUCKET, MAIL_PREFIX, mailIntake);
        resources.push(receiving);
        aws.setMailDelivery(receiving::receive);

        Map<String, LocalFunction> byName = Map.of(formIntake.name(), formIntake, staffApi.name(), staffApi);
        ApiGateway gateway = new ApiGateway(API_ROUTES.stream()
                .map(r -> new ApiGateway.Route(r.method(), r.path(), byName.get(r.function()))).toList());
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", options.httpPort()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + options.httpPort()
                    + " (is another qmark running? try --http-port)", e);
        }
        http.createContext("/", gateway);
        http.createContext("/_local/", new LocalConsole(aws.ses(), new LocalReply(aws.smtpPort())));
        http.setExecutor(Executors.newFixedThreadPool(8));
        http.start();
        resources.push(() -> http.stop(0));
    }

    private LocalFunction function(String name, Function<FunctionEnvironment, RequestStreamHandler> factory,
                                   Map<String, String> common, Map<String, String> own) {
        Map<String, String> env = new LinkedHashMap<>(common);
        env.putAll(own);
        return new LocalFunction(name, factory.apply(FunctionEnvironment.of(env)), 30);
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
                + " for @" + config.inboundDomain();
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
