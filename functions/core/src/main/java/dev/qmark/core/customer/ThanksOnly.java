package dev.qmark.core.customer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a customer's reply only says thanks ("감사합니다", "thanks!", "ok 👍"): recorded on the
 * item, nobody is asked to do anything about it. Anything with a question, a number or more than
 * a few words is not thanks only: when in doubt, a person reads it.
 */
public final class ThanksOnly {

    /** Words (and pairs of words) a thanks-only reply is made of, lower-cased. */
    private static final Set<String> WORDS = Set.of(
            "thanks", "thank", "you", "thx", "ty", "tks", "many", "so", "much", "very", "a", "lot", "ok", "okay", "great",
            "perfect", "cheers", "got", "it", "noted", "awesome", "cool", "nice", "appreciated", "appreciate", "that",
            "all", "good", "fine", "again", "kind", "regards", "best", "sounds",
            "감사합니다", "감사해요", "감사", "고맙습니다", "고마워요", "고마워", "넵", "네", "알겠습니다", "확인했습니다", "확인", "좋아요",
            "좋습니다", "잘", "받았습니다", "정말", "진짜", "너무", "대단히", "수고하세요", "수고하셨습니다", "땡큐", "ㅎㅎ", "ㅋㅋ",
            "ありがとうございます", "ありがとう", "了解です", "merci", "danke", "gracias", "obrigado", "grazie");
    private static final Pattern SPLIT = Pattern.compile("[\\s\\p{Punct}\\p{IsPunctuation}~]+");
    private static final int MAX_WORDS = 8;

    private ThanksOnly() {
    }

    /**
     * @param text the customer's new text (quotes already cut); a closing name on its own last line
     *             ("Minsu") is allowed when {@code name} is it
     */
    public static boolean is(String text, String name) {
        if (text == null || text.isBlank() || text.contains("?") || text.contains("？")) {
            return false;
        }
        String flat = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (name != null && !name.isBlank()) {
            for (String part : name.toLowerCase(Locale.ROOT).strip().split("\\s+")) {
                flat = flat.replace(part, " ");
            }
        }
        // emoji, symbols and hearts say nothing more than thanks
        flat = flat.codePoints()
                .filter(c -> Character.isLetterOrDigit(c) || Character.isWhitespace(c) || c == '\'' || c == '.' || c == ',' || c == '!')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String[] words = SPLIT.split(flat.strip());
        int counted = 0;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (!WORDS.contains(word) && !word.matches("(ㅎ|ㅋ|ㅠ|ㅜ)+") && !word.matches("감사(합니다|해요|드립니다|드려요)")) {
                return false;
            }
            counted++;
        }
        return counted > 0 && counted <= MAX_WORDS;
    }
}
