package briefing.report.pdf;

import briefing.report.Briefing;
import briefing.report.ReportWriter;
import briefing.thread.Futures;
import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Writes {@code briefing.pdf}, the briefing for staff: on page 1 the title, key judgements and the
 * headline table; then trend charts, figures by source, the new claims of the period with their
 * citations, and data quality. A4 portrait, every font embedded (Latin, Cyrillic and Hangul print;
 * characters no shipped font has print as "?"). The same briefing gives the same bytes on any
 * machine and in any time zone or locale. Stateless and thread-safe; the stream is flushed, not closed.
 */
public class PdfBriefingWriter implements ReportWriter {

    private static final List<Section> SECTIONS = List.of(new TitleBlock(), new BottomLine(), new HeadlineTable(),
            new TrendSection(), new SourceTable(), new NewClaimsSection(), new RestatementSection(), new DataQualitySection());

    public PdfBriefingWriter() {
    }

    @Override
    public String fileName() {
        return "briefing.pdf";
    }

    @Override
    public void write(Briefing briefing, OutputStream out) throws IOException {
        // The identifier hashes all the briefing shows, tens of megabytes in a large one: worked out on a
        // thread of its own while the pages are laid out.
        CompletableFuture<byte[]> id = CompletableFuture.supplyAsync(() -> Reproducibility.digest(briefing), task -> {
            Thread thread = new Thread(task, "pdf-identifier");
            thread.setDaemon(true);
            thread.start();
        });
        Fonts fonts = Fonts.load();
        DocumentInfo info = DocumentInfo.of(briefing);
        Document document = new Document(PageSize.A4, 42, 42, 50, 46);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false);
        writer.setPageEvent(new PageFrame(fonts, info.header(), info.dates(), info.footer()));
        info.describe(document, briefing);
        document.open();
        try {
            Reproducibility.fixDates(writer, briefing);
            Layout layout = new Layout(document, writer, fonts);
            for (Section section : SECTIONS) {
                section.addTo(layout, briefing);
            }
            Reproducibility.fixId(writer, Futures.join(id));
        } finally {
            document.close();
        }
        out.flush();
    }
}
