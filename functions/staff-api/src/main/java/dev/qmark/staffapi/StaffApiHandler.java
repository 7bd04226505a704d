package dev.qmark.staffapi;

import com.amazonaws.services.lambda.runtime.Context;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.lambda.HttpApiRequest;
import dev.qmark.aws.lambda.HttpApiResponse;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.snapstart.Priming;

/** The read side for people and tools: {@code GET /feedback} and {@code GET /feedback/{id}} (IAM-protected in AWS). */
public final class StaffApiHandler extends JsonStreamHandler<HttpApiRequest, HttpApiResponse> {

    private final StaffApi api;

    public StaffApiHandler() {
        this(FunctionEnvironment.system());
    }

    public StaffApiHandler(FunctionEnvironment env) {
        super(HttpApiRequest.class);
        TablePorts table = new TablePorts(AwsClients.dynamoDb(), env.require("TABLE_NAME"));
        this.api = new StaffApi(table.feedbackItems(), table.sweepList(), table.reviewQueue(), table.customerLetters(),
                table.suppressions());
    }

    @Override
    protected HttpApiResponse handle(HttpApiRequest request, Context context) {
        return api.handle(request);
    }

    /** Staff reads: the priming record (not found), a page of feedback, of open escalations. Read-only. */
    @Override
    protected void prime() {
        handleForPriming(Priming.httpEvent("GET", "/feedback/" + Priming.FEEDBACK_ID, "application/json", null));
        handleForPriming(Priming.httpEvent("GET", "/feedback", "application/json", null));
        handleForPriming(Priming.httpEvent("GET", "/escalations", "application/json", null));
    }
}
