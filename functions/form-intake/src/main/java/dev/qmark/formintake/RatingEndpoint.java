package dev.qmark.formintake;

import dev.qmark.aws.lambda.FormUrlEncoded;
import dev.qmark.aws.lambda.HttpApiRequest;
import dev.qmark.aws.lambda.HttpApiResponse;
import dev.qmark.core.customer.Ratings;
import dev.qmark.formintake.pages.Language;
import dev.qmark.formintake.pages.RatingPage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /rate/{token}} shows the rating page (the link's score preselected) and records
 * nothing; {@code POST /rate/{token}} records. A token that is not ours gets a page saying so
 * (404), a closed one a page saying it is closed (410): never a stack trace, never what the item is.
 */
final class RatingEndpoint {

    static final String PREFIX = "/rate/";
    private static final int MAX_BODY_BYTES = 16 * 1024;

    private final Ratings ratings;

    RatingEndpoint(Ratings ratings) {
        this.ratings = ratings;
    }

    HttpApiResponse handle(HttpApiRequest request) {
        String method = request.method().toUpperCase(Locale.ROOT);
        String path = request.rawPath() == null ? "" : request.rawPath();
        String token = request.path("token") != null ? request.path("token") : path.substring(path.indexOf(PREFIX) + PREFIX.length());
        Ratings.View view = ratings.view(token);
        Language lang = view.state() == Ratings.State.UNKNOWN
                ? Language.fromAcceptLanguage(request.header("accept-language"), request.query("lang"))
                : Language.fromAcceptLanguage(null, view.korean() ? "ko" : "en");
        switch (view.state()) {
            case UNKNOWN -> {
                return HttpApiResponse.html(404, RatingPage.unknown(lang));
            }
            case CLOSED -> {
                return HttpApiResponse.html(410, RatingPage.closed(lang));
            }
            case OPEN -> {
                // below
            }
        }
        if (method.equals("GET")) {
            Integer score = score(request.query(RatingPage.SCORE));
            return HttpApiResponse.html(200, RatingPage.form(lang, token, view.writerName(),
                    score != null ? score : view.score(), view.comment(), false));
        }
        if (!method.equals("POST")) {
            return HttpApiResponse.html(405, RatingPage.unknown(lang));
        }
        byte[] body = request.bodyBytes();
        Map<String, String> fields;
        try {
            fields = body.length > MAX_BODY_BYTES ? Map.of() : FormUrlEncoded.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            fields = Map.of();
        }
        Integer score = score(fields.get(RatingPage.SCORE));
        if (score == null) {
            return HttpApiResponse.html(400, RatingPage.form(lang, token, view.writerName(), view.score(),
                    fields.getOrDefault(RatingPage.COMMENT, ""), false));
        }
        Ratings.View after = ratings.rate(token, score, fields.getOrDefault(RatingPage.COMMENT, ""));
        if (after.state() != Ratings.State.OPEN) {
            return HttpApiResponse.html(410, RatingPage.closed(lang));
        }
        return HttpApiResponse.html(200, RatingPage.form(lang, token, after.writerName(), after.score(), after.comment(), true));
    }

    private static Integer score(String value) {
        return value != null && value.strip().matches("[1-5]") ? Integer.valueOf(value.strip()) : null;
    }
}
