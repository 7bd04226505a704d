package dev.qmark.sweeper;

import dev.qmark.core.feedback.FeedbackIds;
import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.AwsClients;
import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.Json;
import dev.qmark.aws.lambda.JsonStreamHandler;
import dev.qmark.aws.metrics.EmfMetrics;
import dev.qmark.aws.secrets.ReplyTokenSecret;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.aws.ses.SesMailSender;
import dev.qmark.aws.ses.SesSending;
import dev.qmark.aws.snapstart.Priming;
import dev.qmark.core.asking.QuestionMail;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.Owner;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.ports.Metrics;
import dev.qmark.core.sweep.SweepReport;
import dev.qmark.core.sweep.Sweeper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Invoked every minute by an EventBridge schedule: runs the clocks (see {@link Sweeper}). */
public final class SweeperHandler extends JsonStreamHandler<JsonNode, SweepReport> {

    private final FunctionEnvironment env;
    private final QmarkConfig config;
    private final TablePorts table;
    private final SesMailSender ses;
    private final MailSender mail;
    private final Metrics metrics;
    private volatile Sweeper sweeper;

    public SweeperHandler() {
        this(FunctionEnvironment.system());
    }

    public SweeperHandler(FunctionEnvironment env) {
        this(env, EmfMetrics.stdout());
    }

    SweeperHandler(FunctionEnvironment env, Metrics metrics) {
        super(JsonNode.class);
        this.env = env;
        this.metrics = metrics;
        this.config = ConfigLoader.locate(env.require("QMARK_CONFIG"));
        this.table = new TablePorts(AwsClients.dynamoDb(), env.require("TABLE_NAME"));
        this.ses = SesSending.ses(config, env, AwsClients.ses());
        this.mail = SesSending.tracked(config, env, ses, table);
        build();
    }

    /** The sweeper, with the reply-token secret as it is now (again after a SnapStart restore). */
    private void build() {
        this.sweeper = new Sweeper(config, table.feedbackItems(), table.escalations(), table.sweepList(), table.mailClaims(),
                mail, ReplyTokenSecret.load(env), table.sentMailTexts(), env.clock());
    }

    /**
     * Time kept back at the end of an invocation: one check (a few reads, a write, a mail) must
     * finish before Lambda stops the function, or its work is done again by the next sweep.
     */
    static final long RESERVE_MILLIS = 5_000;

    /**
     * The scheduled event carries nothing the sweep needs: the time comes from the clock. The sweep
     * stops while there is time left; what it leaves heads the deadline index for the next one.
     * Its figures go out as metrics: how long it ran and what was due (the dashboard's "is the
     * sweeper keeping up"), the deadlines breached and the "?" mails it sent up the chain.
     */
    @Override
    protected SweepReport handle(JsonNode scheduledEvent, Context context) {
        long started = System.nanoTime();
        SweepReport report = sweeper.sweep(() -> context == null || context.getRemainingTimeInMillis() > RESERVE_MILLIS);
        metrics.swept(Duration.ofNanos(System.nanoTime() - started), report.figures().due());
        metrics.breached(report.breached().size());
        metrics.questionsSent(report.escalated().size() + report.orphaned().size());
        return report;
    }

    /**
     * The deadline index read as of 1970 (nothing is due then), a "?" composed as the chain's next
     * one is and not sent, a report written as JSON. No sweep: a sweep acts.
     */
    @Override
    protected void prime() {
        table.sweepList().dueEscalations(Instant.EPOCH, 1, null);
        table.feedbackItems().findRecord(FeedbackIds.PRIMING);
        Priming.conditionalWrites(table.escalations());
        Owner founder = config.founder();
        ses.prime(new QuestionMail(config).compose(Priming.sampleFeedback(), Priming.sampleEscalation(founder), founder,
                config.replyAddress("priming"), List.of(), List.of()));
        try {
            Json.MAPPER.writeValueAsString(new SweepReport(Instant.EPOCH, 0,
                    new SweepReport.Figures(0, 0, 0, 0, 0, 0, 0, false),
                    List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void restored() {
        build();
    }
}
