package briefing.report.pdf;

import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where a line may break: as OpenPDF's default, except after a minus sign. A hyphen after a letter or a digit
 * ("well-known", the "-" of a range such as "10,000-12,000") may still end a line, but the sign of "-159,088" or
 * "(-84.7%)" stays with its number: at the end of a line it read as a dash, and the number below it as a gain.
 */
final class SignKeepingSplit extends DefaultSplitCharacter {

    static final SplitCharacter INSTANCE = new SignKeepingSplit();

    private SignKeepingSplit() {
    }

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        if (getCurrentCharacter(current, cc, ck) == '-') {
            return current > start && Character.isLetterOrDigit(getCurrentCharacter(current - 1, cc, ck));
        }
        return super.isSplitCharacter(start, current, end, cc, ck);
    }
}
