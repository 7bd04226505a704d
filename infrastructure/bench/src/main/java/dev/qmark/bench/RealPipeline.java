package dev.qmark.bench;

import dev.qmark.core.ports.FormAcknowledgements;

import dev.qmark.core.ports.Metrics;

import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.asking.Escalator;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.intake.FeedbackIntake;
import dev.qmark.core.intake.Submission;
import dev.qmark.mail.MimeParser;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.reply.ReplyIntake;
import dev.qmark.core.routing.Router;
import dev.qmark.core.routing.RoutingService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The services a feedback item passes through, unchanged, with the two SQS hops replaced by a
 * hand-over in memory: intake (store first), router (route, then request the "?"), escalator (claim,
 * mail through SES, mark asked) and, for answered items, the reply intake (the owner's reply mail
 * recorded as the answer, the founder told). What they write is what the functions write.
 */
final class RealPipeline {

    private final QmarkConfig config;
    private final ReplyTokens tokens;
    private final ReplyIntake replies;
    private final List<String> stored = new ArrayList<>();
    private final List<EscalationRequest> requested = new ArrayList<>();
    private final FeedbackIntake intake;
    private final RoutingService routing;
    private final Escalator escalator;

    /** Wired as the functions wire it, the texts of the mails sent kept too: what it writes is what they write. */
    RealPipeline(QmarkConfig config, TablePorts table, MailSender mail, ReplyTokens tokens, Clock clock) {
        this.config = config;
        this.tokens = tokens;
        this.intake = new FeedbackIntake(table.feedbackItems(), stored::add, FormAcknowledgements.NONE, Metrics.NONE, clock);
        this.routing = new RoutingService(table.feedbackItems(), requested::add, new Router(config), clock);
        this.escalator = new Escalator(config, table.feedbackItems(), table.escalations(), table.mailClaims(), mail, tokens, table.sentMailTexts(), null, Metrics.NONE, clock);
        this.replies = new ReplyIntake(config, table.feedbackItems(), table.escalations(), table.reviewQueue(), table.mailClaims(), mail, tokens, table.sentMailTexts(), null, Metrics.NONE, clock);
    }

    /** Stores a web submission as form-intake does; the new item's id. */
    String submit(Submission submission) {
        FeedbackIntake.Receipt receipt = intake.submit(submission, Channel.WEB);
        if (receipt.duplicate()) {
            throw new IllegalStateException("submission from " + submission.email() + " was taken for a duplicate");
        }
        stored.clear();
        return receipt.feedbackId();
    }

    /** Routes a stored item as the router does; the request for its first "?". */
    EscalationRequest route(String feedbackId) {
        routing.route(feedbackId);
        EscalationRequest request = requested.getLast();
        requested.clear();
        return request;
    }

    /** Sends the "?" as the escalator does: after this the escalation is OPEN and its clock runs. */
    void ask(EscalationRequest request) {
        Escalator.Outcome outcome = escalator.ask(request);
        if (outcome != Escalator.Outcome.ASKED) {
            throw new IllegalStateException("escalation " + request.feedbackId() + "-" + request.step() + ": " + outcome);
        }
    }

    /** The person asked replies to the "?" with {@code text}, as mail-intake receives it. */
    void answer(EscalationRequest request, String text) {
        String from = config.requireOwner(request.owner()).email();
        String replyTo = config.replyAddress(tokens.issue(request.feedbackId(), request.step()));
        String raw = "From: " + from + "\r\nTo: " + replyTo + "\r\nSubject: Re: ?\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text + "\r\n";
        String mailId = "bench-" + UUID.randomUUID();
        ReplyIntake.Outcome outcome = replies.accept(new MimeParser().parse(raw.getBytes(StandardCharsets.UTF_8)), mailId,
                        "s3://bench/inbound/" + mailId, List.of(replyTo));
        if (outcome.kind() != ReplyIntake.Outcome.Kind.ANSWERED) {
            throw new IllegalStateException("the answer to " + request.feedbackId() + " was not taken: " + outcome.reason());
        }
    }
}
