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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The first, direct version of {@link GroupValues} (one day at a time, everything recomputed), kept as
 * the oracle its faster successor must agree with. The values, at the end of a day, of every series of one subject and one source: the latest
 * cumulative record not superseded (derived casualties competing with real ones), or the sum of
 * the counted increments. The claims given must all be known at the cutoff.
 */
final class SourceValues {

    /** Latest {@code as_of}, then latest {@code reported_on}, then greatest {@code record_id}. */
    static final Comparator<Claim> LATEST = Comparator.comparing(Claim::asOf)
            .thenComparing(Claim::reportedOn)
            .thenComparing(Claim::recordId);

    private static final Metric[] CASUALTY_PARTS = {Metric.KILLED, Metric.WOUNDED, Metric.CAPTURED, Metric.MISSING};

    private SourceValues() {
    }

    /** The values at the end of {@code lastDay} of the series of one subject and source. */
    static Map<Metric, SeriesValue> at(List<Claim> subjectSourceClaims, LocalDate lastDay) {
        List<Claim> reported = new ArrayList<>();
        Set<String> superseded = new HashSet<>();
        for (Claim claim : subjectSourceClaims) {
            if (!claim.reportedOn().isAfter(lastDay)) {
                reported.add(claim);
                if (claim.supersedes() != null) {
                    superseded.add(claim.supersedes());
                }
            }
        }
        Map<Metric, List<Claim>> cumulative = new EnumMap<>(Metric.class);
        Map<Metric, List<Claim>> increments = new EnumMap<>(Metric.class);
        for (Claim claim : reported) {
            if (!superseded.contains(claim.recordId())) {
                (claim.basis() == Basis.INCREMENT ? increments : cumulative)
                        .computeIfAbsent(claim.metric(), m -> new ArrayList<>()).add(claim);
            }
        }
        Map<Metric, SeriesValue> values = new EnumMap<>(Metric.class);
        cumulative.forEach((metric, claims) -> values.put(metric, latest(claims)));
        increments.forEach((metric, claims) -> values.putIfAbsent(metric, sum(claims)));
        if (!increments.containsKey(Metric.CASUALTIES)) {
            List<SeriesValue> candidates = derivedCasualties(cumulative);
            if (values.containsKey(Metric.CASUALTIES)) {
                candidates.add(values.get(Metric.CASUALTIES));
            }
            candidates.stream().max(Comparator.comparing(SeriesValue::asOf)
                            .thenComparing(SeriesValue::reportedOn)
                            .thenComparing(SeriesValue::recordId))
                    .ifPresent(best -> values.put(Metric.CASUALTIES, best));
        }
        return values;
    }

    private static SeriesValue latest(List<Claim> claims) {
        Claim best = claims.stream().max(LATEST).orElseThrow();
        return new SeriesValue(SeriesKey.of(best), new Range(best.valueLow(), best.valueHigh()), false,
                best.recordId(), best.asOf(), best.reportedOn(), best.reportedOn(), best.qualifier(), List.of(best));
    }

    private static SeriesValue sum(List<Claim> increments) {
        Range total = new Range(0, 0);
        LocalDate newest = LocalDate.MIN;
        for (Claim claim : increments) {
            total = total.plus(new Range(claim.valueLow(), claim.valueHigh()));
            newest = claim.reportedOn().isAfter(newest) ? claim.reportedOn() : newest;
        }
        Claim latest = increments.stream().max(LATEST).orElseThrow();
        List<Claim> records = increments.stream().sorted(LATEST).toList();
        return new SeriesValue(SeriesKey.of(latest), total, false, latest.recordId(), latest.asOf(),
                latest.reportedOn(), newest, commonQualifier(records), records);
    }

    /**
     * One derived casualties value per {@code as_of} on which the source gave killed and wounded
     * (plus captured and missing when given) but no casualties figure.
     */
    private static List<SeriesValue> derivedCasualties(Map<Metric, List<Claim>> cumulative) {
        Map<Metric, Map<LocalDate, Claim>> partsByDay = new EnumMap<>(Metric.class);
        for (Metric part : CASUALTY_PARTS) {
            Map<LocalDate, Claim> byDay = new TreeMap<>();
            for (Claim claim : cumulative.getOrDefault(part, List.of())) {
                byDay.merge(claim.asOf(), claim, (a, b) -> LATEST.compare(a, b) >= 0 ? a : b);
            }
            partsByDay.put(part, byDay);
        }
        Set<LocalDate> givenDays = cumulative.getOrDefault(Metric.CASUALTIES, List.of()).stream()
                .map(Claim::asOf).collect(Collectors.toSet());
        List<SeriesValue> derived = new ArrayList<>();
        for (LocalDate day : partsByDay.get(Metric.KILLED).keySet()) {
            if (givenDays.contains(day) || !partsByDay.get(Metric.WOUNDED).containsKey(day)) {
                continue;
            }
            List<Claim> parts = new ArrayList<>();
            for (Metric part : CASUALTY_PARTS) {
                Claim claim = partsByDay.get(part).get(day);
                if (claim != null) {
                    parts.add(claim);
                }
            }
            derived.add(derivedValue(day, parts));
        }
        return derived;
    }

    private static SeriesValue derivedValue(LocalDate day, List<Claim> parts) {
        Range total = new Range(0, 0);
        LocalDate reportedOn = LocalDate.MIN;
        for (Claim part : parts) {
            total = total.plus(new Range(part.valueLow(), part.valueHigh()));
            reportedOn = part.reportedOn().isAfter(reportedOn) ? part.reportedOn() : reportedOn;
        }
        String ids = parts.stream().map(Claim::recordId).sorted().collect(Collectors.joining("+"));
        Claim first = parts.get(0);
        SeriesKey key = new SeriesKey(first.subject(), Metric.CASUALTIES, first.source());
        return new SeriesValue(key, total, true, ids, day, reportedOn, reportedOn, commonQualifier(parts), List.copyOf(parts));
    }

    static Qualifier commonQualifier(List<Claim> claims) {
        Set<Qualifier> qualifiers = claims.stream().map(Claim::qualifier).collect(Collectors.toSet());
        return qualifiers.size() == 1 ? qualifiers.iterator().next() : null;
    }
}
