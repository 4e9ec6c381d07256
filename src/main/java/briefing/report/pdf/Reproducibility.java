package briefing.report.pdf;

import briefing.report.Series;
import briefing.change.Figures;
import briefing.change.SeriesChange;
import briefing.change.SeriesValue;
import briefing.ledger.Claim;
import briefing.ledger.Rejection;
import briefing.report.Briefing;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfWriter;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Replaces what OpenPDF would take from the clock and from chance: the creation and modification
 * dates become the briefing's cutoff, and the file identifier a hash of the briefing's content.
 * Call {@link #fixDates} after {@code document.open()}, which writes its own values first.
 */
final class Reproducibility {

    private Reproducibility() {
    }

    static void fixDates(PdfWriter writer, Briefing briefing) {
        GregorianCalendar cutoff = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        cutoff.setTimeInMillis(briefing.cutoff().toEpochMilli());
        writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(cutoff));
        writer.getInfo().put(PdfName.MODDATE, new PdfDate(cutoff));
    }

    /** Sets the file identifier to {@code digest}, the briefing's {@link #digest}; any time before {@code document.close()}. */
    static void fixId(PdfWriter writer, byte[] digest) {
        writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(digest, digest));
    }

    /**
     * MD5 of everything the briefing shows, written out field by field in a fixed order: 16 bytes, the
     * digest the PDF standard suggests for a file identifier, which only has to be unlikely to repeat (no
     * one's security rests on it), at a third of SHA-256's cost. The records shown, the new claims and those
     * behind the figures, count by their ids (a ledger never holds two records with one id), not their whole
     * content: tens of thousands of them, megabytes of text, in a large briefing.
     */
    static byte[] digest(Briefing briefing) {
        DigestText text = new DigestText("MD5");
        Figures figures = briefing.figures();
        text.append(figures.period().label()).append('\n').append(briefing.cutoff()).append('\n');
        for (SeriesChange change : figures.changes()) {
            text.append(change.key()).append('|').append(describe(change.value())).append('|')
                    .append(change.previous() == null ? "" : describe(change.previous())).append('|')
                    .append(change.changePct()).append('|').append(change.status()).append('\n');
        }
        figures.trend().periods().forEach(p -> text.append(p.label()).append(' '));
        figures.trend().values().keySet().stream().sorted(Series.READING_ORDER)
                .forEach(key -> text.append(key).append(figures.trend().values().get(key)).append('\n'));
        for (Claim claim : figures.newClaims()) {
            text.append("new|").append(claim.recordId()).append('\n');
        }
        for (Claim claim : figures.recordsBehind()) {
            text.append("behind|").append(claim.recordId()).append('\n');
        }
        for (Rejection rejection : briefing.rejections()) {
            text.append(rejection).append('\n');
        }
        return text.digest();
    }

    private static String describe(SeriesValue value) {
        return value.range() + "," + value.derived() + "," + value.recordId() + "," + value.asOf() + ","
                + value.reportedOn() + "," + value.latestReportedOn() + "," + value.qualifier();
    }
}
