package dev.qmark.mailintake;

import dev.qmark.core.feedback.FeedbackIds;
import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import dev.qmark.aws.dynamodb.PrimingWrites;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.core.feedback.Channel;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.metrics.EmfMetrics;
import dev.qmark.aws.s3.S3RawMailStore;
import dev.qmark.aws.secrets.ReplyTokenSecret;
import dev.qmark.aws.ses.SesSending;
import dev.qmark.aws.ses.SesMailSender;
import dev.qmark.aws.snapstart.Priming;
import dev.qmark.aws.sqs.SqsFailedMailIntakes;
import dev.qmark.aws.sqs.SqsFeedbackQueue;
import dev.qmark.aws.sqs.SqsJsonQueue;
import dev.qmark.core.asking.QuestionMail;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.Owner;
import dev.qmark.core.reports.DigestReply;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.customer.CustomerRelay;
import dev.qmark.core.intake.CustomerMailIntake;
import dev.qmark.core.intake.InboundMailDecision;
import dev.qmark.core.intake.StuckFeedback;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.ports.Metrics;
import dev.qmark.core.reply.ReplyIntake;
import dev.qmark.mail.MimeComposer;
import dev.qmark.mail.OutgoingMail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Invoked by SES receiving (after its S3 action stored the raw mail) or by an S3 ObjectCreated
 * notification; reads each mail and applies it. See {@link MailIntake}. Invoked by its schedule
 * (EventBridge, {@code "source": "aws.events"}), it finishes unfinished intake instead: received
 * mail whose invocation failed every attempt (its DLQ), and stored feedback that never reached the
 * router ({@link Recovery}).
 */
public final class MailIntakeHandler extends JsonStreamHandler<JsonNode, Object> {

    private final FunctionEnvironment env;
    private final QmarkConfig config;
    private final TablePorts table;
    private final SesMailSender ses;
    private final MailSender mail;
    private final SqsFeedbackQueue feedbackQueue;
    private final S3RawMailStore store;
    private final Metrics metrics = EmfMetrics.stdout();
    private volatile MailIntake intake;
    private volatile Recovery recovery;

    public MailIntakeHandler() {
        this(FunctionEnvironment.system());
    }

    public MailIntakeHandler(FunctionEnvironment env) {
        super(JsonNode.class);
        this.env = env;
        this.config = ConfigLoader.locate(env.require("QMARK_CONFIG"));
        this.table = new TablePorts(AwsClients.dynamoDb(), env.require("TABLE_NAME"));
        this.ses = SesSending.ses(config, env, AwsClients.ses());
        this.mail = SesSending.tracked(config, env, ses, table);
        this.feedbackQueue = new SqsFeedbackQueue(new SqsJsonQueue(AwsClients.sqs(), env.require("FEEDBACK_QUEUE_URL")));
        this.store = new S3RawMailStore(AwsClients.s3());
        build();
    }

    /** The services, with the reply-token secret as it is now (again after a SnapStart restore). */
    private void build() {
        ReplyTokens tokens = ReplyTokenSecret.load(env);
        MailIntake built = new MailIntake(
                store,
                env.require("MAIL_BUCKET"),
                env.require("MAIL_PREFIX"),
                new ReplyIntake(config, table.feedbackItems(), table.escalations(), table.reviewQueue(),
                        table.mailClaims(), mail, tokens, table.sentMailTexts(), table.customerLetters(), metrics, env.clock()),
                new CustomerMailIntake(config, table.feedbackItems(), table.mailThreads(), table.reviewQueue(),
                        feedbackQueue, mail, metrics, env.clock()),
                new CustomerRelay(config, table.feedbackItems(), table.reviewQueue(), table.mailClaims(), table.mailThreads(),
                        table.customerLetters(), table.sentMailTexts(), mail, tokens, env.require("PUBLIC_URL"), env.clock()),
                new DigestReply(config, table.feedbackItems(), table.reviewQueue(), table.mailClaims(), mail, tokens, env.clock()),
                new InboundMailDecision(config),
                table.reviewQueue(),
                new SqsFailedMailIntakes(AwsClients.sqs(), env.require("MAIL_INTAKE_DLQ_URL")),
                env.clock());
        this.recovery = new Recovery(built,
                new StuckFeedback(table.unfinishedFeedback(), feedbackQueue, env.clock()), env.clock());
        this.intake = built;
    }

    @Override
    protected Object handle(JsonNode event, Context context) {
        if ("aws.events".equals(event.path("source").asText())) {
            return recovery.run();
        }
        return intake.handle(event);
    }

    /**
     * A "?" as Qmark writes it, composed and read back as a received mail named by an SES receiving
     * event (both read as a real event's are, and decided on), the SES path to SES (nothing sent), the
     * priming record read, an S3 read of a key nothing is stored under; the table's writes refused
     * by their conditions, the enqueue refused by SQS, metric lines written nowhere.
     */
    @Override
    protected void prime() {
        Owner founder = config.founder();
        OutgoingMail question = new QuestionMail(config).compose(Priming.sampleFeedback(),
                Priming.sampleEscalation(founder), founder, config.replyAddress("priming"), List.of(), List.of());
        ses.prime(question);
        byte[] raw = new MimeComposer().compose(question, config.inboundDomain(), Instant.EPOCH).mime();
        try {
            intake.prime(Json.MAPPER.readTree(Priming.sesReceiptEvent(founder.email(), config.replyAddress("priming"))), raw);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        table.feedbackItems().findRecord(FeedbackIds.PRIMING);
        Priming.conditionalWrites(table.escalations());
        PrimingWrites.run(AwsClients.dynamoDb(), env.require("TABLE_NAME"));
        feedbackQueue.prime();
        Metrics nowhere = Priming.metricsToNowhere();
        nowhere.feedbackReceived(Channel.EMAIL);
        nowhere.answered(Duration.ofHours(1), false);
        store.prime(S3RawMailStore.location(env.require("MAIL_BUCKET"), env.require("MAIL_PREFIX") + FeedbackIds.PRIMING));
    }

    @Override
    protected void restored() {
        build();
    }
}
