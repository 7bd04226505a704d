package dev.qmark.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * SES v2's REST-JSON SendEmail ({@code POST /v2/email/outbound-emails}) with Raw content (all Qmark sends),
 * validated the way SES validates it, every accepted mail going to the {@link Outbox}; and
 * CreateEmailIdentity ({@code POST /v2/email/identities}), for the senders SES lets send.
 */
final class SesApi implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEND_EMAIL_PATH = "/v2/email/outbound-emails";
    private static final String IDENTITIES_PATH = "/v2/email/identities";
    private static final String CONFIGURATION_SETS_PATH = "/v2/email/configuration-sets";

    /** SES v2's limits: 50 recipients per message, 40 MB per raw message. */
    private static final int MAX_RECIPIENTS = 50;
    private static final int MAX_MESSAGE_BYTES = 40 * 1024 * 1024;
    /** What SES allows in a message tag's name and value (MessageTag). */
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{0,256}");

    private final Outbox outbox;
    private final SesIdentities identities;
    private final MailboxSimulator simulator;

    SesApi(Outbox outbox, SesIdentities identities, MailboxSimulator simulator) {
        this.outbox = outbox;
        this.identities = identities;
        this.simulator = simulator;
    }

    /** An SES error: HTTP status and the error type the SDK turns into an exception class. */
    private static final class SesError extends Exception {
        private static final long serialVersionUID = 1L;

        final int status;
        final String type;

        SesError(int status, String type, String message) {
            super(message, null, false, false);
            this.status = status;
            this.type = type;
        }
    }

    private static SesError badRequest(String message) {
        return new SesError(400, "BadRequestException", message);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        byte[] body = HttpRequests.readBody(exchange, MAX_MESSAGE_BYTES * 2L);
        try {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST") && IDENTITIES_PATH.equals(path) && body != null) {
                HttpRequests.send(exchange, 200, "application/json", JSON.writeValueAsBytes(createEmailIdentity(body)));
                return;
            }
            if (exchange.getRequestMethod().equals("POST") && CONFIGURATION_SETS_PATH.equals(path)) {
                // CreateConfigurationSet: every set publishes to the listeners (MailboxSimulator)
                HttpRequests.send(exchange, 200, "application/json", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
            if (!exchange.getRequestMethod().equals("POST") || !SEND_EMAIL_PATH.equals(path)) {
                throw new SesError(404, "NotFoundException", "The Qmark SES stand-in implements only SendEmail "
                        + "(POST " + SEND_EMAIL_PATH + ") and CreateEmailIdentity (POST " + IDENTITIES_PATH
                        + "), not " + exchange.getRequestMethod() + " " + path);
            }
            if (body == null) {
                throw badRequest("Message length exceeds the limit of " + MAX_MESSAGE_BYTES + " bytes");
            }
            Map<String, String> tags = emailTags(object(body));
            OutboxMail mail = sendEmail(body);
            outbox.add(mail);
            // after the answer's content is known: what SES does with the mail next (events, simulator replies)
            List<String> destination = new ArrayList<>(mail.to());
            destination.addAll(mail.cc());
            simulator.accepted(mail, destination, text(object(body), "ConfigurationSetName"), tags);
            ObjectNode answer = JSON.createObjectNode().put("MessageId", mail.messageId());
            HttpRequests.send(exchange, 200, "application/json", JSON.writeValueAsBytes(answer));
        } catch (SesError e) {
            // restJson1: the SDK reads the error type from this header and the text from "message".
            exchange.getResponseHeaders().set("x-amzn-ErrorType", e.type);
            ObjectNode error = JSON.createObjectNode().put("message", e.getMessage());
            HttpRequests.send(exchange, e.status, "application/json", JSON.writeValueAsBytes(error));
        }
    }

    /**
     * An address or a domain, verified at once (nobody here clicks a link or publishes DKIM
     * records). As SES: AlreadyExistsException when it is there already.
     */
    private ObjectNode createEmailIdentity(byte[] body) throws SesError {
        String identity = text(object(body), "EmailIdentity");
        if (identity == null || identity.isBlank()) {
            throw badRequest("Missing required field EmailIdentity");
        }
        if (!SesIdentities.isDomain(identity)) {
            identity = address(identity).getAddress();
        }
        if (!identities.create(identity)) {
            throw new SesError(400, "AlreadyExistsException", "Email identity " + identity + " already exists.");
        }
        ObjectNode answer = JSON.createObjectNode()
                .put("IdentityType", SesIdentities.isDomain(identity) ? "DOMAIN" : "EMAIL_ADDRESS")
                .put("VerifiedForSendingStatus", true);
        answer.putObject("DkimAttributes").put("SigningEnabled", false).put("Status", "NOT_STARTED");
        return answer;
    }

    private static JsonNode object(byte[] body) throws SesError {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            throw new SesError(400, "SerializationException", "The request body is not valid JSON");
        }
        if (request == null || !request.isObject()) {
            throw new SesError(400, "SerializationException", "The request body is not a JSON object");
        }
        return request;
    }

    private OutboxMail sendEmail(byte[] body) throws SesError {
        JsonNode request = object(body);
        JsonNode content = request.path("Content");
        int kinds = (content.has("Simple") ? 1 : 0) + (content.has("Raw") ? 1 : 0) + (content.has("Template") ? 1 : 0);
        if (kinds != 1) {
            throw badRequest("Content must contain exactly one of Simple, Raw or Template");
        }
        if (!content.has("Raw")) {
            // Qmark composes its own MIME (plain and HTML parts, its own headers) and sends it Raw.
            throw badRequest("The Qmark SES stand-in takes Raw content only, which is all Qmark sends");
        }

        JsonNode destination = request.path("Destination");
        List<InternetAddress> to = addresses(destination.path("ToAddresses"));
        List<InternetAddress> cc = addresses(destination.path("CcAddresses"));
        List<InternetAddress> bcc = addresses(destination.path("BccAddresses"));
        List<InternetAddress> replyTo = addresses(request.path("ReplyToAddresses"));
        String fromField = text(request, "FromEmailAddress");
        InternetAddress from = fromField == null ? null : address(fromField);

        String messageId = newMessageId();
        byte[] raw = rawData(content.path("Raw"));

        MimeMail.Parsed parsed;
        try {
            parsed = MimeMail.parse(raw);
        } catch (MessagingException | IOException e) {
            throw badRequest("The raw message is not valid MIME: " + e.getMessage());
        }
        String sender = from != null ? from.getAddress() : parsed.from();
        if (sender == null) {
            throw badRequest("Missing required header 'From'.");
        }
        if (!identities.maySend(sender)) {
            // SES's words and error type for an unverified sender (moto says it in its own words)
            throw new SesError(400, "MessageRejected", "Email address is not verified. The following identities "
                    + "failed the check in region US-EAST-1: " + sender);
        }
        List<String> allTo = union(parsed.to(), to);
        List<String> allCc = union(parsed.cc(), cc);
        List<String> bccHeader = MimeMail.addresses(parsed.headers().get("bcc"));
        int recipients = allTo.size() + allCc.size() + union(bccHeader, bcc).size();
        if (recipients == 0) {
            throw badRequest("No recipients: give Destination addresses or To/Cc/Bcc headers");
        }
        if (recipients > MAX_RECIPIENTS) {
            throw badRequest("Recipient count exceeds " + MAX_RECIPIENTS + ".");
        }
        return new OutboxMail(messageId, sender, allTo, allCc, union(parsed.replyTo(), replyTo),
                parsed.subject(), parsed.text(), parsed.html(), parsed.headers(), Instant.now(), raw);
    }

    /**
     * SendEmail's {@code EmailTags} ([{Name, Value}]), checked as SES documents them (MessageTag): names and
     * values of ASCII letters, digits, {@code _} and {@code -}, at most 256 characters each. SES returns them
     * in every event of the mail ({@code mail.tags}).
     */
    private static Map<String, String> emailTags(JsonNode request) throws SesError {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode tag : request.path("EmailTags")) {
            String name = text(tag, "Name");
            String value = text(tag, "Value");
            if (name == null || value == null) {
                throw badRequest("A message tag needs a Name and a Value");
            }
            if (!TAG.matcher(name).matches() || name.isEmpty()) {
                throw badRequest("Invalid message tag name '" + name + "': ASCII letters, numbers, underscores (_) "
                        + "or dashes (-), 256 characters or fewer");
            }
            if (!TAG.matcher(value).matches()) {
                throw badRequest("Invalid message tag value '" + value + "' of '" + name + "': ASCII letters, numbers, "
                        + "underscores (_) or dashes (-), 256 characters or fewer");
            }
            tags.put(name, value);
        }
        return tags;
    }

    private static byte[] rawData(JsonNode raw) throws SesError {
        String data = text(raw, "Data");
        if (data == null || data.isEmpty()) {
            throw badRequest("Missing required field Content.Raw.Data");
        }
        try {
            // A blob in JSON is base64; tolerate line breaks as the MIME decoder would not reject them.
            return Base64.getDecoder().decode(data.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw badRequest("Content.Raw.Data is not valid base64");
        }
    }

    private static List<InternetAddress> addresses(JsonNode array) throws SesError {
        List<InternetAddress> result = new ArrayList<>();
        for (JsonNode value : array) {
            result.add(address(value.asText()));
        }
        return result;
    }

    private static InternetAddress address(String value) throws SesError {
        try {
            return MimeMail.strictAddress(value);
        } catch (AddressException e) {
            throw new SesError(400, "BadRequestException", "Illegal address: " + value);
        }
    }

    /** Header addresses first, then those only in the request; compared case-insensitively. */
    private static List<String> union(List<String> fromHeaders, List<?> fromRequest) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String address : fromHeaders) {
            byKey.putIfAbsent(address.toLowerCase(Locale.ROOT), address);
        }
        for (Object address : fromRequest) {
            String bare = address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
            byKey.putIfAbsent(bare.toLowerCase(Locale.ROOT), bare);
        }
        return List.copyOf(byKey.values());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Shaped like SES's: 0100 + hex time, a UUID, -000000. */
    private static String newMessageId() {
        return "0100" + HexFormat.of().toHexDigits(System.currentTimeMillis()).substring(4) + "-"
                + UUID.randomUUID() + "-000000";
    }
}
