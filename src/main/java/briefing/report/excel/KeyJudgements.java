package briefing.report.excel;

import briefing.change.Figures;
import briefing.change.Range;
import briefing.change.SeriesChange;
import briefing.change.SeriesValue;
import briefing.change.Status;
import briefing.ledger.Claim;
import briefing.ledger.Metric;
import briefing.ledger.SeriesKey;
import briefing.report.Figure;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Three to six plain sentences on what the period brought, drawn from the figures alone: the sources'
 * new and revised figures (largest change first), where sources disagree, then the latest standing
 * figures when there is little else to say.
 */
final class KeyJudgements {

    static final int MIN = 3;
    static final int MAX = 6;

    /** Revised figures first, by size of change; then first figures; then repeated ones. */
    private static final Comparator<SeriesChange> NEWS_ORDER = Comparator.comparingInt(KeyJudgements::newsRank)
            .thenComparing(c -> c.changePct() == null ? BigDecimal.ZERO : c.changePct().abs(), Comparator.reverseOrder());

    private KeyJudgements() {
    }

    static List<String> of(Figures figures) {
        List<SeriesChange> changes = figures.changes();
        if (changes.isEmpty()) {
            return List.of("No figures are known for this period.");
        }
        boolean severalSubjects = changes.stream().map(c -> c.key().subject()).distinct().count() > 1;
        List<String> sentences = new ArrayList<>();
        Set<SeriesKey> told = new HashSet<>();
        List<SeriesChange> news = changes.stream()
                .filter(c -> !c.key().isAll() && !c.value().derived() && c.status() != Status.CARRIED)
                .sorted(NEWS_ORDER)
                .toList();
        if (news.isEmpty()) {
            LocalDate latest = changes.stream().map(c -> c.value().latestReportedOn())
                    .max(Comparator.naturalOrder()).orElseThrow();
            sentences.add("No new claims this period: figures carried from " + latest + ".");
        } else {
            int shown = news.size() <= MAX ? news.size() : MAX - 1;
            for (SeriesChange change : news.subList(0, shown)) {
                sentences.add(prefix(change, severalSubjects) + news(change));
                told.add(change.key().acrossSources());
            }
            if (shown < news.size()) {
                sentences.add((news.size() - shown) + " more series changed this period: see the Changes sheet.");
            }
        }
        List<SeriesChange> acrossSources = changes.stream().filter(c -> c.key().isAll()).toList();
        for (SeriesChange all : acrossSources) {
            List<SeriesValue> sources = sourceValues(changes, all.key());
            if (sentences.size() < MAX && sources.stream().map(SeriesValue::range).distinct().count() > 1) {
                sentences.add(prefix(all, severalSubjects) + disagreement(all, sources));
                told.add(all.key());
            }
        }
        List<SeriesChange> standing = acrossSources.stream()
                .filter(c -> !told.contains(c.key()))
                .sorted(Comparator.comparing((SeriesChange c) -> c.value().latestReportedOn()).reversed())
                .toList();
        for (SeriesChange all : standing) {
            if (sentences.size() >= MIN) {
                break;
            }
            sentences.add(prefix(all, severalSubjects) + standing(all, sourceValues(changes, all.key())));
        }
        return sentences;
    }

    private static int newsRank(SeriesChange change) {
        if (change.status() == Status.FIRST) {
            return 1;
        }
        return change.value().range().equals(change.previous().range()) ? 2 : 0;
    }

    private static String news(SeriesChange change) {
        SeriesValue value = change.value();
        String source = value.key().source();
        String label = value.key().metric().label();
        if (change.status() == Status.FIRST) {
            return source + " gave a first figure for " + label + ": " + figure(value) + ".";
        }
        SeriesValue previous = change.previous();
        String noun = value.records().get(0).isIncrement() ? "its total of " : "its estimate of ";
        if (value.range().equals(previous.range())) {
            return source + " repeated " + noun + label + ": " + figure(value) + ".";
        }
        String pct = change.changePct() == null ? "" : " (" + Figure.percent(change.changePct()) + ")";
        return source + " " + verb(change) + " " + noun + label + " from " + figure(previous) + " to " + figure(value)
                + pct + ".";
    }

    private static String verb(SeriesChange change) {
        boolean correction = change.value().records().stream()
                .anyMatch(r -> r.recordId().equals(change.value().recordId()) && r.supersedes() != null);
        if (correction) {
            return "corrected";
        }
        long before = twiceMid(change.previous().range());
        long now = twiceMid(change.value().range());
        return now > before ? "raised" : now < before ? "lowered" : "revised";
    }

    private static String disagreement(SeriesChange all, List<SeriesValue> sources) {
        String label = all.key().metric().label();
        if (sources.size() > 3) {
            return sources.size() + " sources differ on " + label + ": from " + Figure.number(all.value().range().low())
                    + " to " + Figure.number(all.value().range().high()) + ".";
        }
        return "Sources differ on " + label + ": " + sources.stream()
                .map(v -> figure(v) + " according to " + v.key().source())
                .collect(Collectors.joining(", ")) + ".";
    }

    private static String standing(SeriesChange all, List<SeriesValue> sources) {
        String names = sources.stream().map(v -> v.key().source()).collect(Collectors.joining(" and "));
        LocalDate reported = all.value().latestReportedOn();
        return "Latest figure for " + all.key().metric().label() + ": " + figure(sources.get(0)) + ", reported by " + names
                + " on " + reported + ".";
    }

    /** The figure in words; a derived value says what it adds up, e.g. "about 3,000 (killed plus wounded)". */
    private static String figure(SeriesValue value) {
        String words = Figure.inWords(value.range(), value.qualifier());
        if (!value.derived() || value.key().isAll()) {
            return words;
        }
        return words + " (" + value.records().stream().map(Claim::metric).distinct().map(Metric::label)
                .collect(Collectors.joining(" plus ")) + ")";
    }

    private static List<SeriesValue> sourceValues(List<SeriesChange> changes, SeriesKey all) {
        return changes.stream()
                .filter(c -> !c.key().isAll() && c.key().acrossSources().equals(all))
                .map(SeriesChange::value)
                .toList();
    }

    private static String prefix(SeriesChange change, boolean severalSubjects) {
        return severalSubjects ? change.key().subject() + ": " : "";
    }

    private static long twiceMid(Range range) {
        return range.low() + range.high();
    }
}
