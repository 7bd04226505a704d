package dev.qmark.core.ports;

import java.util.List;

/**
 * The plain text of mails Qmark sent about an item that a person may reply to (the "?", a
 * reminder, a hand-on), so that a reply can be cut where it starts to copy one of them, however
 * the client quoted it ({@code dev.qmark.mail.WrittenText}). One record per mail, named by its
 * escalation step and kind; keeping the same mail again overwrites it with the same text.
 */
public interface SentMailTexts {

    /** Keeps {@code text} (bounded by the adapter to what an item holds) as the mail {@code kind} of step {@code step}. */
    void keep(String feedbackId, int step, String kind, String text);

    /** Every kept text of the item, oldest step first. */
    List<String> texts(String feedbackId);

    /** The kind under which a mail relayed to the customer is kept: it is not internal. */
    String TO_CUSTOMER = "to-customer-";

    /**
     * The kept texts of internal mails only (not what was relayed to the customer, kind
     * {@link #TO_CUSTOMER}...): what must never reach a customer ({@code WrittenText.anyLineRemains}).
     */
    default List<String> internalTexts(String feedbackId) {
        return texts(feedbackId);
    }
}
