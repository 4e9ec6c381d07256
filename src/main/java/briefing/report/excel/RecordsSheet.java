package briefing.report.excel;

import briefing.change.Figures;
import briefing.change.SeriesChange;
import briefing.change.SeriesValue;
import briefing.ledger.Claim;
import briefing.report.excel.DataSheet.Column;
import briefing.report.excel.DataSheet.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The Records sheet: every record behind a figure of the period or the previous one, with the series
 * and periods whose value it makes (e.g. "killed / NIS (South Korea): 2025-W17, 2025-W18").
 */
final class RecordsSheet {

    private RecordsSheet() {
    }

    static DataSheet write(XSSFSheet sheet, Styles styles, Figures figures) {
        DataSheet data = new DataSheet(sheet, styles, ClaimColumns.with(new Column("supports", Kind.WRAPPED)));
        Map<String, Map<String, List<String>>> supports = supports(figures);
        for (Claim claim : figures.recordsBehind()) {
            data.addRow(ClaimColumns.values(claim, describe(supports.get(claim.recordId()))));
        }
        return data.endRows("RecordsTable");
    }

    /** By record id: the series it is behind, each with the periods whose value it makes. */
    private static Map<String, Map<String, List<String>>> supports(Figures figures) {
        Map<String, Map<String, List<String>>> supports = new HashMap<>();
        String previousLabel = figures.period().previous().label();
        for (SeriesChange change : figures.changes()) {
            if (!change.key().isAll()) {
                add(supports, change.previous(), previousLabel);
                add(supports, change.value(), figures.period().label());
            }
        }
        return supports;
    }

    private static void add(Map<String, Map<String, List<String>>> supports, SeriesValue value, String periodLabel) {
        if (value == null) {
            return;
        }
        String series = value.key().metric().code() + (value.derived() ? " (derived)" : "") + " / " + value.key().source();
        for (Claim record : value.records()) {
            supports.computeIfAbsent(record.recordId(), id -> new LinkedHashMap<>())
                    .computeIfAbsent(series, s -> new ArrayList<>()).add(periodLabel);
        }
    }

    private static String describe(Map<String, List<String>> seriesPeriods) {
        if (seriesPeriods == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, List<String>> series : seriesPeriods.entrySet()) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(series.getKey()).append(": ").append(String.join(", ", series.getValue()));
        }
        return text.toString();
    }
}
