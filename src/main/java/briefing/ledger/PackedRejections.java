package briefing.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rejections of one input file in one chunk of a run, packed into one row of {@code rejection_block}:
 * each with its line, record id, column and reason, and the values of its row as read
 * ({@link InputRow#encodedValues()}), which a later run checks again. A column or reason met before in
 * the same block is written as its number there: most rejections of a file share a few reasons.
 */
final class PackedRejections {

    /** A rejection, with the values of its row; null when the row could not be read as values at all. */
    record Entry(Rejection rejection, String rowValues) {
    }

    private PackedRejections() {
    }

    /** Packs rejections of one file (the file itself is not written: it is the row's). */
    static byte[] pack(List<Entry> entries) {
        ByteWriter out = new ByteWriter(entries.size() * 160);
        Map<String, Integer> seen = new HashMap<>();
        for (Entry entry : entries) {
            Rejection r = entry.rejection();
            out.varlong(r.line());
            out.string(r.recordId());
            shared(out, r.column(), seen);
            shared(out, r.reason(), seen);
            if (entry.rowValues() == null) {
                out.varint(0);
            } else {
                out.varint(1);
                out.string(entry.rowValues());
            }
        }
        return out.toByteArray();
    }

    /** The rejections packed in {@code data}, all of them of {@code file}, in the order they were packed. */
    static List<Entry> unpack(String file, byte[] data) {
        ByteReader in = new ByteReader(data);
        List<String> seen = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        while (in.hasMore()) {
            long line = in.varlong();
            String recordId = in.string();
            String column = shared(in, seen);
            String reason = shared(in, seen);
            String rowValues = in.varint() == 0 ? null : in.string();
            entries.add(new Entry(new Rejection(file, line, recordId, column, reason), rowValues));
        }
        return entries;
    }

    // 0 and the text when it is new to the block, else its number there plus one
    private static void shared(ByteWriter out, String text, Map<String, Integer> seen) {
        Integer number = seen.get(text);
        if (number != null) {
            out.varint(number + 1);
            return;
        }
        out.varint(0);
        out.string(text);
        seen.put(text, seen.size());
    }

    private static String shared(ByteReader in, List<String> seen) {
        int number = in.varint();
        if (number > 0) {
            return seen.get(number - 1);
        }
        String text = in.string();
        seen.add(text);
        return text;
    }
}
