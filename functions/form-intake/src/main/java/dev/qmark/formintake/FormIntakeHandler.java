package dev.qmark.formintake;

import dev.qmark.core.feedback.FeedbackIds;
import com.amazonaws.services.lambda.runtime.Context;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.dynamodb.PrimingWrites;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.core.feedback.Channel;
import dev.qmark.aws.secrets.ReplyTokenSecret;
import dev.qmark.aws.sqs.SqsEscalationQueue;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.customer.Ratings;
import dev.qmark.aws.lambda.HttpApiRequest;
import dev.qmark.aws.lambda.HttpApiResponse;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.metrics.EmfMetrics;
import dev.qmark.aws.snapstart.Priming;
import dev.qmark.aws.sqs.SqsFeedbackQueue;
import dev.qmark.aws.sqs.SqsJsonQueue;
import dev.qmark.core.intake.FeedbackIntake;

/**
 * {@code GET /} (the public form), {@code POST /feedback} and the rating pages
 * ({@code GET}/{@code POST /rate/{token}}, issue 9), behind API Gateway's HTTP API.
 * Built once per container; the work is in {@link FeedbackEndpoint}.
 */
public final class FormIntakeHandler extends JsonStreamHandler<HttpApiRequest, HttpApiResponse> {

    private final FunctionEnvironment env;
    private final QmarkConfig config;
    private final TablePorts table;
    private final SqsFeedbackQueue feedbackQueue;
    private final FeedbackIntake intake;
    private volatile FeedbackEndpoint endpoint;

    public FormIntakeHandler() {
        this(FunctionEnvironment.system());
    }

    public FormIntakeHandler(FunctionEnvironment env) {
        super(HttpApiRequest.class);
        this.env = env;
        this.config = ConfigLoader.locate(env.require("QMARK_CONFIG"));
        this.table = new TablePorts(AwsClients.dynamoDb(), env.require("TABLE_NAME"));
        this.feedbackQueue = new SqsFeedbackQueue(new SqsJsonQueue(AwsClients.sqs(), env.require("FEEDBACK_QUEUE_URL")));
        this.intake = new FeedbackIntake(table.feedbackItems(), feedbackQueue,
                // decides whether the router acknowledges the customer (limits per address and client)
                table.formAcknowledgements(),
                EmfMetrics.stdout(), env.clock());
        build();
    }

    /** The endpoint, with the rating links' secret as it is now (again after a SnapStart restore). */
    private void build() {
        Ratings ratings = new Ratings(config, table.feedbackItems(), table.customerLetters(),
                new SqsEscalationQueue(new SqsJsonQueue(AwsClients.sqs(), env.require("ESCALATION_QUEUE_URL"))),
                ReplyTokenSecret.load(env), env.clock());
        this.endpoint = new FeedbackEndpoint(intake, new RatingEndpoint(ratings));
    }

    @Override
    protected HttpApiResponse handle(HttpApiRequest request, Context context) {
        return endpoint.handle(request);
    }

    /**
     * The form page, a post the validator refuses (stores nothing), a read of the priming record; then
     * what a valid post runs after the validator, each step without its effect: the submission's
     * keys, the stored item's writes refused by their conditions, the enqueue refused by SQS, the
     * metric line written nowhere. (Without these a restored container's first post loaded about 230
     * classes of DynamoDB's transactions and SQS's SendMessage while the customer waited.)
     */
    @Override
    protected void prime() {
        handleForPriming(Priming.httpEvent("GET", "/", "text/html", null));
        handleForPriming(Priming.httpEvent("POST", "/feedback", "application/json", "{\"name\":\"\"}"));
        table.feedbackItems().find(FeedbackIds.PRIMING);
        Priming.sampleSubmission();
        PrimingWrites.run(AwsClients.dynamoDb(), env.require("TABLE_NAME"));
        feedbackQueue.prime();
        Priming.metricsToNowhere().feedbackReceived(Channel.WEB);
    }

    @Override
    protected void restored() {
        build();
    }
}
