package dev.qmark.emulators;

import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every AWS stand-in Qmark needs, in this JVM, on 127.0.0.1: DynamoDB Local, ElasticMQ for SQS, the
 * S3 and SES v2 stand-ins, and an SMTP listener for inbound mail. {@link #sdkSystemProperties()} makes
 * SDK v2 clients built with plain defaults talk to them, so the functions run unchanged.
 *
 * <pre>
 * try (EmbeddedAws aws = EmbeddedAws.builder().dataDirectory(Path.of(".qmark/data")).start()) {
 *     aws.sdkSystemProperties().forEach(System::setProperty);
 *     ...
 * }
 * </pre>
 */
public final class EmbeddedAws implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAws.class);

    public static final String REGION = "us-east-1";
    /** Dummy credentials. DynamoDB Local 2.x accepts only letters and digits in the key id. */
    public static final String ACCESS_KEY_ID = "qmarklocal";
    public static final String SECRET_ACCESS_KEY = "qmarklocal";

    /**
     * The service-specific endpoint properties the SDK reads since 2.28. Their spelling follows each
     * service's id, not its module name: DynamoDb and SesV2 (checked in the 2.54.13 client builders);
     * "aws.endpointUrlDynamodb" or "aws.endpointUrlSesv2" would be ignored without a word.
     */
    static final String DYNAMODB_ENDPOINT_PROPERTY = "aws.endpointUrlDynamoDb";
    static final String SQS_ENDPOINT_PROPERTY = "aws.endpointUrlSqs";
    static final String S3_ENDPOINT_PROPERTY = "aws.endpointUrlS3";
    static final String SESV2_ENDPOINT_PROPERTY = "aws.endpointUrlSesV2";

    /** Picks the SDK's default sync HTTP client when more than one is on the class path. */
    static final String HTTP_SERVICE_PROPERTY = "software.amazon.awssdk.http.service.impl";
    static final String URL_CONNECTION_SERVICE = "software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService";

    private final Closer closer;
    private final EmbeddedDynamoDb dynamoDb;
    private final EmbeddedSqs sqs;
    private final S3StandIn s3;
    private final SesStandIn ses;
    private final SmtpListener smtp;

    private EmbeddedAws(Closer closer, EmbeddedDynamoDb dynamoDb, EmbeddedSqs sqs, S3StandIn s3, SesStandIn ses,
            SmtpListener smtp) {
        this.closer = closer;
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.s3 = s3;
        this.ses = ses;
        this.smtp = smtp;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Everything in memory on free ports, no inbound domain or delivery yet: what most tests want. */
    public static EmbeddedAws startInMemory() {
        return builder().start();
    }

    /** Options of {@link EmbeddedAws}; every port defaults to 0 (any free one). */
    public static final class Builder {
        private Path dataDirectory;
        private int dynamoDbPort;
        private int sqsPort;
        private int s3Port;
        private int sesPort;
        private boolean verifiedSendersOnly;
        private int smtpPort;
        private Collection<String> inboundMailDomains = List.of();
        private MailDelivery mailDelivery;
        private SmtpListener.Options smtpOptions = SmtpListener.Options.defaults();

        private Builder() {
        }

        /**
         * Keeps state across restarts: DynamoDB in {@code dynamodb/}, S3 objects in {@code s3/}, the SES
         * outbox in {@code ses-outbox/}. SQS stays in memory. Without it, everything is in memory.
         */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = directory;
            return this;
        }

        public Builder dynamoDbPort(int port) {
            Loopback.checkPort(port);
            this.dynamoDbPort = port;
            return this;
        }

        public Builder sqsPort(int port) {
            Loopback.checkPort(port);
            this.sqsPort = port;
            return this;
        }

        public Builder s3Port(int port) {
            Loopback.checkPort(port);
            this.s3Port = port;
            return this;
        }

        public Builder sesPort(int port) {
            Loopback.checkPort(port);
            this.sesPort = port;
            return this;
        }

        /**
         * SES refuses senders that are not verified identities; so does the stand-in with this
         * (create them with CreateEmailIdentity). Without it, any sender may send.
         */
        public Builder verifiedSendersOnly() {
            this.verifiedSendersOnly = true;
            return this;
        }

        public Builder smtpPort(int port) {
            Loopback.checkPort(port);
            this.smtpPort = port;
            return this;
        }

        /** Recipient domains the SMTP listener accepts; may also be set after start. */
        public Builder inboundMailDomains(Collection<String> domains) {
            this.inboundMailDomains = List.copyOf(domains);
            return this;
        }

        /** Where mail received over SMTP goes; may also be set after start. */
        public Builder mailDelivery(MailDelivery delivery) {
            this.mailDelivery = delivery;
            return this;
        }

        public Builder smtpOptions(SmtpListener.Options options) {
            this.smtpOptions = options;
            return this;
        }

        /**
         * Starts everything, DynamoDB Local and ElasticMQ side by side (they are the slow ones). If
         * anything fails to start, what did start is stopped again before the exception is thrown.
         */
        public EmbeddedAws start() {
            long started = System.nanoTime();
            Closer closer = new Closer();
            CompletableFuture<EmbeddedDynamoDb> dynamoDbStart =
                    CompletableFuture.supplyAsync(() -> EmbeddedDynamoDb.start(subdirectory("dynamodb"), dynamoDbPort));
            CompletableFuture<EmbeddedSqs> sqsStart = CompletableFuture.supplyAsync(() -> EmbeddedSqs.start(sqsPort));
            try {
                // Both settle before either is looked at, so one failing cannot leave the other running
                // unseen; registered in a fixed order, they are closed in the reverse one.
                settle(dynamoDbStart, sqsStart);
                registerIfStarted(closer, dynamoDbStart);
                registerIfStarted(closer, sqsStart);
                EmbeddedDynamoDb dynamoDb = dynamoDbStart.join();
                EmbeddedSqs sqs = sqsStart.join();
                S3StandIn s3 = closer.register(S3StandIn.start(subdirectory("s3"), s3Port));
                SesStandIn ses = closer.register(SesStandIn.start(subdirectory("ses-outbox"), sesPort, verifiedSendersOnly));
                SmtpListener smtp = closer.register(
                        SmtpListener.start(smtpPort, inboundMailDomains, mailDelivery, smtpOptions));
                LOG.info("embedded AWS up in {} ms", (System.nanoTime() - started) / 1_000_000);
                return new EmbeddedAws(closer, dynamoDb, sqs, s3, ses, smtp);
            } catch (RuntimeException | Error e) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                try {
                    closer.close();
                } catch (RuntimeException closeFailure) {
                    cause.addSuppressed(closeFailure);
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            }
        }

        private static void settle(CompletableFuture<?>... futures) {
            try {
                CompletableFuture.allOf(futures).join();
            } catch (CompletionException e) {
                // looked at one by one afterwards
            }
        }

        private static void registerIfStarted(Closer closer, CompletableFuture<? extends AutoCloseable> start) {
            if (!start.isCompletedExceptionally()) {
                closer.register(start.join());
            }
        }

        private Path subdirectory(String name) {
            return dataDirectory == null ? null : dataDirectory.resolve(name);
        }
    }

    public URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    public URI sqsEndpoint() {
        return sqs.endpoint();
    }

    public URI s3Endpoint() {
        return s3.endpoint();
    }

    public URI sesEndpoint() {
        return ses.endpoint();
    }

    public int smtpPort() {
        return smtp.port();
    }

    public EmbeddedDynamoDb dynamoDb() {
        return dynamoDb;
    }

    public EmbeddedSqs sqs() {
        return sqs;
    }

    public S3StandIn s3() {
        return s3;
    }

    public SesStandIn ses() {
        return ses;
    }

    public SmtpListener smtp() {
        return smtp;
    }

    /** Replaces the recipient domains the SMTP listener accepts. */
    public void setInboundMailDomains(Collection<String> domains) {
        smtp.setDomains(domains);
    }

    /** Replaces where mail received over SMTP goes. */
    public void setMailDelivery(MailDelivery delivery) {
        smtp.setDelivery(delivery);
    }

    /**
     * System properties that point SDK v2 clients built with defaults ({@code DynamoDbClient.create()})
     * here: region, dummy credentials (read by the default credentials chain before anything else), and
     * one endpoint per service. When the url-connection client is on the class path it is made the
     * default HTTP client too: that is what the functions use on Lambda, and DynamoDB Local drags the
     * Apache 5 client onto the class path, which the SDK would otherwise prefer.
     */
    public Map<String, String> sdkSystemProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("aws.region", REGION);
        properties.put("aws.accessKeyId", ACCESS_KEY_ID);
        properties.put("aws.secretAccessKey", SECRET_ACCESS_KEY);
        properties.put(DYNAMODB_ENDPOINT_PROPERTY, dynamoDbEndpoint().toString());
        properties.put(SQS_ENDPOINT_PROPERTY, sqsEndpoint().toString());
        properties.put(S3_ENDPOINT_PROPERTY, s3Endpoint().toString());
        properties.put(SESV2_ENDPOINT_PROPERTY, sesEndpoint().toString());
        if (isPresent(URL_CONNECTION_SERVICE)) {
            properties.put(HTTP_SERVICE_PROPERTY, URL_CONNECTION_SERVICE);
        }
        return properties;
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, EmbeddedAws.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Stops everything in reverse order of start, each even if another fails to stop.
     *
     * @throws IllegalStateException after trying all, if any did not stop cleanly
     */
    @Override
    public void close() {
        closer.close();
        LOG.info("embedded AWS stopped");
    }
}
