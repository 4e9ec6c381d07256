package briefing.report.excel;

import java.util.List;
import java.util.TreeMap;

/**
 * The charts of a sheet as package parts: the drawing that places them ({@code anchors} are its
 * {@code <xdr:twoCellAnchor>} elements, the n-th pointing at relationship {@link #relationshipId}(n)),
 * its relationships, and one chart part each, {@code xl/charts/chart1.xml} on. POI made the drawing
 * part itself, empty, with the sheet's relationship to it; {@link WorkbookPackage} fills it in.
 */
record ChartParts(String drawingPart, String anchors, List<String> charts) {

    static final ChartParts NONE = new ChartParts("", "", List.of());

    private static final String CHART_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
    private static final String CHART_CONTENT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
    private static final String DRAWING_OVERRIDE = "<Override ContentType=\"application/vnd.openxmlformats-officedocument.drawing+xml\"";

    static String relationshipId(int index) {
        return "rId" + (index + 1);
    }

    boolean isEmpty() {
        return charts.isEmpty();
    }

    /** The zip entry name of chart {@code index}. */
    static String chartEntry(int index) {
        return "xl/charts/chart" + (index + 1) + ".xml";
    }

    String drawingEntry() {
        return drawingPart.substring(1);
    }

    String relationshipsEntry() {
        int slash = drawingPart.lastIndexOf('/');
        return drawingPart.substring(1, slash) + "/_rels" + drawingPart.substring(slash) + ".rels";
    }

    String drawing() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xdr:wsDr"
                + " xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing\""
                + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
                + " xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" + anchors + "</xdr:wsDr>";
    }

    /** The drawing's relationships, ordered by id as POI orders them. */
    String relationships() {
        TreeMap<String, Integer> byId = new TreeMap<>();
        for (int i = 0; i < charts.size(); i++) {
            byId.put(relationshipId(i), i);
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        byId.forEach((id, index) -> xml.append("<Relationship Id=\"").append(id).append("\" Target=\"../charts/chart")
                .append(index + 1).append(".xml\" Type=\"").append(CHART_TYPE).append("\"/>"));
        return xml.append("</Relationships>").toString();
    }

    /** {@code contentTypes} (the package's content types) with the charts' added before the drawing's. */
    String withContentTypes(String contentTypes) {
        int drawing = contentTypes.indexOf(DRAWING_OVERRIDE);
        if (drawing < 0) {
            throw new IllegalStateException("The package has no drawing for its charts");
        }
        StringBuilder xml = new StringBuilder(contentTypes.length() + charts.size() * 150);
        xml.append(contentTypes, 0, drawing);
        for (int i = 0; i < charts.size(); i++) {
            xml.append("<Override ContentType=\"").append(CHART_CONTENT).append("\" PartName=\"/")
                    .append(chartEntry(i)).append("\"/>");
        }
        return xml.append(contentTypes, drawing, contentTypes.length()).toString();
    }
}
