package briefing.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.ledger.Basis;
import briefing.ledger.Claim;
import briefing.ledger.Metric;
import briefing.ledger.Qualifier;
import briefing.ledger.Rejection;
import briefing.report.Briefing;
import briefing.report.SampleBriefings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfBriefingWriterTests {

    private static final String SUBJECT = "DPRK forces in Russia";
    private static final LocalDate IN_W18 = LocalDate.of(2025, 4, 29);

    private final PdfBriefingWriter writer = new PdfBriefingWriter();

    @Test
    void shouldBeNamedBriefingPdf() {
        assertThat(writer.fileName()).isEqualTo("briefing.pdf");
    }

    @Test
    void shouldPutTitleKeyJudgementsAndHeadlineFiguresOnPageOne() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(write(SampleBriefings.of("2025-W18")))) {
            String page1 = text(pdf, 1, 1);
            assertThat(page1).contains(SUBJECT, "Briefing 2025-W18", "28 April - 4 May 2025",
                    "figures as known at 2025-05-05T06:00:00Z (UTC)");
            assertThat(page1).contains("NIS (South Korea) raised its estimate of killed from about 300 to 600 (+100.0%).");
            assertThat(page1).contains("Headline figures", "10,000-12,000", "4,000-4,700", "about 2,700", "15,000");
            assertThat(page1).contains("\u25B2 +300 (+100.0%)", "\u25AC no change");
        }
    }

    @Test
    void shouldShowEverySection() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(write(SampleBriefings.of("2025-04")))) {
            assertThat(text(pdf)).contains("Key judgements", "Headline figures", "Trend over the last 12 months",
                    "Figures by source", "New claims this month", "No corrections received this month.",
                    "Data quality and caveats", Briefing.CAVEAT, "Lee Seong Kweun (MP)",
                    "Officials of Ukraine, South Korea and the US");
        }
    }

    @Test
    void shouldGiveAShortBriefingForAWeekWithNothingNew() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(write(SampleBriefings.of("2025-W20")))) {
            String text = text(pdf);
            assertThat(text).contains("No new claims this week: figures carried from 30 April 2025.",
                    "No new claims this week.", "trend charts are left out");
            assertThat(text).doesNotContain("Reported Source and conduit");
            assertThat(pdf.getNumberOfPages()).isBetween(1, 2);
        }
    }

    @Test
    void shouldHaveASensiblePageCountWithHeaderAndFooterOnEveryPage() throws IOException {
        for (String label : List.of("2025-W18", "2025-04", "2025-Q2")) {
            try (PDDocument pdf = Loader.loadPDF(write(SampleBriefings.of(label)))) {
                int pages = pdf.getNumberOfPages();
                assertThat(pages).as(label).isBetween(2, 5);
                for (int page = 1; page <= pages; page++) {
                    assertThat(text(pdf, page, page)).as(label + " page " + page)
                            .contains("Briefing " + label, "page " + page + " of " + pages,
                                    "figures as known at 2025-05-05T06:00:00Z (UTC)");
                }
            }
        }
    }

    @Test
    void shouldWriteTheSameBytesTwice() throws IOException {
        Briefing sample = SampleBriefings.of("2025-W18");
        assertThat(write(sample)).isEqualTo(write(sample));
        Briefing multiScript = multiScript("2025-W18", List.of());
        assertThat(write(multiScript)).isEqualTo(write(multiScript));
    }

    @Test
    void shouldEmbedEveryFont() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(write(multiScript("2025-W18", rejections(3))))) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                collectFonts(page.getResources(), fonts);
            }
            assertThat(fonts).isNotEmpty();
            assertThat(fonts).allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
            assertThat(fonts).extracting(PDFont::getName).noneMatch(name -> name.contains("Helvetica"));
        }
    }

    @Test
    void shouldPrintKoreanAndUkrainianNamesInTextAndCharts() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(write(multiScript("2025-W18", List.of())))) {
            String text = text(pdf);
            assertThat(text).contains("국가정보원", "Міністерство оборони України", "Ukrainian і ї є ґ");
            String charts = formText(pdf);
            assertThat(charts).contains("국가정보원", "Міністерство оборони України");
        }
    }

    @Test
    void shouldDrawChartsAsVectors() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(write(SampleBriefings.of("2025-W18")))) {
            List<PDXObject> objects = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                collectXObjects(page.getResources(), objects);
            }
            assertThat(objects).anyMatch(PDFormXObject.class::isInstance);
            assertThat(objects).noneMatch(PDImageXObject.class::isInstance);
            assertThat(formText(pdf)).contains("Troops deployed", "NIS (South Korea)", "W18", "12,000");
        }
    }

    @Test
    void shouldLinkCitationsThatAreWebAddresses() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(write(multiScript("2025-W18", List.of())))) {
            List<String> uris = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                        uris.add(uri.getURI());
                    }
                }
            }
            assertThat(uris).contains("https://example.org/report?id=1&x=2", "https://example.com/x");
        }
    }

    @Test
    void shouldSurviveMarkupQuotesEmojiAndRightToLeftText() throws IOException {
        Claim noisy = claim("noisy", "NIS (South Korea)", Metric.WOUNDED, 3000, "plain citation", null,
                "says <b>&amp;\"quoted\" 👍🏽 \u200D \u0007 שלום مرحبا");
        Briefing briefing = SampleBriefings.of("2025-W18", withSample(noisy), List.of());
        try (PDDocument pdf = Loader.loadPDF(write(briefing))) {
            assertThat(text(pdf)).contains("says <b>&amp;\"quoted\"", "??");
        }
    }

    @Test
    void shouldListTheFirstTwentyRejectionsWithFileLineColumnAndReason() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(write(SampleBriefings.of("2025-W18", SampleBriefings.sampleClaims(), rejections(25))))) {
            String text = text(pdf);
            assertThat(text).contains("25 rows were not loaded", "By column: value_low 25.", "file.csv:3", "file.csv:22",
                    "value_low", "is not a whole number");
            assertThat(text).doesNotContain("file.csv:23");
            assertThat(text).contains("25 input rows were rejected and are not counted; see Data quality.");
        }
    }

    @Test
    void shouldListEachSourcesFigureWithoutARecentClaim() throws IOException {
        // NIS made claims in the week, but its wounded figure rests on one of 31 January, 93 days before its end
        try (PDDocument pdf = Loader.loadPDF(write(SampleBriefings.of("2025-W18")))) {
            String text = text(pdf);
            assertThat(text).contains("wounded (newest 31 January 2025)", "Figures without a recent claim",
                    "NIS (South Korea) Wounded 31 Jan 2025 93");
        }
    }

    @Test
    void shouldCountRejectionsByColumnMostFrequentFirst() {
        List<Rejection> rejections = new ArrayList<>(rejections(3));
        rejections.add(new Rejection("file.csv", 40, "", "", "The row has 3 fields; the header has 14."));
        rejections.add(new Rejection("file.csv", 41, "x", "as_of", "as_of is after reported_on."));
        rejections.add(new Rejection("file.csv", 42, "", "", "The row has 2 fields; the header has 14."));
        assertThat(DataQualitySection.byColumn(rejections)).isEqualTo("value_low 3, whole row 2, as_of 1");
    }

    @Test
    void shouldShowCorrectionsNextToWhatTheyReplace() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(write(multiScript("2025-W18", List.of())))) {
            assertThat(text(pdf)).contains("Corrections received this week", "killed: at least 550",
                    "killed: about 400-500", "record nis-kr-1, reported 2 Mar 2025");
        }
    }

    @Test
    void shouldNameTheRecordNowBehindAFigureThatLateClaimsRestated() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(write(SampleBriefings.withLateClaim()))) {
            assertThat(text(pdf)).contains("Restated since the 2025-W18 briefing", "Record now behind it",
                    "Killed Ukraine GUR none 1,000 a first figure gur-killed-0502 reported 2 May 2025");
        }
    }

    @Test
    void shouldMarkSumsOfIncrementsAndGiveARepeatedCitationOnce() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(write(SampleBriefings.of("2025-W18")))) {
            String text = text(pdf);
            assertThat(text).contains("Reinforcements sent sum of increments about 3,000",
                    "South Korean military sum of 1 increment, 1 Jan 2025 - 31 Mar 2025", "as above");
            // the seed article's reference stands behind four new claims
            assertThat(text.split("Six hundred North Korean soldiers", -1)).hasSize(2);
        }
    }

    @Test
    void shouldBoundLongListsAndSayWhereTheRestIs() throws IOException {
        List<Claim> claims = new ArrayList<>(SampleBriefings.sampleClaims());
        for (int i = 0; i < 60; i++) {
            claims.add(claim("many-" + i, "Source " + i, Metric.KILLED, 1000 + i, null, null, "note " + i));
        }
        try (PDDocument pdf = Loader.loadPDF(write(SampleBriefings.of("2025-W18", claims, List.of())))) {
            String text = text(pdf);
            int newClaims = 60 + 4;
            assertThat(text).contains("and " + (newClaims - NewClaimsSection.CLAIMS)
                    + " more new claims (behind the figures that moved least): see the 'New claims' sheet of briefing.xlsx.");
            assertThat(text).contains("more source figures (of the metrics and sources that moved least): see the Changes sheet");
            assertThat(pdf.getNumberOfPages()).isLessThanOrEqualTo(6);
        }
    }

    @Test
    void shouldDescribeTheDocumentWithFixedDates() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(write(SampleBriefings.of("2025-W18")))) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Briefing 2025-W18: " + SUBJECT);
            assertThat(info.getSubject()).contains(SUBJECT, "28 April - 4 May 2025");
            assertThat(info.getKeywords()).contains("2025-W18", "killed");
            assertThat(info.getAuthor()).isEqualTo("briefing");
            assertThat(info.getCreator()).isEqualTo("briefing");
            assertThat(info.getCreationDate().toInstant()).isEqualTo(SampleBriefings.CUTOFF);
            assertThat(info.getModificationDate().toInstant()).isEqualTo(SampleBriefings.CUTOFF);
        }
    }

    @Test
    void shouldIdentifyTheFileByTheBriefingItShows() throws IOException {
        List<Claim> claims = SampleBriefings.sampleClaims();
        List<Claim> renamed = claims.stream().map(c -> c.recordId().equals(claims.get(0).recordId()) ? renamedCopy(c) : c).toList();
        List<Rejection> rejections = List.of(new Rejection("claims.csv", 7, "x-1", "value_low", "The value is not a number."));

        String id = fileId(SampleBriefings.of("2025-W18", claims, List.of()));

        assertThat(fileId(SampleBriefings.of("2025-W18", claims, List.of()))).isEqualTo(id).hasSize(64);
        assertThat(fileId(SampleBriefings.of("2025-W18", renamed, List.of()))).isNotEqualTo(id);
        assertThat(fileId(SampleBriefings.of("2025-W18", claims, rejections))).isNotEqualTo(id);
        assertThat(fileId(SampleBriefings.of("2025-W19", claims, List.of()))).isNotEqualTo(id);
    }

    private static Claim renamedCopy(Claim c) {
        return new Claim(c.recordId() + "-b", c.reportedOn(), c.source(), c.conduit(), c.subject(), c.metric(), c.valueLow(),
                c.valueHigh(), c.qualifier(), c.basis(), c.asOf(), c.windowStart(), c.citation(), c.supersedes(), c.note());
    }

    /** The file identifier in the trailer, both its parts, in hexadecimal. */
    private String fileId(Briefing briefing) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(write(briefing))) {
            COSArray id = pdf.getDocument().getDocumentID();
            return HexFormat.of().formatHex(((COSString) id.getObject(0)).getBytes())
                    + HexFormat.of().formatHex(((COSString) id.getObject(1)).getBytes());
        }
    }

    private byte[] write(Briefing briefing) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(briefing, out);
        return out.toByteArray();
    }

    /** The sample plus claims by a Korean and a Ukrainian source, a correction and web citations. */
    private static Briefing multiScript(String period, List<Rejection> rejections) {
        LocalDate march = LocalDate.of(2025, 3, 2);
        Claim korean = new Claim("nis-kr-1", march, "국가정보원", "국회 정보위원회", SUBJECT, Metric.KILLED, 400, 500,
                Qualifier.ABOUT, Basis.CUMULATIVE, march, null, null, null, "첫 번째 보고");
        Claim correction = claim("nis-kr-2", "국가정보원", Metric.KILLED, 550,
                "See https://example.org/report?id=1&x=2 and https://example.com/x.", "nis-kr-1", "correction");
        Claim ukrainian = claim("mod-ua-1", "Міністерство оборони України", Metric.KILLED, 1000,
                "https://mod.gov.ua/news", null, "Ukrainian і ї є ґ");
        return SampleBriefings.of(period, withSample(korean, correction, ukrainian), rejections);
    }

    private static Claim claim(String id, String source, Metric metric, long value, String citation, String supersedes,
            String note) {
        return new Claim(id, IN_W18, source, null, SUBJECT, metric, value, value,
                supersedes == null ? Qualifier.EXACT : Qualifier.AT_LEAST, Basis.CUMULATIVE, IN_W18, null, citation,
                supersedes, note);
    }

    private static List<Claim> withSample(Claim... claims) {
        List<Claim> all = new ArrayList<>(SampleBriefings.sampleClaims());
        all.addAll(List.of(claims));
        return all;
    }

    private static List<Rejection> rejections(int count) {
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rejections.add(new Rejection("file.csv", i + 3, "id-" + i, "value_low",
                    "Value '4.7k' is not a whole number: write digits, e.g. 4700."));
        }
        return rejections;
    }

    private static String text(PDDocument pdf) throws IOException {
        return text(pdf, 1, pdf.getNumberOfPages());
    }

    /** The text of some pages with every run of white space made one space, so sentences match across lines. */
    private static String text(PDDocument pdf, int first, int last) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(first);
        stripper.setEndPage(last);
        return stripper.getText(pdf).replaceAll("\\s+", " ");
    }

    /** The text drawn inside form XObjects: the charts. */
    private static String formText(PDDocument pdf) throws IOException {
        List<PDXObject> objects = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            collectXObjects(page.getResources(), objects);
        }
        StringBuilder text = new StringBuilder();
        for (PDXObject object : objects) {
            if (object instanceof PDFormXObject form) {
                try (PDDocument single = new PDDocument()) {
                    PDPage page = new PDPage(form.getBBox());
                    page.setResources(form.getResources());
                    page.setContents(new PDStream(form.getCOSObject()));
                    single.addPage(page);
                    text.append(new PDFTextStripper().getText(single)).append(' ');
                }
            }
        }
        return text.toString().replaceAll("\\s+", " ");
    }

    private static void collectFonts(PDResources resources, List<PDFont> fonts) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDFormXObject form) {
                collectFonts(form.getResources(), fonts);
            }
        }
    }

    private static void collectXObjects(PDResources resources, List<PDXObject> objects) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            objects.add(object);
            if (object instanceof PDFormXObject form) {
                collectXObjects(form.getResources(), objects);
            }
        }
    }
}
