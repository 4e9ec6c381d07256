package briefing.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.ObjIntConsumer;

/**
 * The rest of a block's records, which {@link PackedClaims} leaves out: conduit, window start, citation
 * and note, and the input file and line each record came from, in the block's order of claims. Only the
 * claims a briefing shows and the records a re-sent row is compared with are read so. The bytes have no
 * header and each record names its file when it differs from the one before (the first always does), so
 * the texts of two blocks joined end to end are the texts of the joined block.
 */
public final class PackedTexts {

    private static final int CONDUIT = 1;
    private static final int WINDOW_START = 1 << 1;
    private static final int CITATION = 1 << 2;
    private static final int NOTE = 1 << 3;
    private static final int FILE = 1 << 4;

    /** The texts and origin of one record. */
    public record Texts(String conduit, LocalDate windowStart, String citation, String note, String file, long line) {

        /** The claim completed with these texts. */
        public Claim complete(Claim c) {
            return new Claim(c.recordId(), c.reportedOn(), c.source(), conduit, c.subject(), c.metric(), c.valueLow(),
                    c.valueHigh(), c.qualifier(), c.basis(), c.asOf(), windowStart, citation, c.supersedes(), note);
        }
    }

    private PackedTexts() {
    }

    public static byte[] pack(List<StoredClaim> records) {
        ByteWriter out = new ByteWriter(records.size() * 64);
        String file = null;
        for (StoredClaim record : records) {
            Claim c = record.claim();
            boolean newFile = !record.file().equals(file);
            file = record.file();
            out.varlong((c.conduit() != null ? CONDUIT : 0) | (c.windowStart() != null ? WINDOW_START : 0)
                    | (c.citation() != null ? CITATION : 0) | (c.note() != null ? NOTE : 0) | (newFile ? FILE : 0));
            if (newFile) {
                out.string(file);
            }
            out.varlong(record.line());
            if (c.conduit() != null) {
                out.string(c.conduit());
            }
            if (c.windowStart() != null) {
                long day = c.windowStart().toEpochDay();
                out.varlong((day << 1) ^ (day >> 63));
            }
            if (c.citation() != null) {
                out.string(c.citation());
            }
            if (c.note() != null) {
                out.string(c.note());
            }
        }
        return out.toByteArray();
    }

    public static List<Texts> unpack(byte[] data) {
        List<Texts> texts = new ArrayList<>();
        unpack(data, i -> true, (t, i) -> texts.add(t));
        return texts;
    }

    /**
     * Unpacks the texts of the records at the indexes {@code wanted} accepts, in order, skipping over the
     * others without decoding their strings.
     */
    public static void unpack(byte[] data, IntPredicate wanted, ObjIntConsumer<Texts> into) {
        ByteReader in = new ByteReader(data);
        String file = null;
        for (int index = 0; in.hasMore(); index++) {
            int flags = (int) in.varlong();
            if ((flags & FILE) != 0) {
                file = in.string();
            }
            long line = in.varlong();
            if (!wanted.test(index)) {
                if ((flags & CONDUIT) != 0) {
                    in.skipString();
                }
                if ((flags & WINDOW_START) != 0) {
                    in.varlong();
                }
                if ((flags & CITATION) != 0) {
                    in.skipString();
                }
                if ((flags & NOTE) != 0) {
                    in.skipString();
                }
                continue;
            }
            String conduit = (flags & CONDUIT) != 0 ? in.string() : null;
            LocalDate windowStart = null;
            if ((flags & WINDOW_START) != 0) {
                long zigzag = in.varlong();
                windowStart = LocalDate.ofEpochDay((zigzag >>> 1) ^ -(zigzag & 1));
            }
            String citation = (flags & CITATION) != 0 ? in.string() : null;
            String note = (flags & NOTE) != 0 ? in.string() : null;
            into.accept(new Texts(conduit, windowStart, citation, note, file, line), index);
        }
    }
}
