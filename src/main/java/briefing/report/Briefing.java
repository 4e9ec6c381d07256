package briefing.report;

import briefing.change.Figures;
import briefing.change.Restatement;
import briefing.ledger.Rejection;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What every report of one run shows: the computed figures, the knowledge cutoff they were computed
 * at, the input rows the run rejected (in the order of {@code rejected.csv}), and the figures of the
 * previous period restated since its briefing ({@code previousCutoff} is that briefing's cutoff, null
 * when the previous period was not reported). Renderers read it and compute nothing of their own
 * beyond presentation.
 */
public record Briefing(Figures figures, Instant cutoff, List<Rejection> rejections, Instant previousCutoff,
                       List<Restatement> restatements) implements Serializable {

    public Briefing(Figures figures, Instant cutoff, List<Rejection> rejections) {
        this(figures, cutoff, rejections, null, List.of());
    }

    public static final String PRODUCT = "briefing";
    public static final String CAVEAT = "These figures are claims made by parties to, or observers of, a war. "
            + "They are not verified counts; sources disagree and revise their estimates.";
}
