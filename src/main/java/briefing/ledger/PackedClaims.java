package briefing.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.IntPredicate;
import java.util.function.ObjIntConsumer;

/**
 * The binary form of a block of claims of one subject and one source, as the computation needs them:
 * record id, dates, metric, basis, qualifier, values, {@code supersedes} and when each was ingested
 * (the texts shown in reports are left out: they are read from the ledger for the few claims shown).
 * Whole numbers are written as variable-length integers; a block of a thousand claims takes about
 * 20 KB. Decoded claims have a null conduit, window start, citation and note.
 */
public final class PackedClaims {

    private static final int VERSION = 1;
    private static final Metric[] METRICS = Metric.values();
    private static final Qualifier[] QUALIFIERS = Qualifier.values();
    private static final int INCREMENT = 1 << 4;
    private static final int SUPERSEDES = 1 << 5;

    /** A claim as packed: the claim and when it was first seen. */
    public record Packed(Claim claim, Instant ingestedAt) {
    }

    private PackedClaims() {
    }

    /** Packs claims that all share one subject and one source. */
    public static byte[] pack(List<Packed> claims) {
        Map<Instant, Integer> instants = new LinkedHashMap<>();
        for (Packed p : claims) {
            instants.putIfAbsent(p.ingestedAt(), instants.size());
        }
        ByteWriter out = new ByteWriter(32 + claims.size() * 24);
        out.varint(VERSION);
        out.varint(instants.size());
        for (Instant instant : instants.keySet()) {
            out.varlong(zigzag(instant.getEpochSecond()));
            out.varint(instant.getNano());
        }
        out.varint(claims.size());
        for (Packed p : claims) {
            Claim c = p.claim();
            out.varint(instants.get(p.ingestedAt()));
            out.string(c.recordId());
            out.varlong(zigzag(c.reportedOn().toEpochDay()));
            out.varlong(c.reportedOn().toEpochDay() - c.asOf().toEpochDay());
            out.varint(c.metric().ordinal() | (c.isIncrement() ? INCREMENT : 0) | (c.supersedes() != null ? SUPERSEDES : 0));
            out.varint(c.qualifier().ordinal());
            out.varlong(c.valueLow());
            out.varlong(c.valueHigh() - c.valueLow());
            if (c.supersedes() != null) {
                out.string(c.supersedes());
            }
        }
        return out.toByteArray();
    }

    /**
     * One {@link LocalDate} for each day met, so that a large group of claims costs little more than its record
     * ids: found in an array by the day's number, not in a map of boxed numbers (two lookups a claim, a
     * tenth of a scan of a million claims). Days some eleven years apart take turns in a slot; they are
     * then made again, still equal.
     */
    public static final class Days {

        private static final int SLOTS = 1 << 12;
        private final long[] numbers = new long[SLOTS];
        private final LocalDate[] days = new LocalDate[SLOTS];

        LocalDate of(long epochDay) {
            int slot = (int) epochDay & (SLOTS - 1);
            LocalDate day = days[slot];
            if (day == null || numbers[slot] != epochDay) {
                day = LocalDate.ofEpochDay(epochDay);
                days[slot] = day;
                numbers[slot] = epochDay;
            }
            return day;
        }
    }

    /** Unpacks a block, claim by claim, into {@code into}; equal days share one {@link LocalDate} through {@code days}. */
    public static void unpack(byte[] data, String subject, String source, Days days, BiConsumer<Claim, Instant> into) {
        ByteReader in = reader(data);
        Instant[] instants = new Instant[in.varint()];
        for (int i = 0; i < instants.length; i++) {
            instants[i] = Instant.ofEpochSecond(unzigzag(in.varlong()), in.varint());
        }
        int count = in.varint();
        for (int i = 0; i < count; i++) {
            Instant ingestedAt = instants[in.varint()];
            into.accept(claim(in, subject, source, days), ingestedAt);
        }
    }

    /**
     * Unpacks only the claims at the indexes {@code wanted} accepts (in the block's order of claims), into
     * {@code into} with their index, skipping over the others without making their strings or claims: a
     * record looked up by id is one of some 80 in its block.
     */
    public static void unpack(byte[] data, String subject, String source, Days days, IntPredicate wanted,
                              ObjIntConsumer<Claim> into) {
        ByteReader in = reader(data);
        for (int i = in.varint(); i > 0; i--) {
            in.varlong();
            in.varint();
        }
        int count = in.varint();
        for (int i = 0; i < count; i++) {
            in.varint();
            if (wanted.test(i)) {
                into.accept(claim(in, subject, source, days), i);
            } else {
                skipClaim(in);
            }
        }
    }

    /** A reader of the block's bytes, past its version. */
    private static ByteReader reader(byte[] data) {
        ByteReader in = new ByteReader(data);
        int version = in.varint();
        if (version != VERSION) {
            throw new IllegalStateException("Packed claims of version " + version + " cannot be read by this version ("
                    + VERSION + ").");
        }
        return in;
    }

    /** The claim that starts at the reader's place, after its instant of ingestion. */
    private static Claim claim(ByteReader in, String subject, String source, Days days) {
        String recordId = in.string();
        long reportedOn = unzigzag(in.varlong());
        long asOf = reportedOn - in.varlong();
        int flags = in.varint();
        Qualifier qualifier = QUALIFIERS[in.varint()];
        long low = in.varlong();
        long high = low + in.varlong();
        String supersedes = (flags & SUPERSEDES) != 0 ? in.string() : null;
        return new Claim(recordId, days.of(reportedOn), source, null, subject, METRICS[flags & 0x0F], low, high, qualifier,
                (flags & INCREMENT) != 0 ? Basis.INCREMENT : Basis.CUMULATIVE, days.of(asOf), null, null, supersedes, null);
    }

    /** Reads past what {@link #claim} reads, making nothing. */
    private static void skipClaim(ByteReader in) {
        in.skipString();
        in.varlong();
        in.varlong();
        int flags = in.varint();
        in.varint();
        in.varlong();
        in.varlong();
        if ((flags & SUPERSEDES) != 0) {
            in.skipString();
        }
    }

    /** Unpacks one block on its own. */
    public static List<Packed> unpack(byte[] data, String subject, String source) {
        List<Packed> claims = new ArrayList<>();
        unpack(data, subject, source, new Days(), (claim, ingestedAt) -> claims.add(new Packed(claim, ingestedAt)));
        return claims;
    }

    private static long zigzag(long n) {
        return (n << 1) ^ (n >> 63);
    }

    private static long unzigzag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }
}
