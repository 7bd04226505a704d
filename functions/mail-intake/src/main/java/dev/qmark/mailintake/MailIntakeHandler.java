package dev.qmark.mailintake;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.s3.S3RawMailStore;
import dev.qmark.aws.secrets.ReplyTokenSecret;
import dev.qmark.aws.ses.SesSending;
import dev.qmark.aws.sqs.SqsFeedbackQueue;
import dev.qmark.aws.sqs.SqsJsonQueue;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.customer.CustomerRelay;
import dev.qmark.core.intake.CustomerMailIntake;
import dev.qmark.core.intake.InboundMailDecision;
import dev.qmark.core.intake.StuckFeedback;
import dev.qmark.core.ports.MailSender;
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
        TablePorts table = new TablePorts(AwsClients.dynamoDb(), env.require("TABLE_NAME"));
        MailSender mail = SesSending.sender(config, env, AwsClients.ses(), table);
        ReplyTokens tokens = ReplyTokenSecret.load(env);
        SqsFeedbackQueue feedbackQueue = new SqsFeedbackQueue(new SqsJsonQueue(AwsClients.sqs(), env.require("FEEDBACK_QUEUE_URL")));
        this.intake = new MailIntake(
                new S3RawMailStore(AwsClients.s3()),
                env.require("MAIL_BUCKET"),
                env.require("MAIL_PREFIX"),
                new ReplyIntake(config, table.feedbackItems(), table.escalations(), table.reviewQueue(),
                        table.mailClaims(), mail, tokens, table.sentMailTexts(), table.customerLetters(), env.clock()),
                new CustomerMailIntake(config, table.feedbackItems(), table.mailThreads(), table.reviewQueue(),
                        feedbackQueue, mail, env.clock()),
                new CustomerRelay(config, table.feedbackItems(), table.reviewQueue(), table.mailClaims(), table.mailThreads(),
                        table.customerLetters(), table.sentMailTexts(), mail, tokens, env.require("PUBLIC_URL"), env.clock()),
                new InboundMailDecision(config),
                table.reviewQueue(),
                table.receivedMails(),
                env.clock());
        this.recovery = new Recovery(intake,
                new StuckFeedback(table.unfinishedFeedback(), feedbackQueue, env.clock()), env.clock());
    }

    @Override
    protected Object handle(JsonNode event, Context context) {
        if ("aws.events".equals(event.path("source").asText())) {
            return recovery.run();
        }
        return intake.handle(event);
    }
}
