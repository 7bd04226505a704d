package dev.qmark.testing;

import dev.qmark.core.ports.SentMailTexts;
import dev.qmark.core.text.StoredText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link SentMailTexts} in memory, as {@code DynamoSentMailTexts} keeps them: one record per item,
 * step and kind (keeping it again overwrites it, an unconditional put), bounded to what an item
 * holds, read back in key order ({@code SENT#<step, three digits>#<kind>}); mails relayed to
 * the customer left out of {@link #internalTexts}.
 */
public final class InMemorySentMailTexts implements SentMailTexts {

    private final Map<String, TreeMap<String, String>> texts = new HashMap<>();

    @Override
    public synchronized void keep(String feedbackId, int step, String kind, String text) {
        texts.computeIfAbsent(feedbackId, id -> new TreeMap<>())
                .put(String.format("%03d", step) + "#" + kind, StoredText.bounded(text, StoredText.DETAIL_BYTES));
    }

    @Override
    public synchronized List<String> texts(String feedbackId) {
        return new ArrayList<>(texts.getOrDefault(feedbackId, new TreeMap<>()).values());
    }

    @Override
    public synchronized List<String> internalTexts(String feedbackId) {
        return texts.getOrDefault(feedbackId, new TreeMap<>()).entrySet().stream()
                .filter(e -> !e.getKey().contains("#" + TO_CUSTOMER)).map(Map.Entry::getValue).toList();
    }
}
