package dev.qmark.core.customer;

import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.text.Html;

/**
 * The two ways to answer a mail about an item, said on every "?", reminder, hand-on and the
 * customer's reply passed on: replying (internal: to the founder and the record, never to the
 * customer) or writing to the customer's own address at Qmark, which relays it from the company.
 * Two addresses, so that a forward, a reply-all or an auto-reply can never reach the customer.
 */
public final class TwoWays {

    private TwoWays() {
    }

    /** "Minsu Kim", or their address when they gave no name. */
    public static String customerName(Feedback feedback) {
        String name = feedback.customer().name();
        return name == null || name.isBlank() ? feedback.customer().email() : name.strip();
    }

    public static String text(Feedback feedback, String customerAddress, String founder) {
        String name = customerName(feedback);
        return "Two ways to answer:\n"
                + "  - Reply to this mail: internal, to " + founder + " and the record. Never sent to the customer.\n"
                + "  - Write to " + name + ": " + customerAddress + "\n"
                + "    " + name + " gets it from the company, signed with your first name; nothing internal goes along.\n";
    }

    public static String html(Feedback feedback, String customerAddress, String founder) {
        String name = Html.escape(customerName(feedback));
        return "<p style=\"margin:0 0 12px\"><b>Two ways to answer:</b><br>"
                + "Reply to this mail: internal, to " + Html.escape(founder) + " and the record. Never sent to the customer.<br>"
                + "<a href=\"mailto:" + Html.escape(customerAddress) + "\">Write to " + name + "</a>: " + name
                + " gets it from the company, signed with your first name; nothing internal goes along.</p>";
    }
}
