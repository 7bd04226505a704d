package dev.qmark.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The name in a form acknowledgement: a name's length, no links, no markup. */
class CustomerNameTest {

    @Test
    void namesStayAsTyped() {
        assertEquals("Minsu Kim", CustomerName.forMail("  Minsu   Kim "));
        assertEquals("김민수", CustomerName.forMail("김민수"));
        assertEquals("Dr. J.R. O'Neil-Smith", CustomerName.forMail("Dr. J.R. O'Neil-Smith"));
    }

    @Test
    void linksAddressesAndMarkupAreDropped() {
        assertEquals("Click", CustomerName.forMail("Click https://evil.example/a"));
        assertEquals("Visit now", CustomerName.forMail("Visit www.evil.example now"));
        assertEquals("Go", CustomerName.forMail("Go evil.co.kr/x"));
        assertEquals("Mail", CustomerName.forMail("Mail me@evil.example"));
        assertEquals("a href x /a", CustomerName.forMail("<a href>x</a"), "plain text: brackets gone");
        assertNull(CustomerName.forMail("https://evil.example"));
        assertNull(CustomerName.forMail("!!!"));
        assertNull(CustomerName.forMail(null));
    }

    @Test
    void longNamesAreCut() {
        assertEquals(CustomerName.MAX_CHARACTERS, CustomerName.forMail("가".repeat(100)).length());
    }
}
