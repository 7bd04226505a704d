package dev.qmark.formintake;

import dev.qmark.aws.lambda.FormUrlEncoded;
import dev.qmark.aws.lambda.HttpApiRequest;
import dev.qmark.aws.lambda.HttpApiResponse;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.intake.FeedbackIntake;
import dev.qmark.core.intake.FieldError;
import dev.qmark.core.intake.SubmissionValidator;
import dev.qmark.formintake.pages.ErrorPage;
import dev.qmark.formintake.pages.FeedbackFormPage;
import dev.qmark.formintake.pages.Language;
import dev.qmark.formintake.pages.ThankYouPage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public endpoint: serves the form and takes submissions as JSON (API clients) or as form
 * posts (browsers, which get pages back). Refuses oversized bodies and bad fields with an answer
 * that names the problem; silently drops what only a bot fills in.
 */
final class FeedbackEndpoint {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackEndpoint.class);

    private final FeedbackIntake intake;
    private final RatingEndpoint ratings;
    private final SubmissionValidator validator = new SubmissionValidator();

    FeedbackEndpoint(FeedbackIntake intake) {
        this(intake, null);
    }

    /** @param ratings the rating pages ({@code /rate/{token}}), or null where they are not served */
    FeedbackEndpoint(FeedbackIntake intake, RatingEndpoint ratings) {
        this.intake = intake;
        this.ratings = ratings;
    }

    HttpApiResponse handle(HttpApiRequest request) {
        String method = request.method().toUpperCase(Locale.ROOT);
        String path = request.rawPath() == null ? "/" : request.rawPath();
        Language lang = Language.fromAcceptLanguage(request.header("accept-language"), request.query("lang"));
        if (method.equals("GET") && (path.equals("/") || path.isEmpty())) {
            return HttpApiResponse.html(200, FeedbackFormPage.render(lang, Map.of(), Map.of()));
        }
        if (ratings != null && path.startsWith(RatingEndpoint.PREFIX)) {
            return ratings.handle(request);
        }
        if (path.equals("/feedback") && method.equals("POST")) {
            return submit(request, lang);
        }
        if (path.equals("/feedback")) {
            return HttpApiResponse.error(405, "use POST to send feedback", null);
        }
        return HttpApiResponse.error(404, "no such resource: " + path, null);
    }

    /** The client's address as API Gateway saw it (not a header the client could set), or null. */
    private static String sourceIp(HttpApiRequest request) {
        return request.requestContext() == null || request.requestContext().http() == null ? null
                : request.requestContext().http().sourceIp();
    }

    private HttpApiResponse submit(HttpApiRequest request, Language lang) {
        String contentType = Optional.ofNullable(request.header("content-type")).orElse("").toLowerCase(Locale.ROOT);
        boolean form = contentType.startsWith("application/x-www-form-urlencoded");
        boolean browser = form && Optional.ofNullable(request.header("accept")).orElse("").contains("text/html");
        byte[] body = request.bodyBytes();
        if (body.length > MAX_BODY_BYTES) {
            return browser ? HttpApiResponse.html(413, ErrorPage.render(lang, 413, null))
                    : HttpApiResponse.error(413, "body is larger than " + MAX_BODY_BYTES / 1024 + " KiB", null);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Map<String, String> fields;
        if (form) {
            try {
                fields = FormUrlEncoded.parse(text);
            } catch (IllegalArgumentException e) {
                return HttpApiResponse.error(400, "form body is not valid URL encoding", null);
            }
        } else if (contentType.startsWith("application/json")) {
            try {
                fields = JsonBody.parse(text);
            } catch (JsonBody.Invalid e) {
                return HttpApiResponse.error(400, e.getMessage(), e.field);
            }
        } else {
            return HttpApiResponse.error(415, "send application/json or application/x-www-form-urlencoded", null);
        }
        if (fields.containsKey("lang")) {
            lang = Language.fromAcceptLanguage(null, fields.get("lang"));
        }

        if (!fields.getOrDefault(FeedbackFormPage.HONEYPOT, "").isBlank()) {
            LOG.info("dropped a submission with the honeypot filled in");
            String decoy = FeedbackIds.newId();
            return browser ? HttpApiResponse.html(202, ThankYouPage.render(lang, decoy))
                    : HttpApiResponse.json(202, Map.of("id", decoy));
        }

        SubmissionValidator.Result result = validator.validate(fields, request.header("idempotency-key"));
        if (!result.valid()) {
            if (browser) {
                // the page turns the codes into sentences in the customer's language
                Map<String, String> codes = new LinkedHashMap<>();
                result.errors().forEach(e -> codes.putIfAbsent(e.field(), e.code()));
                return HttpApiResponse.html(400, FeedbackFormPage.render(lang, fields, codes));
            }
            FieldError first = result.errors().get(0);
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("error", first.message());
            error.put("field", first.field());
            error.put("errors", result.errors().stream()
                    .map(e -> Map.of("field", e.field(), "code", e.code(), "message", e.message())).toList());
            return HttpApiResponse.json(400, error);
        }

        FeedbackIntake.Receipt receipt;
        try {
            // where it came from: the acknowledgement's limits per client and its language
            receipt = intake.submit(result.submission(), Channel.WEB,
                    new FeedbackIntake.Client(sourceIp(request), lang.code()));
        } catch (FeedbackIntake.IdempotencyKeyReused e) {
            return HttpApiResponse.error(422, e.getMessage(), "Idempotency-Key");
        }
        return browser ? HttpApiResponse.html(202, ThankYouPage.render(lang, receipt.feedbackId()))
                : HttpApiResponse.json(202, Map.of("id", receipt.feedbackId()));
    }
}
