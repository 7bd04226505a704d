package dev.qmark.digest;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.dynamodb.DynamoDailyFigures;
import dev.qmark.aws.dynamodb.PrimingWrites;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.aws.ses.SesMailSender;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.ses.SesSending;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.config.ReportsConfig;
import dev.qmark.core.config.ReportsConfigReader;
import dev.qmark.core.reports.DailyDigest;
import dev.qmark.core.reports.DigestReader;
import dev.qmark.core.reports.TownHallReport;
import dev.qmark.core.sending.SendOnce;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The founder's reports, on an EventBridge schedule every 15 minutes: the daily digest
 * ({@link DailyDigest}) and the town-hall report ({@link TownHallReport}), each deciding by the
 * clock whether it is its time, each sent once. {@code {"report": …, "now": true}} (the local
 * system's {@code POST /_local/digest} and {@code /_local/town-hall}) sends one now if it was not
 * sent yet that day.
 */
public final class DigestHandler extends JsonStreamHandler<JsonNode, Object> {

    private final DailyDigest digest;
    private final TownHallReport townHall;
    private final SesMailSender ses;
    private final String tableName;

    public DigestHandler() {
        this(FunctionEnvironment.system());
    }

    public DigestHandler(FunctionEnvironment env) {
        super(JsonNode.class);
        QmarkConfig config = ConfigLoader.locate(env.require("QMARK_CONFIG"));
        ReportsConfig reports = ReportsConfigReader.locate(env.require("QMARK_CONFIG"));
        TablePorts table = new TablePorts(AwsClients.dynamoDb(), env.require("TABLE_NAME"));
        DynamoDailyFigures figures = new DynamoDailyFigures(AwsClients.dynamoDb(), env.require("TABLE_NAME"));
        // SES with the configuration set, untracked: the founder's reports are about no one item
        this.ses = SesSending.ses(config, env, AwsClients.ses());
        this.tableName = env.require("TABLE_NAME");
        SendOnce sendOnce = new SendOnce(table.mailClaims(), ses, env.clock());
        this.digest = new DailyDigest(config, reports, new DigestReader(figures, table.sweepList(),
                table.feedbackItems()::find, table.customerLetters()), sendOnce, env.clock());
        this.townHall = new TownHallReport(config, reports, figures, sendOnce, env.clock());
    }

    /**
     * The schedule's event carries nothing the reports need: each decides by the clock whether it is
     * its time. {@code {"report": "digest"|"town-hall", "now": true}} runs one of them now.
     */
    @Override
    protected Object handle(JsonNode event, Context context) {
        boolean now = event != null && event.path("now").asBoolean(false);
        String report = event == null ? "" : event.path("report").asText("");
        return switch (report) {
            case "digest" -> digest.run(now);
            case "town-hall" -> townHall.run(now);
            default -> {
                Map<String, Object> both = new LinkedHashMap<>();
                both.put("digest", digest.run(false));
                both.put("townHall", townHall.run(false));
                yield both;
            }
        };
    }

    /**
     * SnapStart priming: the schedule's event read and an answer written (no run); the digest of
     * 1 January 1970 read and composed as at its start (no clock is read into the snapshot, and the
     * reads find nothing), SES's request for it built and not sent; the town-hall report's figures
     * of that day read; the claim's and the mark's writes refused by their conditions. No day is
     * claimed, no mail sent.
     */
    @Override
    protected void prime() {
        // the schedule's event read, and an answer like the schedule's written, both without a run
        primeJsonPath("{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\",\"detail\":{}}",
                Map.of("digest", new DailyDigest.Outcome("primed", LocalDate.EPOCH, null, null)));
        ses.prime(digest.composeUnsent(LocalDate.EPOCH, Instant.EPOCH));
        townHall.read(LocalDate.EPOCH, LocalDate.EPOCH);
        PrimingWrites.run(AwsClients.dynamoDb(), tableName);
    }
}
