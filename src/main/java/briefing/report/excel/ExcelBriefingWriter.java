package briefing.report.excel;

import briefing.change.Figures;
import briefing.report.Briefing;
import briefing.report.ReportWriter;
import briefing.thread.Futures;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;
import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
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

    /** Threads that make the rows of the table sheets, beside the one that builds the workbook. */
    private static final int HELPERS = 2;

    public ExcelBriefingWriter() {
    }

    @Override
    public String fileName() {
        return "briefing.xlsx";
    }

    @Override
    public void write(Briefing briefing, OutputStream out) throws IOException {
        Figures figures = briefing.figures();
        ExecutorService helpers = Futures.daemonPool(HELPERS, "workbook-rows");
        try {
            byte[] template;
            SheetRows trendRows;
            List<CompletableFuture<SheetRows>> large;
            ChartParts charts;
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                Styles styles = new Styles(workbook);
                XSSFSheet summary = workbook.createSheet("Summary");
                XSSFSheet trend = workbook.createSheet("Trend");
                List<XSSFSheet> tables = Stream.of("Changes", "Records", "New claims", "Rejected").map(workbook::createSheet).toList();
                // The rows of the table sheets, which grow with the ledger, are made on other threads meanwhile,
                // the largest sheet's first; they never touch the workbook, which is not made to be shared.
                CompletableFuture<DataSheet> records = CompletableFuture.supplyAsync(
                        () -> RecordsSheet.write(tables.get(1), styles, figures), helpers);
                CompletableFuture<DataSheet> newClaims = CompletableFuture.supplyAsync(
                        () -> NewClaimsSheet.write(tables.get(2), styles, figures), helpers);
                CompletableFuture<DataSheet> rejected = CompletableFuture.supplyAsync(
                        () -> RejectedSheet.write(tables.get(3), styles, briefing.rejections()), helpers);
                CompletableFuture<DataSheet> changes = CompletableFuture.supplyAsync(
                        () -> ChangesSheet.write(tables.get(0), styles, figures), helpers);
                List<CompletableFuture<DataSheet>> filled = List.of(changes, records, newClaims, rejected);
                large = filled.stream().map(sheet -> sheet.thenApplyAsync(DataSheet::streamed, helpers)).toList();
                // written out while the file is written, which compresses them as they come
                large.forEach(rows -> rows.thenAcceptAsync(SheetRows::render, helpers));
                trendRows = TrendSheet.write(trend, styles, figures.trend());
                charts = SummarySheet.write(summary, styles, briefing, TrendSheet.layout(trend, figures.trend()));
                filled.forEach(sheet -> Futures.join(sheet).setUpStreamed());
                describe(workbook.getProperties().getCoreProperties(), briefing);
                UnsynchronizedByteArrayOutputStream bytes = UnsynchronizedByteArrayOutputStream.builder().get();
                workbook.write(bytes);
                template = bytes.toByteArray();
            }
            WorkbookPackage.write(template, Stream.concat(Stream.of(trendRows), large.stream().map(Futures::join)).toList(),
                    charts, out);
            out.flush();
        } finally {
            helpers.shutdown();
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
