package briefing.report;

import briefing.change.ChangeCalculator;
import briefing.ledger.Basis;
import briefing.ledger.Claim;
import briefing.ledger.Metric;
import briefing.ledger.Qualifier;
import briefing.ledger.Rejection;
import briefing.period.Period;
import briefing.report.excel.ExcelBriefingWriter;
import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;
import org.slf4j.LoggerFactory;

/**
 * Starts the report libraries (POI and its XML schema types, OpenPDF, JFreeChart and Java 2D's fonts) on
 * a background thread while Spring starts, so that the render step does not pay for their first use:
 * in a short run that is most of the step, and the second core is otherwise idle during start-up. It
 * writes throwaway documents to nowhere and never touches the briefing's own fonts, whose subsets are
 * numbered per document (the bytes of a briefing must not depend on what ran before it).
 */
public final class LibraryWarmUp {

    private LibraryWarmUp() {
    }

    public static void startAhead() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Thread thread = new Thread(LibraryWarmUp::warmUp, "warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Does the warm-up on this thread. */
    static void warmUp() {
        try {
            workbook();
            pdf();
            chart();
            // last: the most a short run can do without
            briefingWorkbook();
        } catch (Exception | LinkageError e) {
            // only a head start: the render step meets any real problem itself
            LoggerFactory.getLogger("briefing").debug("Warming up the report libraries failed", e);
        }
    }

    private static void workbook() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("warm-up");
            sheet.createRow(0).createCell(0).setCellValue(1);
            sheet.createDrawingPatriarch();
            workbook.write(OutputStream.nullOutputStream());
        }
    }

    /**
     * A briefing workbook of two made-up claims: loads and compiles the workbook writer's own classes and
     * the parts of POI it uses (tables, conditional formats, print set-up), which a bare workbook does not.
     */
    private static void briefingWorkbook() throws Exception {
        ChangeCalculator calculator = new ChangeCalculator(Period.parse("2025-W18"));
        calculator.addGroup(List.of(warmUpClaim("warm-up-1", LocalDate.of(2025, 4, 22), 100),
                warmUpClaim("warm-up-2", LocalDate.of(2025, 4, 29), 200)));
        Briefing briefing = new Briefing(calculator.finish(), Instant.parse("2025-05-05T00:00:00Z"),
                List.of(new Rejection("warm-up.csv", 2, "warm-up-3", "value_low", "warm-up")));
        new ExcelBriefingWriter().write(briefing, OutputStream.nullOutputStream());
    }

    private static Claim warmUpClaim(String id, LocalDate day, long value) {
        return new Claim(id, day, "warm-up source", null, "warm-up subject", Metric.KILLED, value, value, Qualifier.EXACT,
                Basis.CUMULATIVE, day, null, "https://example.org/" + id, null, "warm-up note");
    }

    private static void pdf() throws Exception {
        Document document = new Document();
        PdfWriter.getInstance(document, OutputStream.nullOutputStream());
        document.open();
        document.add(new Paragraph("warm-up"));
        document.close();
    }

    private static void chart() {
        JFreeChart chart = ChartFactory.createXYLineChart("warm-up", "x", "y", new XYSeriesCollection());
        BufferedImage image = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            chart.draw(graphics, new Rectangle2D.Double(0, 0, 60, 40));
        } finally {
            graphics.dispose();
        }
    }
}
