package dev.qmark.core.figures;

import java.util.Arrays;

/**
 * One group's figures for one day (or, added up, for a period): a handful of counts and the
 * time-to-first-answer histogram. What the aggregate items hold; adding two is adding counts.
 */
public record Tally(long received, long asked, long answered, long breaches, long handOns, long ratings,
                    long ratingSum, long lowRatings, Long maxMinutes, long[] buckets) {

    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, 0, 0, null, new long[Histogram.BUCKETS]);

    public Tally {
        buckets = Arrays.copyOf(buckets, Histogram.BUCKETS);
    }

    public Tally plus(Tally o) {
        long[] sum = new long[Histogram.BUCKETS];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = buckets[i] + o.buckets[i];
        }
        Long max = maxMinutes;
        if (max == null || (o.maxMinutes != null && o.maxMinutes > max)) {
            max = o.maxMinutes;
        }
        return new Tally(received + o.received, asked + o.asked, answered + o.answered, breaches + o.breaches,
                handOns + o.handOns, ratings + o.ratings, ratingSum + o.ratingSum, lowRatings + o.lowRatings, max, sum);
    }

    /** What taking this tally back out adds: every count negated (a replaced rating leaves its day). */
    public Tally negated() {
        long[] minus = new long[Histogram.BUCKETS];
        for (int i = 0; i < minus.length; i++) {
            minus[i] = -buckets[i];
        }
        return new Tally(-received, -asked, -answered, -breaches, -handOns, -ratings, -ratingSum, -lowRatings, null, minus);
    }

    Tally withReceived(long n) {
        return new Tally(n, 0, 0, 0, 0, 0, 0, 0, null, buckets);
    }

    Tally withAsked(long n) {
        return new Tally(0, n, 0, 0, 0, 0, 0, 0, null, buckets);
    }

    Tally withBreaches(long n) {
        return new Tally(0, 0, 0, n, 0, 0, 0, 0, null, buckets);
    }

    Tally withHandOns(long n) {
        return new Tally(0, 0, 0, 0, n, 0, 0, 0, null, buckets);
    }

    Tally withRating(int rating) {
        return new Tally(0, 0, 0, 0, 0, 1, rating, rating <= 2 ? 1 : 0, null, buckets);
    }

    Tally withAnswer(long minutes) {
        long[] one = new long[Histogram.BUCKETS];
        one[Histogram.bucket(minutes)] = 1;
        return new Tally(0, 0, 1, 0, 0, 0, 0, 0, minutes, one);
    }

    /** Median time to first answer in minutes (a bucket's upper bound), null without answers. */
    public Long medianMinutes() {
        return Histogram.quantile(buckets, 0.5, maxMinutes);
    }

    public Long p90Minutes() {
        return Histogram.quantile(buckets, 0.9, maxMinutes);
    }

    /** Breaches per question asked, null when nobody was asked. */
    public Double breachRate() {
        return asked == 0 ? null : Math.min(1.0, (double) breaches / asked);
    }

    public Double ratingMean() {
        return ratings == 0 ? null : (double) ratingSum / ratings;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tally t && received == t.received && asked == t.asked && answered == t.answered
                && breaches == t.breaches && handOns == t.handOns && ratings == t.ratings && ratingSum == t.ratingSum
                && lowRatings == t.lowRatings && java.util.Objects.equals(maxMinutes, t.maxMinutes)
                && Arrays.equals(buckets, t.buckets);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(received, asked, answered, breaches, Arrays.hashCode(buckets));
    }

    @Override
    public String toString() {
        return "Tally[received=" + received + ", asked=" + asked + ", answered=" + answered + ", breaches=" + breaches
                + ", handOns=" + handOns + ", ratings=" + ratings + ", ratingSum=" + ratingSum + ", max=" + maxMinutes + "]";
    }
}
