package briefing.report.pdf;

import briefing.change.SeriesChange;
import briefing.change.Status;
import briefing.report.Figure;
import briefing.report.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * At most {@code limit} items of a long list, for a PDF that is read in two minutes: the most
 * important by a ranking, shown in the list's own order, and how many were left out (the workbook
 * has them all). A list within the limit is kept whole, in its order.
 */
record Shortlist<T>(List<T> shown, int omitted) {

    /** Series that moved this period first, the largest relative move first; a first figure counts as the largest. */
    static final Comparator<SeriesChange> MOST_MOVED = Comparator
            .comparing((SeriesChange c) -> c.status() == Status.CARRIED)
            .thenComparing(Comparator.comparingDouble(Series::movement).reversed());

    static <T> Shortlist<T> of(List<T> items, int limit, Comparator<? super T> importance) {
        if (items.size() <= limit) {
            return new Shortlist<>(items, 0);
        }
        List<Integer> ranked = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ranked.add(i);
        }
        ranked.sort(Comparator.<Integer, T>comparing(items::get, importance).thenComparing(Comparator.naturalOrder()));
        List<Integer> kept = new ArrayList<>(ranked.subList(0, limit));
        kept.sort(Comparator.naturalOrder());
        return new Shortlist<>(kept.stream().map(items::get).toList(), items.size() - limit);
    }

    /** The first {@code limit} items in the list's own order. */
    static <T> Shortlist<T> first(List<T> items, int limit) {
        return items.size() <= limit ? new Shortlist<>(items, 0)
                : new Shortlist<>(items.subList(0, limit), items.size() - limit);
    }

    /** "and 5,960 more new claims: see the 'New claims' sheet of briefing.xlsx."; null when nothing was left out. */
    String more(String what, String where) {
        return omitted == 0 ? null : "and " + Figure.number(omitted) + " more " + what + ": see " + where + " of briefing.xlsx.";
    }
}
