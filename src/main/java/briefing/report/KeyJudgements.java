package briefing.report;

import briefing.change.Figures;
import briefing.change.Restatement;
import briefing.change.SeriesChange;
import briefing.change.SeriesValue;
import briefing.ledger.Claim;
import briefing.ledger.SeriesKey;
import briefing.period.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bottom line up front: three to six plain sentences drawn from the figures, most important
 * first: whether anything was new, who raised or lowered an estimate, first figures, the widest
 * disagreement, stale figures and rejected input.
 */
public final class KeyJudgements {

    static final int MOST = 6;
    static final int LEAST = 3;
    public static final int STALE_DAYS = 90;
    private static final int MOST_CHANGES = 3;
    private static final int MOST_RESTATED = 2;
    /** Sources differing by less than this share of the lower figure are not called a disagreement. */
    private static final double DISAGREEMENT = 0.05;

    private final Figures figures;
    private final Period period;
    private final int rejectedRows;
    private final boolean manySubjects;
    private final List<Restatement> restatements;

    private KeyJudgements(Briefing briefing) {
        this.figures = briefing.figures();
        this.period = figures.period();
        this.rejectedRows = briefing.rejections().size();
        this.manySubjects = Series.subjects(figures).size() > 1;
        this.restatements = briefing.restatements();
    }

    public static List<String> of(Briefing briefing) {
        return new KeyJudgements(briefing).sentences();
    }

    private List<String> sentences() {
        List<String> head = new ArrayList<>();
        if (figures.newClaims().isEmpty()) {
            head.add(noNews());
        }
        List<String> tail = new ArrayList<>();
        if (rejectedRows > 0) {
            tail.add(rejectedRows == 1
                    ? "1 input row was rejected and is not counted; see Data quality."
                    : Figure.number(rejectedRows) + " input rows were rejected and are not counted; see Data quality.");
        }
        List<String> middle = new ArrayList<>();
        middle.addAll(changes());
        restated().ifPresent(middle::add);
        middle.addAll(firstFigures());
        disagreement().ifPresent(middle::add);
        stale().ifPresent(middle::add);
        List<String> all = new ArrayList<>(head);
        int room = MOST - head.size() - tail.size();
        all.addAll(middle.subList(0, Math.min(room, middle.size())));
        all.addAll(tail);
        for (SeriesChange change : Series.acrossSources(figures)) {
            if (all.size() >= LEAST) {
                break;
            }
            all.add(standing(change));
        }
        return all;
    }

    private String noNews() {
        LocalDate newest = figures.changes().stream()
                .map(c -> c.value().latestReportedOn())
                .filter(Objects::nonNull)
                .max(LocalDate::compareTo)
                .orElse(null);
        String unit = Words.unit(period);
        return newest == null
                ? "No claims known up to the end of this " + unit + "."
                : "No new claims this " + unit + ": figures carried from " + Words.day(newest) + ".";
    }

    /**
     * Sources that raised, lowered, restated or corrected a figure inside the period: those that moved most (by the
     * midpoint, relative to the previous figure), the largest move first.
     */
    private List<String> changes() {
        List<SeriesChange> changed = new ArrayList<>();
        for (SeriesChange change : Series.inReadingOrder(figures)) {
            if (!change.key().isAll() && change.previous() != null && isNew(change.value())) {
                changed.add(change);
            }
        }
        // stable: equal moves keep the reading order
        changed.sort(Comparator.comparingDouble(Series::movement).reversed());
        List<String> sentences = new ArrayList<>();
        changed.subList(0, Math.min(MOST_CHANGES, changed.size())).forEach(change -> sentences.add(changeSentence(change)));
        if (changed.size() > MOST_CHANGES) {
            int others = changed.size() - MOST_CHANGES;
            sentences.add(Figure.number(others) + (others == 1 ? " other figure also changed" : " other figures also changed")
                    + "; see the table below.");
        }
        return sentences;
    }

    /**
     * Figures of the previous period that late claims or corrections moved after its briefing: the staff who read
     * that briefing hold figures that are no longer the ones the changes above are measured from.
     */
    private Optional<String> restated() {
        List<Restatement> bySource = restatements.stream().filter(r -> !r.key().isAll()).toList();
        if (bySource.isEmpty()) {
            return Optional.empty();
        }
        List<String> items = new ArrayList<>();
        for (Restatement r : bySource.subList(0, Math.min(MOST_RESTATED, bySource.size()))) {
            items.add(r.key().source() + "'s " + what(r.key()) + " ("
                    + (r.asReported() == null ? "none" : Figure.range(r.asReported())) + " then, " + Figure.range(r.now()) + " now)");
        }
        int more = bySource.size() - items.size();
        if (more > 0) {
            items.add(Figure.number(more) + " more");
        }
        String previous = period.previous().label();
        return Optional.of("Since the " + previous + " briefing, late claims or corrections changed "
                + (bySource.size() == 1 ? "its figure for " : Figure.number(bySource.size()) + " of its figures: ") + join(items)
                + "; see Restated since the " + previous + " briefing.");
    }

    private String changeSentence(SeriesChange change) {
        SeriesKey key = change.key();
        String what = what(key);
        String before = Words.figure(change.previous()) + sumOf(change.previous());
        String now = Words.figure(change.value()) + sumOf(change.value());
        String pct = Figure.percent(change.changePct());
        String trailer = pct.isEmpty() ? "." : change.value().derived() ? ", " + pct + "." : " (" + pct + ").";
        String noun = change.value().records().stream().anyMatch(Claim::isIncrement) ? "total of " : "estimate of ";
        if (isCorrection(change.value())) {
            return key.source() + " corrected its " + noun + what + " from " + before + " to " + now + trailer;
        }
        return switch (Words.direction(change)) {
            case UP -> key.source() + " raised its " + noun + what + " from " + before + " to " + now + trailer;
            case DOWN -> key.source() + " lowered its " + noun + what + " from " + before + " to " + now + trailer;
            default -> key.source() + " restated its " + noun + what + ": " + now + ".";
        };
    }

    /**
     * What a derived figure adds up, so that it is not taken for an estimate the source gave: " (the sum of its
     * killed and wounded)"; nothing for a figure the source gave itself.
     */
    private static String sumOf(SeriesValue value) {
        if (!value.derived()) {
            return "";
        }
        return " (the sum of its " + join(value.records().stream().map(c -> c.metric().label()).distinct().toList()) + ")";
    }

    /** Series whose first value was reported inside the period, one sentence per source. */
    private List<String> firstFigures() {
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        for (SeriesChange change : Series.inReadingOrder(figures)) {
            if (!change.key().isAll() && change.previous() == null && isNew(change.value())) {
                bySource.computeIfAbsent(change.key().source(), s -> new ArrayList<>())
                        .add(what(change.key()) + " at " + Words.figure(change.value()) + sumOf(change.value()));
            }
        }
        List<String> sentences = new ArrayList<>();
        bySource.forEach((source, items) -> sentences.add(items.size() == 1
                ? source + " gave its first figure for " + items.get(0) + "."
                : source + " gave its first figures for " + join(items) + "."));
        return sentences;
    }

    /** The metric on which the sources' figures lie furthest apart, relative to the lower one. */
    private Optional<String> disagreement() {
        String best = null;
        double widest = DISAGREEMENT;
        for (SeriesChange all : Series.acrossSources(figures)) {
            List<SeriesChange> sources = Series.sourcesOf(figures, all.key());
            if (sources.size() < 2) {
                continue;
            }
            SeriesChange lowest = sources.get(0);
            SeriesChange highest = sources.get(0);
            for (SeriesChange s : sources) {
                lowest = Series.mid(s) < Series.mid(lowest) ? s : lowest;
                highest = Series.mid(s) > Series.mid(highest) ? s : highest;
            }
            double spread = (Series.mid(highest) - Series.mid(lowest)) / Math.max(1, Series.mid(lowest));
            if (spread > widest) {
                widest = spread;
                best = "Sources disagree on " + what(all.key()) + ": " + Words.figure(lowest.value()) + sumOf(lowest.value())
                        + " according to " + lowest.key().source() + ", " + Words.figure(highest.value())
                        + sumOf(highest.value()) + " according to " + highest.key().source() + ".";
            }
        }
        return Optional.ofNullable(best);
    }

    /** Figures whose newest claim is older than {@value #STALE_DAYS} days at the end of the period. */
    private Optional<String> stale() {
        List<String> items = new ArrayList<>();
        for (SeriesChange all : Series.acrossSources(figures)) {
            long age = Words.daysBefore(all.value().latestReportedOn(), period.end());
            if (age > STALE_DAYS) {
                items.add(what(all.key()) + " (newest " + Words.day(all.value().latestReportedOn()) + ")");
            }
        }
        if (items.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Possibly out of date, no claim for over " + STALE_DAYS + " days before the end of the "
                + Words.unit(period) + ": " + join(items) + ".");
    }

    private String standing(SeriesChange all) {
        int sources = Series.sourcesOf(figures, all.key()).size();
        return Words.metric(all.key().metric()) + (manySubjects ? " (" + all.key().subject() + ")" : "")
                + " stands at " + Words.figure(all.value()) + " (" + (sources == 1 ? "1 source" : sources + " sources") + ").";
    }

    private String what(SeriesKey key) {
        return key.metric().label() + (manySubjects ? " (" + key.subject() + ")" : "");
    }

    private boolean isNew(SeriesValue value) {
        return value.latestReportedOn() != null && period.contains(value.latestReportedOn());
    }

    private boolean isCorrection(SeriesValue value) {
        return value.records().stream().anyMatch(c -> c.supersedes() != null && period.contains(c.reportedOn()));
    }

    private static String join(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
