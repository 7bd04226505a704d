package dev.qmark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qmark.aws.AwsClients;
import dev.qmark.core.config.ConfigException;
import dev.qmark.local.LocalOptions;
import dev.qmark.local.LocalSystem;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code qmark bench lifecycle}: what one answered feedback, one reminder and one breach cost in AWS
 * calls and money. It starts the local system (the same handlers Lambda runs, on the embedded AWS,
 * no scheduled sweeps) and drives it from outside as people would: a form post, the owner's reply
 * over SMTP, the clock moved and a sweep run. {@link BillingMeter} meters every call the functions
 * and the glue make meanwhile; each scenario ends when its mails are out and nothing has called AWS
 * for a while.
 */
public final class LifecycleBench {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleBench.class);
    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalSystem system;
    private final Ledger ledger;
    private final HttpClient http = HttpClient.newHttpClient();

    private LifecycleBench(LocalSystem system, Ledger ledger) {
        this.system = system;
        this.ledger = ledger;
    }

    public static int main(List<String> args) {
        LifecyclePrices prices;
        try {
            prices = LifecyclePrices.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("qmark: " + e.getMessage());
            System.err.print(LifecyclePrices.USAGE);
            return 2;
        }
        PrintStream stdout = System.out;
        System.setOut(System.err);  // stdout carries the figures only
        try (LocalSystem system = LocalSystem.start(new LocalOptions(0, 0, prices.config(), null, null))) {
            Ledger ledger = new Ledger();
            DynamoDbClient images = AwsClients.dynamoDb();
            BillingMeter.start(images, ledger);
            List<Scenario> scenarios = new LifecycleBench(system, ledger).run();
            BillingMeter.stop();
            for (Scenario s : scenarios) {
                stdout.println(prices.json() ? s.json(prices) : s.text(prices));
            }
            if (!prices.json()) {
                stdout.println(prices.describe());
                stdout.println("machine: " + SweeperBench.machine());
            }
            stdout.flush();
            return 0;
        } catch (ConfigException e) {
            System.err.println("qmark: configuration refused: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            LOG.error("bench lifecycle failed", e);
            return 3;
        } finally {
            BillingMeter.stop();
            System.setOut(stdout);
        }
    }

    private List<Scenario> run() throws Exception {
        List<Scenario> scenarios = new ArrayList<>();
        // the first sweep of a container also looks for orphaned questions: once per container, not per item
        post("/_local/sweep", "");
        awaitQuiet();

        ledger.clear();
        String id = submit("minsu@example.org");
        JsonNode question = awaitMail(m -> m.path("subject").asText().startsWith("? ") && mentions(m, id));
        reply("dana@example.com", question, "It left our warehouse this morning; tracking number 1Z999.");
        awaitMail(m -> m.path("to").toString().contains("jeff@example.com") && mentions(m, id)
                && m.path("subject").asText().startsWith("Answered"));
        awaitQuiet();
        scenarios.add(Scenario.of("answered", "form post, route, \"?\", answer by mail, founder's mail", ledger));

        String late = submit("hana@example.org");
        awaitMail(m -> m.path("subject").asText().startsWith("? ") && mentions(m, late));
        awaitQuiet();
        int mails = outbox().size();
        advance("PT2H1M");  // half-way through Dana's four hours: the first reminder
        ledger.clear();
        post("/_local/sweep", "");
        awaitMails(mails + 1);
        awaitQuiet();
        scenarios.add(Scenario.of("reminder", "a sweep sending one reminder", ledger));

        advance("PT1H");    // one hour before the deadline: the second reminder, not measured
        post("/_local/sweep", "");
        awaitMails(mails + 2);
        awaitQuiet();
        advance("PT1H");    // the deadline passes
        ledger.clear();
        post("/_local/sweep", "");
        awaitMails(mails + 4);  // the late notice to Dana, the "?" to Olivia
        awaitQuiet();
        scenarios.add(Scenario.of("breach", "a sweep finding one breach: late, the owner told, the next person asked",
                ledger));
        return scenarios;
    }

    private static boolean mentions(JsonNode mail, String feedbackId) {
        return mail.toString().contains(feedbackId);
    }

    private String submit(String customer) throws IOException, InterruptedException {
        HttpResponse<String> posted = post("/feedback", "{\"name\":\"Minsu Kim\",\"email\":\"" + customer + "\","
                + "\"subject\":\"My delivery is late\",\"message\":\"Ordered Monday, still nothing. Where is it?\","
                + "\"rating\":2}");
        if (posted.statusCode() != 202) {
            throw new IllegalStateException("POST /feedback: " + posted.statusCode() + " " + posted.body());
        }
        return JSON.readTree(posted.body()).path("id").asText();
    }

    private void advance(String by) throws IOException, InterruptedException {
        post("/_local/clock", "{\"advance\":\"" + by + "\"}");
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + system.httpPort() + path);
    }

    private JsonNode outbox() throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(uri("/_local/outbox")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode awaitMail(Predicate<JsonNode> wanted) throws IOException, InterruptedException {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < until) {
            for (JsonNode mail : outbox()) {
                if (wanted.test(mail)) {
                    return mail;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the awaited mail did not come within " + PATIENCE + "; outbox: " + outbox());
    }

    private void awaitMails(int count) throws IOException, InterruptedException {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (outbox().size() < count) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("expected " + count + " mails; outbox: " + outbox());
            }
            Thread.sleep(100);
        }
    }

    /** Waits until no AWS call was metered for a while: the scenario's last writes are in. */
    private void awaitQuiet() throws InterruptedException {
        int seen = -1;
        long quietSince = System.nanoTime();
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() - quietSince < QUIET.toNanos()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("AWS calls did not stop: " + ledger.requests() + " and "
                        + ledger.dynamoCalls().size() + " DynamoDB calls");
            }
            int now = ledger.dynamoCalls().size() + ledger.requests().values().stream().mapToInt(Integer::intValue).sum();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            }
            Thread.sleep(100);
        }
    }

    /** The owner answers from their mail client: a reply to the "?"'s Reply-To, over SMTP as SES receives it. */
    private void reply(String from, JsonNode question, String text) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(system.smtpPort()));
        MimeMessage reply = new MimeMessage(Session.getInstance(props));
        reply.setFrom(new InternetAddress(from));
        reply.setRecipient(Message.RecipientType.TO, new InternetAddress(question.path("replyTo").get(0).asText()));
        reply.setSubject("Re: " + question.path("subject").asText(), "UTF-8");
        StringBuilder body = new StringBuilder(text).append("\n\nOn Monday, ").append(question.path("from").asText())
                .append(" wrote:\n");
        question.path("text").asText().lines().forEach(l -> body.append("> ").append(l).append('\n'));
        reply.setText(body.toString(), "UTF-8");
        Transport.send(reply);
    }

    /** One scenario's metered calls. */
    record Scenario(String name, String what, List<Ledger.DynamoCall> calls, DynamoBilling.Units units,
                    java.util.Map<String, DynamoBilling.Units> byFunction, java.util.Map<String, Integer> requests,
                    int sqs, int s3Put, int s3Get, int sesSent, int sesReceived) {

        static Scenario of(String name, String what, Ledger ledger) {
            int s3Put = ledger.requests("S3", "PutObject");
            return new Scenario(name, what, ledger.dynamoCalls(), ledger.dynamoUnits(), ledger.dynamoUnitsByFunction(),
                    ledger.requests(),
                    ledger.requests("Sqs"), s3Put, ledger.requests("S3", "GetObject"), ledger.requests("SesV2", "SendEmail"),
                    s3Put);  // each received mail is one object SES's receipt rule writes
        }

        double dynamoCost(LifecyclePrices p) {
            return units.write() * p.writeUnit() + units.read() * p.readUnit();
        }

        double otherCost(LifecyclePrices p) {
            return sqs * p.sqsRequest() + s3Put * p.s3Put() + s3Get * p.s3Get();
        }

        double sesCost(LifecyclePrices p) {
            return sesSent * p.sesSent() + sesReceived * p.sesReceived();
        }

        double reported() {
            return calls.stream().mapToDouble(Ledger.DynamoCall::reportedByEmulator).sum();
        }

        String json(LifecyclePrices p) {
            String indexes = units.indexWrites().entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\": " + SweeperBench.number(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
            String functions = byFunction.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\": {\"readUnits\": " + SweeperBench.number(e.getValue().read())
                            + ", \"writeUnits\": " + SweeperBench.number(e.getValue().write()) + "}")
                    .collect(Collectors.joining(", ", "{", "}"));
            return String.format(Locale.ROOT, "{\"scenario\": \"%s\", \"dynamoCalls\": %d, \"readUnits\": %s, "
                            + "\"writeUnits\": %s, \"tableWriteUnits\": %s, \"indexWriteUnits\": %s, \"byFunction\": %s, "
                            + "\"emulatorReportedUnits\": %s, \"sqsRequests\": %d, \"s3Puts\": %d, \"s3Gets\": %d, "
                            + "\"sesSent\": %d, \"sesReceived\": %d, \"usdPerMillion\": {\"dynamodb\": %s, "
                            + "\"sqsS3\": %s, \"ses\": %s, \"total\": %s, \"totalWithoutSes\": %s}}",
                    name, calls.size(), SweeperBench.number(units.read()), SweeperBench.number(units.write()),
                    SweeperBench.number(units.tableWrite()), indexes, functions, SweeperBench.number(reported()), sqs, s3Put,
                    s3Get, sesSent, sesReceived, SweeperBench.number(dynamoCost(p)), SweeperBench.number(otherCost(p)),
                    SweeperBench.number(sesCost(p)), SweeperBench.number(dynamoCost(p) + otherCost(p) + sesCost(p)),
                    SweeperBench.number(dynamoCost(p) + otherCost(p)));
        }

        String text(LifecyclePrices p) {
            StringBuilder out = new StringBuilder();
            out.append(name).append(" (").append(what).append("): ").append(calls.size()).append(" DynamoDB calls, ")
                    .append(SweeperBench.number(units.read())).append(" read units, ")
                    .append(SweeperBench.number(units.write())).append(" write units (table ")
                    .append(SweeperBench.number(units.tableWrite())).append(", indexes ").append(units.indexWrites())
                    .append("); DynamoDB Local reported ").append(SweeperBench.number(reported())).append('\n');
            out.append("  by function:");
            byFunction.forEach((function, u) -> out.append(' ').append(function).append(" r ")
                    .append(SweeperBench.number(u.read())).append(" w ").append(SweeperBench.number(u.write())).append(';'));
            out.append('\n');
            out.append("  other requests: ").append(requests).append('\n');
            out.append(String.format(Locale.ROOT, "  USD per million: DynamoDB %.2f, SQS+S3 %.2f, SES %.2f; total %.2f"
                            + " (%.2f without SES)%n", dynamoCost(p), otherCost(p), sesCost(p),
                    dynamoCost(p) + otherCost(p) + sesCost(p), dynamoCost(p) + otherCost(p)));
            for (Ledger.DynamoCall c : calls) {
                out.append(String.format(Locale.ROOT, "    %-12s %-18s r %-4s w %-4s (table %s, %s)%s [local %s]  %s%n",
                        c.function(), c.operation(), SweeperBench.number(c.units().read()), SweeperBench.number(c.units().write()),
                        SweeperBench.number(c.units().tableWrite()), c.units().indexWrites(),
                        c.conditionFailed() ? " condition failed" : "", SweeperBench.number(c.reportedByEmulator()),
                        c.what()));
            }
            return out.toString();
        }
    }
}
