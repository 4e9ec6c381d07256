package briefing.report.csv;

import briefing.ledger.Rejection;
import briefing.report.Briefing;
import briefing.report.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes {@code rejected.csv}: every rejected input row, sorted by file then line; a header only when none. */
public class RejectedCsvWriter implements ReportWriter {

    @Override
    public String fileName() {
        return "rejected.csv";
    }

    @Override
    public void write(Briefing briefing, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(CsvLine.of(List.of("file", "line", "record_id", "column", "reason")));
        for (Rejection r : briefing.rejections()) {
            writer.write(CsvLine.of(List.of(r.file(), Long.toString(r.line()), r.recordId(), r.column(), r.reason())));
        }
        writer.flush();
    }
}
