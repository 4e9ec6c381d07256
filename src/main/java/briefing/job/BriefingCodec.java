package briefing.job;

import briefing.change.Figures;
import briefing.change.Range;
import briefing.change.Restatement;
import briefing.change.SeriesChange;
import briefing.change.SeriesValue;
import briefing.change.Status;
import briefing.change.Trend;
import briefing.ledger.Basis;
import briefing.ledger.Claim;
import briefing.ledger.Metric;
import briefing.ledger.Qualifier;
import briefing.ledger.Rejection;
import briefing.ledger.SeriesKey;
import briefing.period.Granularity;
import briefing.period.Period;
import briefing.report.Briefing;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of a computed briefing, field by field: about ten times faster than Java
 * serialization for the tens of thousands of records a large briefing shows. Each distinct claim is
 * written once and referred to by its number.
 */
final class BriefingCodec {

    private static final int MAGIC = 0x42524632;
    private static final Metric[] METRICS = Metric.values();
    private static final Qualifier[] QUALIFIERS = Qualifier.values();
    private static final Basis[] BASES = Basis.values();
    private static final Status[] STATUSES = Status.values();
    private static final Granularity[] GRANULARITIES = Granularity.values();
    private static final long NO_DAY = Long.MIN_VALUE;

    private BriefingCodec() {
    }

    static void write(Briefing briefing, DataOutputStream out) throws IOException {
        writeFigures(briefing.figures(), out);
        writeRest(briefing, out);
    }

    /** The figures, with the claims they show: the start of a stored briefing, and most of its bytes. */
    static void writeFigures(Figures figures, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        Map<Claim, Integer> numbers = new IdentityHashMap<>();
        List<Claim> table = new ArrayList<>();
        figures.changes().forEach(change -> {
            number(change.value(), numbers, table);
            number(change.previous(), numbers, table);
        });
        figures.newClaims().forEach(c -> numbers.computeIfAbsent(c, k -> add(table, k)));
        figures.recordsBehind().forEach(c -> numbers.computeIfAbsent(c, k -> add(table, k)));
        writeClaims(table, out);

        writePeriod(figures.period(), out);
        out.writeInt(figures.changes().size());
        for (SeriesChange change : figures.changes()) {
            writeValue(change.value(), numbers, out);
            writeValue(change.previous(), numbers, out);
            writeNullableLong(change.changeLow(), out);
            writeNullableLong(change.changeHigh(), out);
            writeString(change.changePct() == null ? null : change.changePct().toString(), out);
            out.writeByte(change.status().ordinal());
        }
        out.writeInt(figures.trend().periods().size());
        for (Period p : figures.trend().periods()) {
            writePeriod(p, out);
        }
        out.writeInt(figures.trend().values().size());
        for (Map.Entry<SeriesKey, List<Range>> series : figures.trend().values().entrySet()) {
            writeKey(series.getKey(), out);
            out.writeInt(series.getValue().size());
            for (Range range : series.getValue()) {
                writeRange(range, out);
            }
        }
        writeClaimRefs(figures.newClaims(), numbers, out);
        writeClaimRefs(figures.recordsBehind(), numbers, out);
    }

    /** What follows the figures: the cutoff, the rejections and the restatements. */
    static void writeRest(Briefing briefing, DataOutputStream out) throws IOException {
        writeInstant(briefing.cutoff(), out);
        out.writeInt(briefing.rejections().size());
        for (Rejection r : briefing.rejections()) {
            writeString(r.file(), out);
            out.writeLong(r.line());
            writeString(r.recordId(), out);
            writeString(r.column(), out);
            writeString(r.reason(), out);
        }
        writeInstant(briefing.previousCutoff(), out);
        out.writeInt(briefing.restatements().size());
        for (Restatement r : briefing.restatements()) {
            writeKey(r.key(), out);
            writeRange(r.asReported(), out);
            writeRange(r.now(), out);
        }
    }

    static Briefing read(DataInputStream in) throws IOException {
        return readRest(readFigures(in), in);
    }

    static Figures readFigures(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("Not a stored briefing of this version");
        }
        List<Claim> table = readClaims(in);
        Period period = readPeriod(in);
        List<SeriesChange> changes = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            SeriesValue value = readValue(table, in);
            SeriesValue previous = readValue(table, in);
            Long low = readNullableLong(in);
            Long high = readNullableLong(in);
            String pct = readString(in);
            changes.add(new SeriesChange(value, previous, low, high, pct == null ? null : new BigDecimal(pct),
                    STATUSES[in.readByte()]));
        }
        List<Period> periods = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            periods.add(readPeriod(in));
        }
        Map<SeriesKey, List<Range>> trend = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            SeriesKey key = readKey(in);
            List<Range> ranges = new ArrayList<>();
            for (int j = in.readInt(); j > 0; j--) {
                ranges.add(readRange(in));
            }
            trend.put(key, Collections.unmodifiableList(ranges));
        }
        List<Claim> newClaims = readClaimRefs(table, in);
        List<Claim> behind = readClaimRefs(table, in);
        return new Figures(period, List.copyOf(changes), new Trend(List.copyOf(periods),
                Collections.unmodifiableMap(trend)), newClaims, behind);
    }

    static Briefing readRest(Figures figures, DataInputStream in) throws IOException {
        Instant cutoff = readInstant(in);
        List<Rejection> rejections = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            rejections.add(new Rejection(readString(in), in.readLong(), readString(in), readString(in), readString(in)));
        }
        Instant previousCutoff = readInstant(in);
        List<Restatement> restatements = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            restatements.add(new Restatement(readKey(in), readRange(in), readRange(in)));
        }
        return new Briefing(figures, cutoff, List.copyOf(rejections), previousCutoff, List.copyOf(restatements));
    }

    /**
     * The claims, each field in turn; the source, conduit and subject, which a few dozen texts make up for tens
     * of thousands of claims, by their number in a table of those texts written first.
     */
    static void writeClaims(List<Claim> claims, DataOutputStream out) throws IOException {
        Map<String, Integer> texts = new HashMap<>();
        List<String> table = new ArrayList<>();
        for (Claim c : claims) {
            for (String text : new String[] {c.source(), c.conduit(), c.subject()}) {
                if (text != null && !texts.containsKey(text)) {
                    texts.put(text, table.size());
                    table.add(text);
                }
            }
        }
        out.writeInt(table.size());
        for (String text : table) {
            writeString(text, out);
        }
        out.writeInt(claims.size());
        for (Claim c : claims) {
            writeString(c.recordId(), out);
            writeDay(c.reportedOn(), out);
            out.writeInt(texts.get(c.source()));
            out.writeInt(c.conduit() == null ? -1 : texts.get(c.conduit()));
            out.writeInt(texts.get(c.subject()));
            out.writeByte(c.metric().ordinal());
            out.writeLong(c.valueLow());
            out.writeLong(c.valueHigh());
            out.writeByte(c.qualifier().ordinal());
            out.writeByte(c.basis().ordinal());
            writeDay(c.asOf(), out);
            writeDay(c.windowStart(), out);
            writeString(c.citation(), out);
            writeString(c.supersedes(), out);
            writeString(c.note(), out);
        }
    }

    static List<Claim> readClaims(DataInputStream in) throws IOException {
        String[] texts = new String[in.readInt()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = readString(in);
        }
        int count = in.readInt();
        List<Claim> claims = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String recordId = readString(in);
            LocalDate reportedOn = readDay(in);
            String source = texts[in.readInt()];
            int conduit = in.readInt();
            claims.add(new Claim(recordId, reportedOn, source, conduit < 0 ? null : texts[conduit], texts[in.readInt()],
                    METRICS[in.readByte()], in.readLong(), in.readLong(), QUALIFIERS[in.readByte()], BASES[in.readByte()],
                    readDay(in), readDay(in), readString(in), readString(in), readString(in)));
        }
        return claims;
    }

    private static void number(SeriesValue value, Map<Claim, Integer> numbers, List<Claim> table) {
        if (value != null) {
            value.records().forEach(c -> numbers.computeIfAbsent(c, k -> add(table, k)));
        }
    }

    private static int add(List<Claim> table, Claim claim) {
        table.add(claim);
        return table.size() - 1;
    }

    private static void writeValue(SeriesValue v, Map<Claim, Integer> numbers, DataOutputStream out) throws IOException {
        out.writeBoolean(v != null);
        if (v == null) {
            return;
        }
        writeKey(v.key(), out);
        writeRange(v.range(), out);
        out.writeBoolean(v.derived());
        writeString(v.recordId(), out);
        writeDay(v.asOf(), out);
        writeDay(v.reportedOn(), out);
        writeDay(v.latestReportedOn(), out);
        out.writeByte(v.qualifier() == null ? -1 : v.qualifier().ordinal());
        writeClaimRefs(v.records(), numbers, out);
    }

    private static SeriesValue readValue(List<Claim> table, DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        SeriesKey key = readKey(in);
        Range range = readRange(in);
        boolean derived = in.readBoolean();
        String recordId = readString(in);
        LocalDate asOf = readDay(in);
        LocalDate reportedOn = readDay(in);
        LocalDate latest = readDay(in);
        int qualifier = in.readByte();
        return new SeriesValue(key, range, derived, recordId, asOf, reportedOn, latest,
                qualifier < 0 ? null : QUALIFIERS[qualifier], readClaimRefs(table, in));
    }

    private static void writeClaimRefs(List<Claim> claims, Map<Claim, Integer> numbers, DataOutputStream out) throws IOException {
        out.writeInt(claims.size());
        for (Claim c : claims) {
            out.writeInt(numbers.get(c));
        }
    }

    private static List<Claim> readClaimRefs(List<Claim> table, DataInputStream in) throws IOException {
        int count = in.readInt();
        Claim[] claims = new Claim[count];
        for (int i = 0; i < count; i++) {
            claims[i] = table.get(in.readInt());
        }
        return List.of(claims);
    }

    private static void writePeriod(Period p, DataOutputStream out) throws IOException {
        out.writeByte(p.granularity().ordinal());
        writeString(p.label(), out);
        writeDay(p.start(), out);
        writeDay(p.end(), out);
    }

    private static Period readPeriod(DataInputStream in) throws IOException {
        return new Period(GRANULARITIES[in.readByte()], readString(in), readDay(in), readDay(in));
    }

    private static void writeKey(SeriesKey key, DataOutputStream out) throws IOException {
        writeString(key.subject(), out);
        out.writeByte(key.metric().ordinal());
        writeString(key.source(), out);
    }

    private static SeriesKey readKey(DataInputStream in) throws IOException {
        return new SeriesKey(readString(in), METRICS[in.readByte()], readString(in));
    }

    private static void writeRange(Range range, DataOutputStream out) throws IOException {
        out.writeBoolean(range != null);
        if (range != null) {
            out.writeLong(range.low());
            out.writeLong(range.high());
        }
    }

    private static Range readRange(DataInputStream in) throws IOException {
        return in.readBoolean() ? new Range(in.readLong(), in.readLong()) : null;
    }

    private static void writeNullableLong(Long n, DataOutputStream out) throws IOException {
        out.writeBoolean(n != null);
        if (n != null) {
            out.writeLong(n);
        }
    }

    private static Long readNullableLong(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    private static void writeInstant(Instant instant, DataOutputStream out) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    private static void writeDay(LocalDate day, DataOutputStream out) throws IOException {
        out.writeLong(day == null ? NO_DAY : day.toEpochDay());
    }

    private static LocalDate readDay(DataInputStream in) throws IOException {
        long day = in.readLong();
        return day == NO_DAY ? null : LocalDate.ofEpochDay(day);
    }

    private static void writeString(String s, DataOutputStream out) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new IOException("The stored briefing is cut short");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
