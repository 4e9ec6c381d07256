package briefing.report.excel;

import briefing.ledger.Claim;
import briefing.report.excel.DataSheet.Column;
import briefing.report.excel.DataSheet.Kind;
import java.util.ArrayList;
import java.util.List;

/** The fields of a claim as sheet columns, in the order of the input contract, plus one column of the sheet's own. */
final class ClaimColumns {

    private static final List<Column> CLAIM = List.of(
            new Column("record_id", Kind.TEXT),
            new Column("reported_on", Kind.DATE),
            new Column("source", Kind.TEXT),
            new Column("conduit", Kind.WRAPPED),
            new Column("subject", Kind.TEXT),
            new Column("metric", Kind.TEXT),
            new Column("value_low", Kind.INTEGER),
            new Column("value_high", Kind.INTEGER),
            new Column("qualifier", Kind.TEXT),
            new Column("basis", Kind.TEXT),
            new Column("as_of", Kind.DATE),
            new Column("window_start", Kind.DATE),
            new Column("citation", Kind.LINK),
            new Column("supersedes", Kind.TEXT),
            new Column("note", Kind.WRAPPED));

    private ClaimColumns() {
    }

    static List<Column> with(Column extra) {
        List<Column> columns = new ArrayList<>(CLAIM);
        columns.add(extra);
        return columns;
    }

    static Object[] values(Claim claim, String extra) {
        return new Object[] {claim.recordId(), claim.reportedOn(), claim.source(), claim.conduit(), claim.subject(),
                claim.metric().code(), claim.valueLow(), claim.valueHigh(), claim.qualifier().code(), claim.basis().code(),
                claim.asOf(), claim.windowStart(), claim.citation(), claim.supersedes(), claim.note(), extra};
    }
}
