package dev.qmark.staffapi;

import dev.qmark.core.feedback.FeedbackIds;
import com.amazonaws.services.lambda.runtime.Context;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.dynamodb.DynamoDailyFigures;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.config.ReportsConfigReader;
import dev.qmark.core.reports.Stats;
import dev.qmark.core.reports.TownHallReport;
import dev.qmark.aws.lambda.HttpApiRequest;
import dev.qmark.aws.lambda.HttpApiResponse;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.snapstart.Priming;

/** The read side for people and tools: {@code GET /feedback}, {@code /feedback/{id}}, {@code /escalations}, {@code /review}, and the founder's {@code /stats} and {@code /reports/town-hall} (IAM-protected in AWS). */
public final class StaffApiHandler extends JsonStreamHandler<HttpApiRequest, HttpApiResponse> {

    private final StaffApi api;
    private final ReportsApi reports;

    public StaffApiHandler() {
        this(FunctionEnvironment.system());
    }

    public StaffApiHandler(FunctionEnvironment env) {
        super(HttpApiRequest.class);
        TablePorts table = new TablePorts(AwsClients.dynamoDb(), env.require("TABLE_NAME"));
        this.api = new StaffApi(table.feedbackItems(), table.sweepList(), table.reviewQueue(), table.customerLetters(),
                table.suppressions());
        // the founder's figures: the daily aggregates only (GET /stats, GET /reports/town-hall)
        QmarkConfig config = ConfigLoader.locate(env.require("QMARK_CONFIG"));
        DynamoDailyFigures figures = new DynamoDailyFigures(AwsClients.dynamoDb(), env.require("TABLE_NAME"));
        TownHallReport townHall = new TownHallReport(config, ReportsConfigReader.locate(env.require("QMARK_CONFIG")), figures,
                null, env.clock());
        this.reports = new ReportsApi(new Stats(figures), (from, to) -> townHall.html(townHall.read(from, to)));
    }

    @Override
    protected HttpApiResponse handle(HttpApiRequest request, Context context) {
        return ReportsApi.serves(request.rawPath()) ? reports.handle(request) : api.handle(request);
    }

    /** Staff reads: the priming record (not found), a page of feedback, of open escalations. Read-only. */
    @Override
    protected void prime() {
        handleForPriming(Priming.httpEvent("GET", "/feedback/" + FeedbackIds.PRIMING, "application/json", null));
        handleForPriming(Priming.httpEvent("GET", "/feedback", "application/json", null));
        handleForPriming(Priming.httpEvent("GET", "/escalations", "application/json", null));
    }
}
