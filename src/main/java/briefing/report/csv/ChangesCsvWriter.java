package briefing.report.csv;

import briefing.change.Figures;
import briefing.change.SeriesChange;
import briefing.change.SeriesValue;
import briefing.period.Period;
import briefing.report.Briefing;
import briefing.report.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code changes.csv}: one row per series with a value, in the contract's columns and order. */
public class ChangesCsvWriter implements ReportWriter {

    public static final List<String> HEADER = List.of("period", "period_start", "period_end", "subject", "metric", "source",
            "derived", "value_low", "value_high", "previous_low", "previous_high", "change_low", "change_high",
            "change_pct", "status", "record_id", "as_of", "reported_on");

    @Override
    public String fileName() {
        return "changes.csv";
    }

    @Override
    public void write(Briefing briefing, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(CsvLine.of(HEADER));
        Figures figures = briefing.figures();
        for (SeriesChange change : figures.changes()) {
            writer.write(CsvLine.of(row(figures.period(), change)));
        }
        writer.flush();
    }

    /** The fields of one row, as the contract formats them. */
    public static List<String> row(Period period, SeriesChange change) {
        SeriesValue value = change.value();
        SeriesValue previous = change.previous();
        List<String> row = new ArrayList<>(HEADER.size());
        row.add(period.label());
        row.add(period.start().toString());
        row.add(period.end().toString());
        row.add(value.key().subject());
        row.add(value.key().metric().code());
        row.add(value.key().source());
        row.add(Boolean.toString(value.derived()));
        row.add(Long.toString(value.range().low()));
        row.add(Long.toString(value.range().high()));
        row.add(previous == null ? "" : Long.toString(previous.range().low()));
        row.add(previous == null ? "" : Long.toString(previous.range().high()));
        row.add(change.changeLow() == null ? "" : change.changeLow().toString());
        row.add(change.changeHigh() == null ? "" : change.changeHigh().toString());
        row.add(change.changePct() == null ? "" : change.changePct().toPlainString());
        row.add(change.status().code());
        row.add(value.recordId() == null ? "" : value.recordId());
        row.add(value.asOf() == null ? "" : value.asOf().toString());
        row.add(value.reportedOn() == null ? "" : value.reportedOn().toString());
        return row;
    }
}
