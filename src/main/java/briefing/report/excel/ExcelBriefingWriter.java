package briefing.report.excel;

import briefing.change.Figures;
import briefing.report.Briefing;
import briefing.report.ReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
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
        ExecutorService helper = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "workbook-rows");
            thread.setDaemon(true);
            return thread;
        });
        try {
            byte[] template;
            SheetRows trendRows;
            CompletableFuture<List<SheetRows>> large;
            ChartParts charts;
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                Styles styles = new Styles(workbook);
                XSSFSheet summary = workbook.createSheet("Summary");
                XSSFSheet trend = workbook.createSheet("Trend");
                List<XSSFSheet> tables = Stream.of("Changes", "Records", "New claims", "Rejected").map(workbook::createSheet).toList();
                // The rows of the table sheets, which grow with the ledger, are made on a second thread
                // meanwhile; it never touches the workbook, which is not made to be shared.
                CompletableFuture<List<DataSheet>> filled = CompletableFuture.supplyAsync(() -> List.of(
                        ChangesSheet.write(tables.get(0), styles, figures), RecordsSheet.write(tables.get(1), styles, figures),
                        NewClaimsSheet.write(tables.get(2), styles, figures),
                        RejectedSheet.write(tables.get(3), styles, briefing.rejections())), helper);
                large = filled.thenApplyAsync(sheets -> sheets.stream().map(DataSheet::streamed).toList(), helper);
                trendRows = TrendSheet.write(trend, styles, figures.trend());
                charts = SummarySheet.write(summary, styles, briefing, TrendSheet.layout(trend, figures.trend()));
                join(filled).forEach(DataSheet::setUpStreamed);
                describe(workbook.getProperties().getCoreProperties(), briefing);
                UnsynchronizedByteArrayOutputStream bytes = UnsynchronizedByteArrayOutputStream.builder().get();
                workbook.write(bytes);
                template = bytes.toByteArray();
            }
            WorkbookPackage.write(template, Stream.concat(Stream.of(trendRows), join(large).stream()).toList(), charts, out);
            out.flush();
        } finally {
            helper.shutdown();
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
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
