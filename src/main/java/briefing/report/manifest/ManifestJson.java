package briefing.report.manifest;

import java.util.List;

/** Writes a {@link Manifest} as stable, indented JSON (fixed key order, no clock, no platform line ends). */
public final class ManifestJson {

    private ManifestJson() {
    }

    public static String of(Manifest m) {
        StringBuilder json = new StringBuilder("{\n");
        field(json, 1, "product", quote("briefing"), true);
        json.append("  \"period\": {\n");
        field(json, 2, "label", quote(m.period().label()), true);
        field(json, 2, "granularity", quote(m.period().granularity().folder()), true);
        field(json, 2, "start", quote(m.period().start().toString()), true);
        field(json, 2, "end", quote(m.period().end().toString()), false);
        json.append("  },\n");
        field(json, 1, "cutoff", quote(m.cutoff().toString()), true);
        field(json, 1, "cutoffExplicit", Boolean.toString(m.explicitCutoff()), true);
        json.append("  \"job\": {\n");
        field(json, 2, "name", quote(m.jobName()), true);
        field(json, 2, "instanceId", Long.toString(m.jobInstanceId()), true);
        field(json, 2, "executionId", Long.toString(m.jobExecutionId()), false);
        json.append("  },\n");
        files(json, "inputs", m.inputs(), true);
        Manifest.Counts c = m.counts();
        json.append("  \"counts\": {\n");
        field(json, 2, "rowsRead", Long.toString(c.rowsRead()), true);
        field(json, 2, "loaded", Long.toString(c.loaded()), true);
        field(json, 2, "alreadyInLedger", Long.toString(c.alreadyInLedger()), true);
        field(json, 2, "rejected", Long.toString(c.rejected()), true);
        field(json, 2, "ledgerRecordsAtCutoff", Long.toString(c.ledgerRecordsAtCutoff()), true);
        field(json, 2, "series", Long.toString(c.series()), false);
        json.append("  },\n");
        files(json, "outputs", m.outputs(), false);
        return json.append("}\n").toString();
    }

    private static void files(StringBuilder json, String name, List<Manifest.FileEntry> files, boolean more) {
        json.append("  \"").append(name).append("\": [");
        for (int i = 0; i < files.size(); i++) {
            Manifest.FileEntry f = files.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"file\": ").append(quote(f.file()))
                    .append(", \"bytes\": ").append(f.bytes())
                    .append(", \"sha256\": ").append(quote(f.sha256()));
            if (f.rows() != null) {
                json.append(", \"rows\": ").append(f.rows());
            }
            json.append('}');
        }
        json.append(files.isEmpty() ? "]" : "\n  ]").append(more ? ",\n" : "\n");
    }

    private static void field(StringBuilder json, int depth, String name, String value, boolean more) {
        json.append("  ".repeat(depth)).append('"').append(name).append("\": ").append(value).append(more ? ",\n" : "\n");
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) ch));
                    } else {
                        quoted.append(ch);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
