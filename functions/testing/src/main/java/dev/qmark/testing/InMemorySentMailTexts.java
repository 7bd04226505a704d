package dev.qmark.testing;

import dev.qmark.core.ports.SentMailTexts;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link SentMailTexts} in memory, keyed as {@code DynamoSentMailTexts} keys them (item, step,
 * kind: the same mail kept again overwrites it), mails relayed to the customer left out of
 * {@link #internalTexts}.
 */
public final class InMemorySentMailTexts implements SentMailTexts {

    private final Map<String, String> texts = new TreeMap<>();

    @Override
    public synchronized void keep(String feedbackId, int step, String kind, String text) {
        texts.put(feedbackId + "#" + String.format("%03d", step) + "#" + kind, text);
    }

    @Override
    public synchronized List<String> texts(String feedbackId) {
        return texts.entrySet().stream().filter(e -> e.getKey().startsWith(feedbackId + "#")).map(Map.Entry::getValue).toList();
    }

    @Override
    public synchronized List<String> internalTexts(String feedbackId) {
        return texts.entrySet().stream().filter(e -> e.getKey().startsWith(feedbackId + "#"))
                .filter(e -> !e.getKey().contains("#" + TO_CUSTOMER)).map(Map.Entry::getValue).toList();
    }
}
