package briefing.report.excel;

import briefing.change.Figures;
import briefing.report.Briefing;
import briefing.report.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Date;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.util.Reproducibility;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes {@code briefing.xlsx}: a Summary sheet like the PDF's first page with native line charts,
 * then the Trend behind the charts, the Changes of {@code changes.csv}, the Records behind every
 * figure, the New claims of the period and the Rejected input rows. The same briefing gives the same
 * bytes whatever the clock, locale or time zone: document dates are the cutoff and zip entry times are
 * fixed. The first three sheets, whose size follows the number of series, are built in memory; the last
 * three, whose rows grow with the ledger (the records behind an increment total are all of its
 * increments), are streamed, so memory stays flat. Leaves the stream open; instances hold no state and
 * may be shared.
 */
public final class ExcelBriefingWriter implements ReportWriter {

    /** Rows of a streamed sheet kept in memory before they go to a temporary file. */
    private static final int ROW_WINDOW = 200;

    public ExcelBriefingWriter() {
    }

    @Override
    public String fileName() {
        return "briefing.xlsx";
    }

    @Override
    public void write(Briefing briefing, OutputStream out) throws IOException {
        Figures figures = briefing.figures();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            XSSFSheet summary = workbook.createSheet("Summary");
            XSSFSheet trend = workbook.createSheet("Trend");
            XSSFSheet changes = workbook.createSheet("Changes");
            // The charts read their cached values from the Trend sheet, so it is filled first.
            TrendLayout layout = TrendSheet.write(trend, styles, figures.trend());
            SummarySheet.write(summary, styles, briefing, layout);
            ChangesSheet.write(changes, styles, figures);
            describe(workbook.getProperties().getCoreProperties(), briefing);
            SXSSFWorkbook streamed = new SXSSFWorkbook(workbook, ROW_WINDOW);
            try {
                SXSSFSheet records = streamed.createSheet("Records");
                SXSSFSheet newClaims = streamed.createSheet("New claims");
                SXSSFSheet rejected = streamed.createSheet("Rejected");
                RecordsSheet.write(records, workbook.getSheet("Records"), styles, figures);
                NewClaimsSheet.write(newClaims, workbook.getSheet("New claims"), styles, figures);
                RejectedSheet.write(rejected, workbook.getSheet("Rejected"), styles, briefing.rejections());
                // POI's switch for zip entry times is one static flag: writers in other threads must not flip it meanwhile.
                synchronized (Reproducibility.class) {
                    Reproducibility.runWithSourceDateEpoch(() -> streamed.write(out));
                }
            } finally {
                streamed.dispose();
            }
        }
    }

    private static void describe(POIXMLProperties.CoreProperties properties, Briefing briefing) {
        String subjects = SummarySheet.subjects(briefing.figures());
        properties.setTitle("Briefing " + briefing.figures().period().label() + ": " + subjects);
        properties.setSubjectProperty(subjects);
        properties.setDescription(Briefing.CAVEAT);
        properties.setCreator(Briefing.PRODUCT);
        Optional<Date> cutoff = Optional.of(Date.from(briefing.cutoff()));
        properties.setCreated(cutoff);
        properties.setModified(cutoff);
    }
}
