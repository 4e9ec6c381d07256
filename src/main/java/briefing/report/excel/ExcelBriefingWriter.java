package briefing.report.excel;

import briefing.change.Figures;
import briefing.report.Briefing;
import briefing.report.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes {@code briefing.xlsx}: a Summary sheet like the PDF's first page with native line charts,
 * then the Trend behind the charts, the Changes of {@code changes.csv}, the Records behind every
 * figure, the New claims of the period and the Rejected input rows. The same briefing gives the same
 * bytes whatever the clock, locale or time zone: document dates are the cutoff and zip entry times are
 * fixed. The Summary and Trend sheets are made with POI, the native charts as XML text ({@link TrendCharts}); the
 * rows of the table sheets, which grow with the ledger (the records behind an increment total are all
 * of its increments), are written straight into the file ({@link SheetRows}), which is many times faster
 * than POI's cell objects. Leaves the stream open; instances hold no state and may be shared.
 */
public final class ExcelBriefingWriter implements ReportWriter {

    public ExcelBriefingWriter() {
    }

    @Override
    public String fileName() {
        return "briefing.xlsx";
    }

    @Override
    public void write(Briefing briefing, OutputStream out) throws IOException {
        Figures figures = briefing.figures();
        byte[] template;
        List<SheetRows> large;
        ChartParts charts;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            XSSFSheet summary = workbook.createSheet("Summary");
            XSSFSheet trend = workbook.createSheet("Trend");
            XSSFSheet changes = workbook.createSheet("Changes");
            // The charts point at the rows of the Trend sheet, so it is laid out first.
            TrendLayout layout = TrendSheet.write(trend, styles, figures.trend());
            charts = SummarySheet.write(summary, styles, briefing, layout);
            large = List.of(ChangesSheet.write(changes, styles, figures), RecordsSheet.write(workbook.createSheet("Records"), styles, figures),
                    NewClaimsSheet.write(workbook.createSheet("New claims"), styles, figures),
                    RejectedSheet.write(workbook.createSheet("Rejected"), styles, briefing.rejections()));
            describe(workbook.getProperties().getCoreProperties(), briefing);
            UnsynchronizedByteArrayOutputStream bytes = UnsynchronizedByteArrayOutputStream.builder().get();
            workbook.write(bytes);
            template = bytes.toByteArray();
        }
        WorkbookPackage.write(template, large, charts, out);
        out.flush();
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
