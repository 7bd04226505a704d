package dev.qmark.local;

import dev.qmark.emulators.MailDelivery;
import dev.qmark.emulators.OutboxMail;
import dev.qmark.emulators.SmtpListener;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AWS-compatible endpoint somebody else wrote and runs — moto's server or LocalStack — serving
 * DynamoDB, SQS, S3 and SES on one URL. Only the SMTP listener stays ours: mail "arrives at SES
 * receiving" on this machine and is stored in that endpoint's bucket, as SES would store it.
 */
final class EndpointLocalAws implements LocalAws {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointLocalAws.class);

    /** Any key works on moto and LocalStack; LocalStack takes "test" as its default account. */
    static final String REGION = "us-east-1";
    static final String ACCESS_KEY_ID = "test";
    static final String SECRET_ACCESS_KEY = "test";

    private final URI endpoint;
    private final SmtpListener smtp;
    private final SentMail sentMail;

    private EndpointLocalAws(URI endpoint, SmtpListener smtp, SentMail sentMail) {
        this.endpoint = endpoint;
        this.smtp = smtp;
        this.sentMail = sentMail;
    }

    /**
     * Connects to {@code endpoint} (it must answer already) and starts the SMTP listener.
     *
     * @throws SentMail.Unreachable when the endpoint does not answer
     */
    static EndpointLocalAws start(URI endpoint, int smtpPort, String inboundDomain) {
        URI normalized = normalize(endpoint);
        SentMail sentMail = SentMail.probe(normalized);
        SmtpListener smtp = SmtpListener.start(smtpPort, List.of(inboundDomain), null);
        LOG.info("running on {} ({})", normalized, sentMail.describe());
        return new EndpointLocalAws(normalized, smtp, sentMail);
    }

    /**
     * {@code localhost} becomes {@code 127.0.0.1}: with a host name the SDK addresses S3 buckets
     * virtual-host style ({@code bucket.localhost}), which does not resolve; with an IP it uses paths.
     */
    static URI normalize(URI endpoint) {
        if (endpoint.getScheme() == null || endpoint.getHost() == null
                || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))) {
            throw new IllegalArgumentException("--aws-endpoint must be an http(s) URL such as http://127.0.0.1:5000, not '" + endpoint + "'");
        }
        String host = endpoint.getHost().equalsIgnoreCase("localhost") ? "127.0.0.1" : endpoint.getHost();
        return URI.create(endpoint.getScheme() + "://" + host + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort()));
    }

    @Override
    public Map<String, String> sdkSystemProperties() {
        String url = endpoint.toString();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("aws.region", REGION);
        properties.put("aws.accessKeyId", ACCESS_KEY_ID);
        properties.put("aws.secretAccessKey", SECRET_ACCESS_KEY);
        properties.put("aws.endpointUrlDynamoDb", url);
        properties.put("aws.endpointUrlSqs", url);
        properties.put("aws.endpointUrlS3", url);
        properties.put("aws.endpointUrlSesV2", url);
        properties.put("aws.endpointUrlSecretsManager", url);
        // the functions' HTTP client on Lambda; DynamoDB Local's Apache client is on this class path too
        properties.put("software.amazon.awssdk.http.service.impl", "software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService");
        return properties;
    }

    @Override
    public List<OutboxMail> sentMail() {
        return sentMail.read();
    }

    @Override
    public int smtpPort() {
        return smtp.port();
    }

    @Override
    public void setMailDelivery(MailDelivery delivery) {
        smtp.setDelivery(delivery);
    }

    @Override
    public String describe() {
        return endpoint + " (" + sentMail.describe() + ")";
    }

    @Override
    public void close() {
        smtp.close();
    }
}
