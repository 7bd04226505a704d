package dev.qmark.digest;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.dynamodb.DynamoDailyFigures;
import dev.qmark.aws.dynamodb.DynamoFeedbackRepository;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.ses.SesMailSender;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.config.ReportsConfig;
import dev.qmark.core.config.ReportsConfigReader;
import dev.qmark.core.reports.DailyDigest;
import dev.qmark.core.reports.DigestReader;
import dev.qmark.core.reports.TownHallReport;
import dev.qmark.core.sending.SendOnce;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The founder's reports, on EventBridge schedules: every 15 minutes the digest
 * ({@code {"report": "digest"}}; {@link DailyDigest} decides whether it is time), and the town-hall
 * report ({@code {"report": "town-hall"}}). {@code "now": true} (the local system's
 * {@code POST /_local/digest}) sends today's at once if it was not sent yet.
 */
public final class DigestHandler extends JsonStreamHandler<JsonNode, Object> {

    private final DailyDigest digest;
    private final TownHallReport townHall;

    public DigestHandler() {
        this(FunctionEnvironment.system());
    }

    public DigestHandler(FunctionEnvironment env) {
        super(JsonNode.class);
        QmarkConfig config = ConfigLoader.locate(env.require("QMARK_CONFIG"));
        ReportsConfig reports = ReportsConfigReader.locate(env.require("QMARK_CONFIG"));
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        String table = env.require("TABLE_NAME");
        DynamoFeedbackRepository repository = new DynamoFeedbackRepository(dynamo, table);
        DynamoDailyFigures figures = new DynamoDailyFigures(dynamo, table);
        SendOnce sendOnce = new SendOnce(repository, new SesMailSender(AwsClients.ses(), config.inboundDomain(), env.clock()),
                env.clock());
        this.digest = new DailyDigest(config, reports, new DigestReader(figures, repository, repository::find), sendOnce,
                env.clock());
        this.townHall = new TownHallReport(config, reports, figures, sendOnce, env.clock());
    }

    @Override
    protected Object handle(JsonNode event, Context context) {
        boolean now = event != null && event.path("now").asBoolean(false);
        String report = event == null ? "digest" : event.path("report").asText("digest");
        return report.equals("town-hall") ? townHall.run(now) : digest.run(now);
    }
}
