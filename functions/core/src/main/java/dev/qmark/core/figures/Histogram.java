package dev.qmark.core.figures;

import java.util.List;

/**
 * Time to first answer kept as counts in buckets, so that a day's figures are a few numbers
 * whatever the number of answers, and days add up by adding counts. The buckets are fine where
 * answers usually fall (minutes to a few hours) and coarse beyond: a median or 90th percentile read
 * from them is the bucket's upper bound, never more than one bucket off.
 */
public final class Histogram {

    /** Upper bounds in minutes; a last, open bucket takes everything longer. */
    public static final List<Integer> BOUNDS = List.of(
            5, 10, 15, 20, 30, 45, 60, 90, 120, 150, 180, 240, 300, 360, 480, 600, 720, 960, 1_440, 2_160,
            2_880, 4_320, 5_760, 7_200, 10_080, 20_160, 43_200);

    public static final int BUCKETS = BOUNDS.size() + 1;

    private Histogram() {
    }

    /** The bucket a time to answer falls in. */
    public static int bucket(long minutes) {
        for (int i = 0; i < BOUNDS.size(); i++) {
            if (minutes <= BOUNDS.get(i)) {
                return i;
            }
        }
        return BOUNDS.size();
    }

    /**
     * The quantile (0.5 the median, 0.9 the 90th percentile) in minutes: the upper bound of the
     * bucket where it falls, capped by the largest time seen; null without answers.
     */
    public static Long quantile(long[] counts, double q, Long max) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= Math.max(rank, 1)) {
                long bound = i < BOUNDS.size() ? BOUNDS.get(i) : (max == null ? Long.MAX_VALUE : max);
                return max == null ? bound : Math.min(bound, max);
            }
        }
        return max;
    }
}
