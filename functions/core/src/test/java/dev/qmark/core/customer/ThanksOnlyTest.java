package dev.qmark.core.customer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThanksOnlyTest {

    @ParameterizedTest
    @ValueSource(strings = {"감사합니다", "thanks!", "ok 👍", "Thank you so much!\n\nMinsu", "네 감사합니다 ^^",
            "고맙습니다 ㅎㅎ", "Great, thanks a lot.", "Perfect 🙏", "Thx", "잘 받았습니다 감사합니다"})
    void sayingThanksIsThanksOnly(String text) {
        assertTrue(ThanksOnly.is(text, "Minsu Kim"), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Thanks, but where is my parcel?", "감사합니다. 그런데 환불은 언제 되나요",
            "ok but it still does not work", "thanks, order 4411 is still missing", "", "   ",
            "Thank you. Also, the second box was damaged and the lid is broken which I did not mention before."})
    void anythingMoreIsForAPerson(String text) {
        assertFalse(ThanksOnly.is(text, "Minsu Kim"), text);
    }
}
