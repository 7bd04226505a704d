package dev.qmark.core.figures;

import dev.qmark.core.config.ReportsConfig.Topic;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tags feedback with the configured topics. Korean attaches particles to the word ("배송이",
 * "배송은", "배송도", "배송에서" are all "배송"), so a Korean word matches a keyword when it is the
 * keyword or the keyword followed by particles; an English word when it is the keyword or its
 * plural / -ed / -ing form. A keyword of several words matches as a phrase.
 */
public final class TopicTagger {

    /**
     * Particles and the commonest endings that follow a noun, longest first so that "에서는" is
     * taken whole before "에서". A word is the keyword when what follows it is made of these.
     */
    static final List<String> PARTICLES = List.of(
            "에서부터", "으로부터", "이라고", "에서는", "에서도", "에게서", "한테서", "으로는", "으로도", "이라도", "까지는", "부터는",
            "이에요", "예요", "입니다", "이랑", "에서", "에게", "한테", "으로", "까지", "부터", "처럼", "보다", "마다", "이나", "이요",
            "라고", "하고", "에는", "에도", "로는", "로도", "만큼", "밖에", "조차", "마저", "은", "는", "이", "가", "을", "를",
            "도", "의", "에", "로", "와", "과", "랑", "만", "나", "요", "께", "야", "아");

    private final List<Topic> topics;

    public TopicTagger(List<Topic> topics) {
        this.topics = List.copyOf(topics);
    }

    /** The topics the text speaks of, in configuration order. */
    public List<String> tag(String text) {
        if (text == null || text.isBlank() || topics.isEmpty()) {
            return List.of();
        }
        List<String> words = words(text);
        String joined = " " + String.join(" ", words) + " ";
        Set<String> found = new LinkedHashSet<>();
        for (Topic topic : topics) {
            for (String keyword : topic.keywords()) {
                if (matches(normalise(keyword), words, joined)) {
                    found.add(topic.name());
                    break;
                }
            }
        }
        return List.copyOf(found);
    }

    private static boolean matches(String keyword, List<String> words, String joined) {
        if (keyword.isEmpty()) {
            return false;
        }
        if (keyword.contains(" ")) {
            return joined.contains(" " + keyword + " ") || joined.contains(" " + keyword);
        }
        for (String word : words) {
            if (wordIs(word, keyword)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code word} is {@code keyword} with at most a particle (Korean) or an ending (English) after it. */
    static boolean wordIs(String word, String keyword) {
        if (!word.startsWith(keyword)) {
            return false;
        }
        String rest = word.substring(keyword.length());
        if (rest.isEmpty()) {
            return true;
        }
        if (hangul(keyword.charAt(keyword.length() - 1))) {
            return particles(rest);
        }
        return rest.equals("s") || rest.equals("es") || rest.equals("ed") || rest.equals("d") || rest.equals("ing")
                || rest.equals("'s");
    }

    /** Whether {@code rest} is one or two particles ("에서는" = "에서" + "는"). */
    private static boolean particles(String rest) {
        for (String particle : PARTICLES) {
            if (rest.equals(particle)) {
                return true;
            }
            if (rest.startsWith(particle) && PARTICLES.contains(rest.substring(particle.length()))) {
                return true;
            }
        }
        return false;
    }

    /** The stem of a word as counted for "new words": a Korean word without its particles, an English one lower-cased. */
    public static String stem(String word) {
        if (word.length() > 1 && hangul(word.charAt(word.length() - 1))) {
            for (String particle : PARTICLES) {
                if (word.length() > particle.length() + 1 && word.endsWith(particle)) {
                    return word.substring(0, word.length() - particle.length());
                }
            }
        }
        return word;
    }

    /** The text's words, lower-cased and NFC-normalised, split on anything that is not a letter or digit. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : normalise(text).split("[^\\p{L}\\p{N}']+")) {
            String trimmed = word.replaceAll("^'+|'+$", "");
            if (!trimmed.isEmpty()) {
                words.add(trimmed);
            }
        }
        return words;
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).strip();
    }

    private static boolean hangul(char c) {
        return c >= '\uAC00' && c <= '\uD7A3';
    }
}
