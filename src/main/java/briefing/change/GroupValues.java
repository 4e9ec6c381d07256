package briefing.change;

import briefing.ledger.Basis;
import briefing.ledger.Claim;
import briefing.ledger.Metric;
import briefing.ledger.Qualifier;
import briefing.ledger.SeriesKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of every series of one subject and one source at the end of each of several days (the
 * last days of the trend's periods): for each day, the latest cumulative record not superseded by a
 * correction reported by then (derived casualties competing with real ones), or the sum of the counted
 * increments. The claims given must all be known at the cutoff; their order does not matter.
 *
 * <p>Each claim's first correction is found once for all days, and the casualty parts are indexed by
 * {@code as_of} once, so a group of n claims costs one pass for all the days and no sorting but the
 * increments behind the values that keep their records. The records behind an increment total are listed only
 * for the days asked for ({@code keepRecords}); on the other days the value carries an empty list.
 */
final class GroupValues {

    private static final Comparator<SeriesValue> BEST = Comparator.comparing(SeriesValue::asOf)
            .thenComparing(SeriesValue::reportedOn)
            .thenComparing(SeriesValue::recordId);

    private static final Metric[] CASUALTY_PARTS = {Metric.KILLED, Metric.WOUNDED, Metric.CAPTURED, Metric.MISSING};
    private static final int METRICS = Metric.values().length;

    /**
     * A claim with its days as numbers (compared many times over) and the day its first correction was
     * reported ({@link Long#MAX_VALUE} when it has none).
     */
    private record Fact(Claim claim, long reportedOn, long asOf, long supersededFrom) {

        Fact(Claim claim, LocalDate supersededFrom) {
            this(claim, claim.reportedOn().toEpochDay(), claim.asOf().toEpochDay(),
                    supersededFrom == null ? Long.MAX_VALUE : supersededFrom.toEpochDay());
        }

        boolean countsAt(long lastDay) {
            return reportedOn <= lastDay && supersededFrom > lastDay;
        }

        /** Latest {@code as_of}, then latest {@code reported_on}, then greatest {@code record_id}. */
        int compareLatest(Fact other) {
            int c = Long.compare(asOf, other.asOf);
            if (c == 0) {
                c = Long.compare(reportedOn, other.reportedOn);
            }
            return c != 0 ? c : claim.recordId().compareTo(other.claim.recordId());
        }
    }

    private final List<Fact> facts;
    /** Cumulative claims of the casualty parts and of casualties, by metric, by {@code as_of}. */
    private final Map<Metric, Map<LocalDate, List<Fact>>> byDay = new EnumMap<>(Metric.class);
    /** The {@code as_of} days of the cumulative killed claims, latest first (sorted when first needed). */
    private LocalDate[] killedDays;

    private GroupValues(List<Claim> claims) {
        Map<String, LocalDate> firstCorrection = new HashMap<>();
        for (Claim claim : claims) {
            if (claim.supersedes() != null) {
                firstCorrection.merge(claim.supersedes(), claim.reportedOn(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        facts = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            Fact fact = new Fact(claim, firstCorrection.isEmpty() ? null : firstCorrection.get(claim.recordId()));
            facts.add(fact);
            if (claim.basis() == Basis.CUMULATIVE && isCasualtyPartOrCasualties(claim.metric())) {
                byDay.computeIfAbsent(claim.metric(), m -> new HashMap<>())
                        .computeIfAbsent(claim.asOf(), d -> new ArrayList<>(2)).add(fact);
            }
        }
    }

    /**
     * The values at the end of each of {@code lastDays} (in ascending order), in their order; the records
     * behind increment totals are listed for the days whose {@code keepRecords} entry is true.
     */
    static List<Map<Metric, SeriesValue>> at(List<Claim> subjectSourceClaims, List<LocalDate> lastDays, boolean[] keepRecords) {
        return new GroupValues(subjectSourceClaims).valuesAt(lastDays, keepRecords);
    }

    /**
     * One pass over the claims for all days: a claim counts on a run of consecutive days, from the first
     * day it was reported by to the day before its first correction. A claim never corrected goes into the
     * bucket of its first day, and each day takes the buckets up to its own; the few corrected ones are
     * added to each of their days.
     */
    private List<Map<Metric, SeriesValue>> valuesAt(List<LocalDate> lastDays, boolean[] keepRecords) {
        int n = lastDays.size();
        long[] days = new long[n];
        for (int i = 0; i < n; i++) {
            days[i] = lastDays.get(i).toEpochDay();
            if (i > 0 && days[i] < days[i - 1]) {
                throw new IllegalArgumentException("The days must come in ascending order: " + lastDays);
            }
        }
        Fact[][] fromLatest = new Fact[n][METRICS];
        Increments[][] fromIncrements = new Increments[n][METRICS];
        Fact[][] onlyLatest = new Fact[n][METRICS];
        Increments[][] onlyIncrements = new Increments[n][METRICS];
        for (Fact fact : facts) {
            int first = firstDayNotBefore(days, fact.reportedOn());
            int end = fact.supersededFrom() == Long.MAX_VALUE ? n : firstDayNotBefore(days, fact.supersededFrom());
            if (first >= end) {
                continue;
            }
            if (end == n) {
                add(fact, first, fromLatest, fromIncrements);
            } else {
                for (int i = first; i < end; i++) {
                    add(fact, i, onlyLatest, onlyIncrements);
                }
            }
        }
        List<Map<Metric, SeriesValue>> values = new ArrayList<>(n);
        Fact[] latest = new Fact[METRICS];
        Increments[] increments = new Increments[METRICS];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < METRICS; m++) {
                latest[m] = later(latest[m], fromLatest[i][m]);
                if (fromIncrements[i][m] != null) {
                    if (increments[m] == null) {
                        increments[m] = new Increments();
                    }
                    increments[m].addAll(fromIncrements[i][m]);
                }
            }
            values.add(valuesOn(lastDays.get(i), latest, increments, onlyLatest[i], onlyIncrements[i], keepRecords[i]));
        }
        return values;
    }

    /** The index of the first day on or after {@code day} ({@code days.length} when none). */
    private static int firstDayNotBefore(long[] days, long day) {
        int i = 0;
        while (i < days.length && days[i] < day) {
            i++;
        }
        return i;
    }

    private static void add(Fact fact, int day, Fact[][] latest, Increments[][] increments) {
        int m = fact.claim().metric().ordinal();
        if (fact.claim().basis() == Basis.INCREMENT) {
            if (increments[day][m] == null) {
                increments[day][m] = new Increments();
            }
            increments[day][m].add(fact);
        } else {
            latest[day][m] = later(latest[day][m], fact);
        }
    }

    private static Fact later(Fact a, Fact b) {
        return a == null ? b : b == null || a.compareLatest(b) >= 0 ? a : b;
    }

    private Map<Metric, SeriesValue> valuesOn(LocalDate lastDay, Fact[] latestSoFar, Increments[] incrementsSoFar,
                                              Fact[] onlyLatest, Increments[] onlyIncrements, boolean keepRecords) {
        Map<Metric, SeriesValue> values = new EnumMap<>(Metric.class);
        int casualties = Metric.CASUALTIES.ordinal();
        boolean casualtyIncrements = incrementsSoFar[casualties] != null || onlyIncrements[casualties] != null;
        for (Metric metric : Metric.values()) {
            int m = metric.ordinal();
            Fact latest = later(latestSoFar[m], onlyLatest[m]);
            if (latest != null) {
                values.put(metric, latest(latest.claim()));
            } else if (incrementsSoFar[m] != null || onlyIncrements[m] != null) {
                Increments total = new Increments();
                if (incrementsSoFar[m] != null) {
                    total.addAll(incrementsSoFar[m]);
                }
                if (onlyIncrements[m] != null) {
                    total.addAll(onlyIncrements[m]);
                }
                values.put(metric, total.total(keepRecords));
            }
        }
        if (!casualtyIncrements) {
            SeriesValue derived = derivedCasualties(lastDay);
            SeriesValue claimed = values.get(Metric.CASUALTIES);
            // on a tie the derived value wins, as the first of the candidates
            if (derived != null && (claimed == null || BEST.compare(derived, claimed) >= 0)) {
                values.put(Metric.CASUALTIES, derived);
            }
        }
        return values;
    }

    private static SeriesValue latest(Claim best) {
        return new SeriesValue(SeriesKey.of(best), new Range(best.valueLow(), best.valueHigh()), false,
                best.recordId(), best.asOf(), best.reportedOn(), best.reportedOn(), best.qualifier(), List.of(best));
    }

    /**
     * The derived casualties of the latest {@code as_of} on which the source gave killed and wounded
     * (plus captured and missing when given) that count, but no casualties figure that counts: one
     * derived value per such day competes, and the latest day wins.
     */
    private SeriesValue derivedCasualties(LocalDate lastDay) {
        Map<LocalDate, List<Fact>> killed = byDay.get(Metric.KILLED);
        if (killed == null || !byDay.containsKey(Metric.WOUNDED)) {
            return null;
        }
        if (killedDays == null) {
            killedDays = killed.keySet().toArray(new LocalDate[0]);
            Arrays.sort(killedDays, Comparator.reverseOrder());
        }
        // a claim counts only if reported by the last day, so its as_of is no later
        long lastEpochDay = lastDay.toEpochDay();
        for (LocalDate day : killedDays) {
            if (day.isAfter(lastDay)) {
                continue;
            }
            Claim killedThen = latestOn(killed.get(day), lastEpochDay);
            if (killedThen == null || latestOn(Metric.CASUALTIES, day, lastEpochDay) != null) {
                continue;
            }
            Claim woundedThen = latestOn(Metric.WOUNDED, day, lastEpochDay);
            if (woundedThen == null) {
                continue;
            }
            List<Claim> parts = new ArrayList<>(4);
            for (Metric part : CASUALTY_PARTS) {
                Claim claim = part == Metric.KILLED ? killedThen : part == Metric.WOUNDED ? woundedThen
                        : latestOn(part, day, lastEpochDay);
                if (claim != null) {
                    parts.add(claim);
                }
            }
            return derivedValue(day, parts);
        }
        return null;
    }

    private Claim latestOn(Metric metric, LocalDate asOf, long lastDay) {
        Map<LocalDate, List<Fact>> days = byDay.get(metric);
        List<Fact> facts = days == null ? null : days.get(asOf);
        return facts == null ? null : latestOn(facts, lastDay);
    }

    private static Claim latestOn(List<Fact> facts, long lastDay) {
        Fact latest = null;
        for (Fact fact : facts) {
            if (fact.countsAt(lastDay) && (latest == null || fact.compareLatest(latest) > 0)) {
                latest = fact;
            }
        }
        return latest == null ? null : latest.claim();
    }

    private static SeriesValue derivedValue(LocalDate day, List<Claim> parts) {
        long low = 0;
        long high = 0;
        LocalDate reportedOn = LocalDate.MIN;
        List<String> ids = new ArrayList<>(parts.size());
        for (Claim part : parts) {
            low += part.valueLow();
            high += part.valueHigh();
            reportedOn = part.reportedOn().isAfter(reportedOn) ? part.reportedOn() : reportedOn;
            ids.add(part.recordId());
        }
        ids.sort(Comparator.naturalOrder());
        Claim first = parts.get(0);
        SeriesKey key = new SeriesKey(first.subject(), Metric.CASUALTIES, first.source());
        return new SeriesValue(key, new Range(low, high), true, String.join("+", ids), day, reportedOn, reportedOn,
                commonQualifier(parts), List.copyOf(parts));
    }

    static Qualifier commonQualifier(List<Claim> claims) {
        Qualifier common = claims.get(0).qualifier();
        for (Claim claim : claims) {
            if (claim.qualifier() != common) {
                return null;
            }
        }
        return common;
    }

    private static boolean isCasualtyPartOrCasualties(Metric metric) {
        return switch (metric) {
            case KILLED, WOUNDED, CAPTURED, MISSING, CASUALTIES -> true;
            default -> false;
        };
    }

    /** The running total of the increments of one series that count at a day. */
    private static final class Increments {
        private static final long LARGEST_TOTAL = Long.MAX_VALUE / 2;

        private final List<Fact> records = new ArrayList<>();
        private long low;
        private long high;
        private Fact latest;
        private Fact newest;
        private Qualifier qualifier;
        private boolean mixedQualifiers;

        void add(Fact fact) {
            Claim claim = fact.claim();
            low = sum(low, claim.valueLow(), claim);
            high = sum(high, claim.valueHigh(), claim);
            if (latest == null) {
                qualifier = claim.qualifier();
            } else if (claim.qualifier() != qualifier) {
                mixedQualifiers = true;
            }
            if (latest == null || fact.compareLatest(latest) > 0) {
                latest = fact;
            }
            if (newest == null || fact.reportedOn() > newest.reportedOn()) {
                newest = fact;
            }
            records.add(fact);
        }

        void addAll(Increments other) {
            if (latest == null) {
                qualifier = other.qualifier;
            } else if (other.qualifier != qualifier) {
                mixedQualifiers = true;
            }
            mixedQualifiers |= other.mixedQualifiers;
            low = sum(low, other.low, other.latest.claim());
            high = sum(high, other.high, other.latest.claim());
            if (latest == null || other.latest.compareLatest(latest) > 0) {
                latest = other.latest;
            }
            if (newest == null || other.newest.reportedOn() > newest.reportedOn()) {
                newest = other.newest;
            }
            records.addAll(other.records);
        }

        /**
         * Each value is below 10^18 (the ledger's rule), but five of them can pass half the largest long, beyond which the
         * midpoint of a range (low + high) would wrap round: the run stops rather than write a wrong figure or change.
         */
        private static long sum(long total, long value, Claim of) {
            long sum = total + value;
            if (sum > LARGEST_TOTAL || sum < 0) {
                throw new ArithmeticException("The increments of " + of.metric().code() + " by " + of.source() + " on "
                        + of.subject() + " add up to more than " + LARGEST_TOTAL + ", more than the job can compute with"
                        + " (record " + of.recordId() + " among them); no count of people comes near it: see the README.");
            }
            return sum;
        }

        SeriesValue total(boolean keepRecords) {
            List<Claim> behind = List.of();
            if (keepRecords) {
                List<Fact> sorted = new ArrayList<>(records);
                sorted.sort(Fact::compareLatest);
                behind = sorted.stream().map(Fact::claim).toList();
            }
            Claim last = latest.claim();
            return new SeriesValue(SeriesKey.of(last), new Range(low, high), false, last.recordId(), last.asOf(),
                    last.reportedOn(), newest.claim().reportedOn(), mixedQualifiers ? null : qualifier, behind);
        }
    }
}
