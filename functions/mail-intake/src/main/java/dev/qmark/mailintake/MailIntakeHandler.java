package dev.qmark.mailintake;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.dynamodb.DynamoFeedbackRepository;
import dev.qmark.aws.dynamodb.DynamoSentMailTexts;
import dev.qmark.aws.dynamodb.DynamoReceivedMails;
import dev.qmark.aws.dynamodb.DynamoUnfinishedFeedback;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.s3.S3RawMailStore;
import dev.qmark.aws.secrets.ReplyTokenSecret;
import dev.qmark.aws.ses.SesMailSender;
import dev.qmark.aws.sqs.SqsFeedbackQueue;
import dev.qmark.aws.sqs.SqsJsonQueue;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.reports.DigestReply;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.intake.CustomerMailIntake;
import dev.qmark.core.intake.StuckFeedback;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.reply.ReplyIntake;

/**
 * Invoked by SES receiving (after its S3 action stored the raw mail) or by an S3 ObjectCreated
 * notification; reads each mail and applies it. See {@link MailIntake}. Invoked by its schedule
 * (EventBridge, {@code "source": "aws.events"}), it finishes unfinished intake instead: received
 * mail it never finished, and stored feedback that never reached the router ({@link Recovery}).
 */
public final class MailIntakeHandler extends JsonStreamHandler<JsonNode, Object> {

    private final MailIntake intake;
    private final Recovery recovery;

    public MailIntakeHandler() {
        this(FunctionEnvironment.system());
    }

    public MailIntakeHandler(FunctionEnvironment env) {
        super(JsonNode.class);
        QmarkConfig config = ConfigLoader.locate(env.require("QMARK_CONFIG"));
        FeedbackRepository repository = new DynamoFeedbackRepository(AwsClients.dynamoDb(), env.require("TABLE_NAME"));
        SesMailSender mail = new SesMailSender(AwsClients.ses(), config.inboundDomain(), env.clock());
        SqsFeedbackQueue feedbackQueue = new SqsFeedbackQueue(new SqsJsonQueue(AwsClients.sqs(), env.require("FEEDBACK_QUEUE_URL")));
        ReplyTokens tokens = ReplyTokenSecret.load(env);
        this.intake = new MailIntake(
                new S3RawMailStore(AwsClients.s3()),
                env.require("MAIL_BUCKET"),
                env.require("MAIL_PREFIX"),
                new ReplyIntake(config, repository, mail, tokens,
                        new DynamoSentMailTexts(AwsClients.dynamoDb(), env.require("TABLE_NAME")), env.clock()),
                new CustomerMailIntake(config, repository, feedbackQueue, mail, env.clock()),
                new DigestReply(config, repository, mail, tokens, env.clock()),
                config.inboundDomain(),
                repository,
                new DynamoReceivedMails(AwsClients.dynamoDb(), env.require("TABLE_NAME")),
                env.clock());
        this.recovery = new Recovery(intake,
                new StuckFeedback(new DynamoUnfinishedFeedback(AwsClients.dynamoDb(), env.require("TABLE_NAME")),
                        feedbackQueue, env.clock()), env.clock());
    }

    @Override
    protected Object handle(JsonNode event, Context context) {
        if ("aws.events".equals(event.path("source").asText())) {
            return recovery.run();
        }
        return intake.handle(event);
    }
}
