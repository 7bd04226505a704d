package dev.qmark.aws.dynamodb;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.ports.CustomerLetters;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A change of one of the table's items as the domain sees it, read from a stream record's old and
 * new images: a feedback item or an escalation before and after (null where there was none), or
 * something the figures do not count.
 */
public sealed interface TableChange {

    record OfItem(Feedback before, Feedback after) implements TableChange {
    }

    /**
     * @param askedUnderRoute the route the escalation's "?" was claimed under (its claim keeps it), null when
     *                        it does not say: the figures' route for an item read before its ASKED recorded one
     */
    record OfEscalation(String feedbackId, Escalation before, Escalation after, String askedUnderRoute) implements TableChange {

        public OfEscalation(String feedbackId, Escalation before, Escalation after) {
            this(feedbackId, before, after, null);
        }
    }

    /** A customer's rating of a letter ({@code RATING#<letterKey>}); null where it had no score yet. */
    record OfRating(String feedbackId, String letterKey, CustomerLetters.Rating before, CustomerLetters.Rating after)
            implements TableChange {
    }

    record Other() implements TableChange {
    }

    static TableChange of(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        Map<String, AttributeValue> any = newImage != null ? newImage : oldImage;
        if (any == null || any.get(QmarkTable.PK) == null || !any.get(QmarkTable.PK).s().startsWith("FB#")) {
            return new Other();
        }
        String sk = any.get(QmarkTable.SK).s();
        if (sk.equals(FeedbackItems.ITEM)) {
            return new OfItem(oldImage == null ? null : FeedbackItems.feedback(oldImage),
                    newImage == null ? null : FeedbackItems.feedback(newImage));
        }
        if (sk.startsWith("ESC#")) {
            return new OfEscalation(any.get(QmarkTable.PK).s().substring(3),
                    oldImage == null ? null : FeedbackItems.indexedEscalation(oldImage),
                    newImage == null ? null : FeedbackItems.indexedEscalation(newImage),
                    newImage == null ? null : Item.of(newImage).s(FeedbackItems.ASKED_UNDER_ROUTE));
        }
        if (sk.startsWith(DynamoCustomerLetters.RATING)) {
            String feedbackId = any.get(QmarkTable.PK).s().substring(3);
            return new OfRating(feedbackId, sk.substring(DynamoCustomerLetters.RATING.length()),
                    DynamoCustomerLetters.ratingOrNull(feedbackId, oldImage), DynamoCustomerLetters.ratingOrNull(feedbackId, newImage));
        }
        return new Other();
    }
}
