package dev.qmark.core.customer;

import dev.qmark.core.feedback.Feedback;

/** Korean when the customer wrote any Korean (name, subject or words), else English: what they read. */
public final class CustomerLanguage {

    private CustomerLanguage() {
    }

    public static boolean korean(Feedback feedback) {
        return hangul(feedback.customer().name()) || hangul(feedback.subject()) || hangul(feedback.message());
    }

    static boolean hangul(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
    }
}
