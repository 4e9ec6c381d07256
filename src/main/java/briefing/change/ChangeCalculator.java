package briefing.change;

import briefing.ledger.Claim;
import briefing.ledger.Metric;
import briefing.ledger.SeriesKey;
import briefing.period.Period;
import briefing.thread.Futures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * Computes the figures of one period from the claims known at the cutoff, fed one subject-and-source
 * group at a time (so a large ledger can be streamed), then {@link #finish()}ed. The claims fed may
 * leave out the texts that only reports show (conduit, citation, note, window start): {@link
 * #finish(Function)} then replaces the few claims the figures show by the full records. One instance per
 * run; only {@link #valuesOf} may be called from several threads at once.
 */
public final class ChangeCalculator {

    /** How many periods the trend charts show, the reported one included. */
    public static final int TREND_PERIODS = 12;
    /** Where the reported period and the previous one are among the trend's periods. */
    private static final int CURRENT = TREND_PERIODS - 1;
    private static final int PREVIOUS = TREND_PERIODS - 2;

    private static final Comparator<Claim> NEWS_ORDER = Comparator.comparing(Claim::reportedOn)
            .thenComparing(Claim::subject).thenComparing(Claim::source).thenComparing(Claim::recordId);

    private final Period period;
    private final List<Period> trendPeriods;
    private final List<LocalDate> lastDays;
    /** The periods whose values keep the records behind them: the reported one and the previous one. */
    private final boolean[] keepRecords = new boolean[TREND_PERIODS];
    /** Values by series, one slot per trend period (null where the series had no value). */
    private final Map<SeriesKey, SeriesValue[]> values = new HashMap<>();
    private final List<Claim> newClaims = new ArrayList<>();

    public ChangeCalculator(Period period) {
        this.period = period;
        List<Period> periods = new ArrayList<>();
        Period p = period;
        for (int i = 0; i < TREND_PERIODS; i++) {
            periods.add(p);
            p = p.previous();
        }
        Collections.reverse(periods);
        this.trendPeriods = List.copyOf(periods);
        this.lastDays = trendPeriods.stream().map(Period::end).toList();
        keepRecords[CURRENT] = true;
        keepRecords[PREVIOUS] = true;
    }

    /**
     * Adds the known claims of one subject and one source, and returns their values at the end of the
     * previous period (which a {@link RestatementFinder} can take when they are known as they were then).
     */
    public Collection<SeriesValue> addGroup(List<Claim> subjectSourceClaims) {
        return add(valuesOf(subjectSourceClaims));
    }

    /**
     * The values of the known claims of one subject and one source, period by period, to be {@link #add}ed
     * in the order of the groups: thread-safe, so that several groups can be computed at once.
     */
    public GroupTrend valuesOf(List<Claim> subjectSourceClaims) {
        List<Claim> reportedInPeriod = new ArrayList<>();
        for (Claim claim : subjectSourceClaims) {
            if (period.contains(claim.reportedOn())) {
                reportedInPeriod.add(claim);
            }
        }
        return new GroupTrend(GroupValues.at(subjectSourceClaims, lastDays, keepRecords), reportedInPeriod);
    }

    /** Adds the values of one group, and returns them at the end of the previous period, as {@link #addGroup} does. */
    public Collection<SeriesValue> add(GroupTrend group) {
        for (int i = 0; i < TREND_PERIODS; i++) {
            for (SeriesValue value : group.byPeriod().get(i).values()) {
                values.computeIfAbsent(value.key(), k -> new SeriesValue[TREND_PERIODS])[i] = value;
            }
        }
        newClaims.addAll(group.reportedInPeriod());
        return group.previousValues();
    }

    /** The values of one subject and one source at the end of each trend period, and its claims reported in the period. */
    public record GroupTrend(List<Map<Metric, SeriesValue>> byPeriod, List<Claim> reportedInPeriod) {

        /** The values at the end of the previous period. */
        public Collection<SeriesValue> previousValues() {
            return byPeriod.get(PREVIOUS).values();
        }
    }

    /** The figures, from the claims as they were fed. */
    public Figures finish() {
        return finish(null);
    }

    /**
     * The figures, with the claims they show (behind the values of the period and the previous one, and
     * the new claims) replaced by the full records that {@code fullClaims} gives for them, by id.
     */
    public Figures finish(Function<Collection<Claim>, Map<String, Claim>> fullClaims) {
        // the full records have the same ids: those behind the figures are sorted meanwhile, on a thread of their own
        // (at a million claims, 37,752 ids took 44-59 ms to sort on this one, which then had other work to do)
        FutureTask<String[]> behindIds = sortedAhead(idsBehind());
        if (fullClaims != null) {
            useFullClaims(fullClaims);
        }
        addAcrossSources();
        List<SeriesKey> keys = new ArrayList<>(values.keySet());
        keys.sort(SeriesKey.REPORT_ORDER);
        List<SeriesChange> changes = new ArrayList<>();
        Map<SeriesKey, List<Range>> trend = new LinkedHashMap<>();
        // by id, put in the order of the ids sorted meanwhile: a tree would compare ids at every one of the many repeated puts
        Map<String, Claim> behind = new HashMap<>();
        for (SeriesKey key : keys) {
            SeriesValue[] byPeriod = values.get(key);
            List<Range> ranges = new ArrayList<>();
            for (SeriesValue v : byPeriod) {
                ranges.add(v == null ? null : v.range());
            }
            trend.put(key, Collections.unmodifiableList(ranges));
            SeriesValue current = byPeriod[CURRENT];
            if (current == null) {
                continue;
            }
            SeriesValue previous = byPeriod[PREVIOUS];
            changes.add(change(current, previous));
            for (SeriesValue v : new SeriesValue[] {current, previous}) {
                if (v != null && !key.isAll()) {
                    v.records().forEach(c -> behind.put(c.recordId(), c));
                }
            }
        }
        newClaims.sort(NEWS_ORDER);
        return new Figures(period, List.copyOf(changes), new Trend(trendPeriods, Collections.unmodifiableMap(trend)),
                List.copyOf(newClaims), inOrder(behindIds, behind));
    }

    /**
     * The ids of the records behind the values of the period and the previous one, of every series with a value in
     * the period (not those across sources), as {@link #finish} gathers their records; an id behind several values
     * is there as often.
     */
    private String[] idsBehind() {
        List<String> ids = new ArrayList<>();
        values.forEach((key, byPeriod) -> {
            if (byPeriod[CURRENT] != null && !key.isAll()) {
                for (SeriesValue v : new SeriesValue[] {byPeriod[CURRENT], byPeriod[PREVIOUS]}) {
                    if (v != null) {
                        v.records().forEach(c -> ids.add(c.recordId()));
                    }
                }
            }
        });
        return ids.toArray(String[]::new);
    }

    private static FutureTask<String[]> sortedAhead(String[] ids) {
        return Futures.start("records-sort", () -> {
            Arrays.sort(ids);
            return ids;
        });
    }

    /** The records, in the order of their ids {@code sorted} (which may repeat an id). */
    private static List<Claim> inOrder(FutureTask<String[]> sorted, Map<String, Claim> byId) {
        String[] ids = Futures.join(sorted, "sorting the records behind the figures");
        List<Claim> claims = new ArrayList<>(byId.size());
        String last = null;
        for (String id : ids) {
            if (!id.equals(last)) {
                claims.add(byId.get(id));
                last = id;
            }
        }
        if (claims.size() != byId.size()) {
            throw new IllegalStateException("The records behind the figures are " + byId.size() + ", their ids " + claims.size());
        }
        return Collections.unmodifiableList(claims);
    }

    private void useFullClaims(Function<Collection<Claim>, Map<String, Claim>> fullClaims) {
        Map<String, Claim> shown = new HashMap<>();
        for (SeriesValue[] byPeriod : values.values()) {
            for (int i : new int[] {PREVIOUS, CURRENT}) {
                if (byPeriod[i] != null) {
                    byPeriod[i].records().forEach(c -> shown.put(c.recordId(), c));
                }
            }
        }
        newClaims.forEach(c -> shown.put(c.recordId(), c));
        Map<String, Claim> full = fullClaims.apply(shown.values());
        Function<Claim, Claim> resolve = c -> {
            Claim claim = full.get(c.recordId());
            if (claim == null) {
                throw new IllegalStateException("The record " + c.recordId() + " is missing from the ledger.");
            }
            return claim;
        };
        for (SeriesValue[] byPeriod : values.values()) {
            for (int i : new int[] {PREVIOUS, CURRENT}) {
                SeriesValue v = byPeriod[i];
                if (v != null) {
                    byPeriod[i] = new SeriesValue(v.key(), v.range(), v.derived(), v.recordId(), v.asOf(), v.reportedOn(),
                            v.latestReportedOn(), v.qualifier(), v.records().stream().map(resolve).toList());
                }
            }
        }
        newClaims.replaceAll(resolve::apply);
    }

    SeriesChange change(SeriesValue current, SeriesValue previous) {
        Status status;
        if (previous == null) {
            status = Status.FIRST;
        } else if (!current.latestReportedOn().isBefore(period.start())) {
            status = Status.NEW;
        } else {
            status = Status.CARRIED;
        }
        if (previous == null) {
            return new SeriesChange(current, null, null, null, null, status);
        }
        Range now = current.range();
        Range before = previous.range();
        return new SeriesChange(current, previous, now.low() - before.low(), now.high() - before.high(),
                percentChange(before, now), status);
    }

    /** (mid - mid') / mid' x 100, rounded half-up to one decimal; null when mid' is 0. */
    static BigDecimal percentChange(Range before, Range now) {
        if (before.twiceMid() == 0) {
            return null;
        }
        BigDecimal difference = BigDecimal.valueOf(now.twiceMid() - before.twiceMid()).multiply(BigDecimal.valueOf(100));
        return difference.divide(BigDecimal.valueOf(before.twiceMid()), 1, RoundingMode.HALF_UP);
    }

    /** Adds the {@code ALL} series: the smallest low and largest high among the sources, period by period. */
    private void addAcrossSources() {
        Map<SeriesKey, SeriesValue[]> across = new HashMap<>();
        // in report order, so that the records behind an ALL value come in the same order at every run
        List<SeriesKey> sources = new ArrayList<>(values.keySet());
        sources.sort(SeriesKey.REPORT_ORDER);
        sources.forEach(key -> {
            SeriesValue[] byPeriod = values.get(key);
            SeriesValue[] all = across.computeIfAbsent(key.acrossSources(), k -> new SeriesValue[TREND_PERIODS]);
            for (int i = 0; i < byPeriod.length; i++) {
                if (byPeriod[i] != null) {
                    all[i] = all[i] == null ? acrossSources(key.acrossSources(), byPeriod[i]) : merge(all[i], byPeriod[i]);
                }
            }
        });
        values.putAll(across);
    }

    private static SeriesValue acrossSources(SeriesKey key, SeriesValue source) {
        return new SeriesValue(key, source.range(), true, null, null, null, source.latestReportedOn(),
                source.qualifier(), List.copyOf(source.records()));
    }

    private static SeriesValue merge(SeriesValue all, SeriesValue source) {
        List<Claim> records = new ArrayList<>(all.records());
        records.addAll(source.records());
        LocalDate newest = source.latestReportedOn().isAfter(all.latestReportedOn())
                ? source.latestReportedOn() : all.latestReportedOn();
        return new SeriesValue(all.key(), all.range().span(source.range()), true, null, null, null, newest,
                all.qualifier() == source.qualifier() ? all.qualifier() : null, records);
    }
}
