package briefing.report;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.report.excel.ExcelBriefingWriter;
import briefing.report.pdf.PdfBriefingWriter;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class LibraryWarmUpTests {

    @Test
    void shouldLeaveTheBytesOfABriefingAsTheyWereWithoutIt() throws Exception {
        Briefing briefing = SampleBriefings.of("2025-W18");
        byte[] pdfBefore = write(new PdfBriefingWriter(), briefing);
        byte[] workbookBefore = write(new ExcelBriefingWriter(), briefing);

        LibraryWarmUp.warmUp();

        assertThat(write(new PdfBriefingWriter(), briefing)).isEqualTo(pdfBefore);
        assertThat(write(new ExcelBriefingWriter(), briefing)).isEqualTo(workbookBefore);
    }

    private static byte[] write(ReportWriter writer, Briefing briefing) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(briefing, out);
        return out.toByteArray();
    }
}
