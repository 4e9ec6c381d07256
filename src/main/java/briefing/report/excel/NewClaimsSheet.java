package briefing.report.excel;

import briefing.change.Figures;
import briefing.change.Range;
import briefing.ledger.Claim;
import briefing.report.Figure;
import briefing.report.excel.DataSheet.Column;
import briefing.report.excel.DataSheet.Kind;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The New claims sheet: the claims made public inside the period; a correction also shows the
 * figure it replaces when that record is among the briefing's records, else the record's id.
 */
final class NewClaimsSheet {

    private NewClaimsSheet() {
    }

    static DataSheet write(XSSFSheet sheet, Styles styles, Figures figures) {
        DataSheet data = new DataSheet(sheet, styles, ClaimColumns.with(new Column("replaces", Kind.WRAPPED)));
        Map<String, Claim> known = new HashMap<>();
        Stream.concat(figures.recordsBehind().stream(), figures.newClaims().stream())
                .forEach(claim -> known.put(claim.recordId(), claim));
        for (Claim claim : figures.newClaims()) {
            Claim replaced = claim.supersedes() == null ? null : known.get(claim.supersedes());
            String replaces = claim.supersedes() == null ? null
                    : replaced == null ? "record " + claim.supersedes() : describe(replaced);
            data.addRow(ClaimColumns.values(claim, replaces));
        }
        return data.endRows("NewClaimsTable");
    }

    private static String describe(Claim claim) {
        return Figure.inWords(new Range(claim.valueLow(), claim.valueHigh()), claim.qualifier())
                + " as of " + claim.asOf() + ", reported " + claim.reportedOn();
    }
}
