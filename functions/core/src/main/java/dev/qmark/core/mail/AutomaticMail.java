package dev.qmark.core.mail;

import dev.qmark.mail.InboundMail;

import java.util.Locale;
import java.util.Optional;

/**
 * Recognises mail that no person wrote: auto-replies (out of office), bounces and delivery
 * reports, list and bulk mail, and Qmark's own mail coming back. Such mail is never an answer and
 * never answered, or two robots mail each other forever (the loops Zammad and osTicket guard
 * against with the same headers).
 */
public final class AutomaticMail {

    private AutomaticMail() {
    }

    /** Why the mail is automatic, or empty when a person seems to have written it. */
    public static Optional<String> reason(InboundMail mail, String ownSender) {
        String autoSubmitted = lower(mail.header("auto-submitted"));
        if (autoSubmitted != null && !autoSubmitted.startsWith("no")) {
            return Optional.of("Auto-Submitted: " + autoSubmitted);
        }
        String precedence = lower(mail.header("precedence"));
        if (precedence != null && (precedence.contains("bulk") || precedence.contains("junk") || precedence.contains("list")
                || precedence.contains("auto_reply"))) {
            return Optional.of("Precedence: " + precedence);
        }
        for (String header : new String[] {"x-autoreply", "x-autorespond", "x-auto-response-suppress"}) {
            if (mail.header(header) != null) {
                return Optional.of(header + " header");
            }
        }
        String contentType = lower(mail.header("content-type"));
        if (contentType != null && contentType.startsWith("multipart/report")) {
            return Optional.of("a delivery status report");
        }
        String from = lower(mail.from());
        if (from != null) {
            String local = from.substring(0, Math.max(0, from.indexOf('@')));
            if (local.equals("mailer-daemon") || local.equals("postmaster")) {
                return Optional.of("mail from " + from);
            }
            if (ownSender != null && from.equals(lower(ownSender))) {
                return Optional.of("Qmark's own mail");
            }
        }
        return Optional.empty();
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
