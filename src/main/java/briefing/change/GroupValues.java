package briefing.change;

import briefing.ledger.Basis;
import briefing.ledger.Claim;
import briefing.ledger.Metric;
import briefing.ledger.Qualifier;
import briefing.ledger.SeriesKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The values of every series of one subject and one source at the end of each of several days (the
 * last days of the trend's periods): for each day, the latest cumulative record not superseded by a
 * correction reported by then (derived casualties competing with real ones), or the sum of the counted
 * increments. The claims given must all be known at the cutoff; their order does not matter.
 *
 * <p>Each claim's first correction is found once for all days, and the casualty parts are indexed by
 * {@code as_of} once, so a group of n claims costs one pass per day and no sorting but the increments
 * behind the values that keep their records. The records behind an increment total are listed only
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
    private final Map<Metric, NavigableMap<LocalDate, List<Fact>>> byDay = new EnumMap<>(Metric.class);

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
                byDay.computeIfAbsent(claim.metric(), m -> new TreeMap<>())
                        .computeIfAbsent(claim.asOf(), d -> new ArrayList<>(2)).add(fact);
            }
        }
    }

    /**
     * The values at the end of each of {@code lastDays}, in their order; the records behind increment
     * totals are listed for the days whose {@code keepRecords} entry is true.
     */
    static List<Map<Metric, SeriesValue>> at(List<Claim> subjectSourceClaims, List<LocalDate> lastDays, boolean[] keepRecords) {
        GroupValues group = new GroupValues(subjectSourceClaims);
        List<Map<Metric, SeriesValue>> values = new ArrayList<>(lastDays.size());
        for (int i = 0; i < lastDays.size(); i++) {
            values.add(group.valuesAt(lastDays.get(i), keepRecords[i]));
        }
        return values;
    }

    private Map<Metric, SeriesValue> valuesAt(LocalDate lastDay, boolean keepRecords) {
        long day = lastDay.toEpochDay();
        Fact[] latest = new Fact[METRICS];
        Increments[] increments = new Increments[METRICS];
        for (Fact fact : facts) {
            if (!fact.countsAt(day)) {
                continue;
            }
            Claim claim = fact.claim();
            int m = claim.metric().ordinal();
            if (claim.basis() == Basis.INCREMENT) {
                if (increments[m] == null) {
                    increments[m] = new Increments(keepRecords);
                }
                increments[m].add(fact);
            } else if (latest[m] == null || fact.compareLatest(latest[m]) > 0) {
                latest[m] = fact;
            }
        }
        Map<Metric, SeriesValue> values = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            if (latest[metric.ordinal()] != null) {
                values.put(metric, latest(latest[metric.ordinal()].claim()));
            } else if (increments[metric.ordinal()] != null) {
                values.put(metric, increments[metric.ordinal()].total());
            }
        }
        if (increments[Metric.CASUALTIES.ordinal()] == null) {
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
        NavigableMap<LocalDate, List<Fact>> killed = byDay.get(Metric.KILLED);
        NavigableMap<LocalDate, List<Fact>> wounded = byDay.get(Metric.WOUNDED);
        if (killed == null || wounded == null) {
            return null;
        }
        // a claim counts only if reported by the last day, so its as_of is no later
        long lastEpochDay = lastDay.toEpochDay();
        for (Map.Entry<LocalDate, List<Fact>> day : killed.headMap(lastDay, true).descendingMap().entrySet()) {
            Claim killedThen = latestOn(day.getValue(), lastEpochDay);
            if (killedThen == null || latestOn(Metric.CASUALTIES, day.getKey(), lastEpochDay) != null) {
                continue;
            }
            Claim woundedThen = latestOn(Metric.WOUNDED, day.getKey(), lastEpochDay);
            if (woundedThen == null) {
                continue;
            }
            List<Claim> parts = new ArrayList<>(4);
            for (Metric part : CASUALTY_PARTS) {
                Claim claim = part == Metric.KILLED ? killedThen : part == Metric.WOUNDED ? woundedThen
                        : latestOn(part, day.getKey(), lastEpochDay);
                if (claim != null) {
                    parts.add(claim);
                }
            }
            return derivedValue(day.getKey(), parts);
        }
        return null;
    }

    private Claim latestOn(Metric metric, LocalDate asOf, long lastDay) {
        NavigableMap<LocalDate, List<Fact>> days = byDay.get(metric);
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
        private final List<Fact> records;
        private long low;
        private long high;
        private Fact latest;
        private Fact newest;
        private Qualifier qualifier;
        private boolean mixedQualifiers;

        Increments(boolean keepRecords) {
            this.records = keepRecords ? new ArrayList<>() : null;
        }

        void add(Fact fact) {
            Claim claim = fact.claim();
            low += claim.valueLow();
            high += claim.valueHigh();
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
            if (records != null) {
                records.add(fact);
            }
        }

        SeriesValue total() {
            List<Claim> behind = List.of();
            if (records != null) {
                records.sort(Fact::compareLatest);
                behind = records.stream().map(Fact::claim).toList();
            }
            Claim last = latest.claim();
            return new SeriesValue(SeriesKey.of(last), new Range(low, high), false, last.recordId(), last.asOf(),
                    last.reportedOn(), newest.claim().reportedOn(), mixedQualifiers ? null : qualifier, behind);
        }
    }
}
