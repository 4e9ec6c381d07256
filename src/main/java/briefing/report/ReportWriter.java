package briefing.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one report file of a briefing. Output must depend only on the briefing (no clock, no random
 * ids, no unordered maps), so the same briefing gives the same bytes.
 */
public interface ReportWriter {

    /** The file name in the period's report folder, e.g. {@code briefing.pdf}. */
    String fileName();

    void write(Briefing briefing, OutputStream out) throws IOException;
}
