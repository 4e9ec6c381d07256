package briefing.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small RFC 4180 reader that knows the physical line on which each row starts. Line ends may be
 * CRLF, LF or CR; a quoted field may span lines. Like most spreadsheet readers it is lenient about a
 * quote inside an unquoted field (kept as a character) and about text after a closing quote
 * (appended). A quote that never closes ends the reading with {@link Row#unclosedQuote()}.
 * Fields longer than {@link #MAX_FIELD_LENGTH} bytes are cut there and flagged, so a 10 MB field costs
 * a bounded amount of memory. Not thread-safe.
 *
 * <p>It reads UTF-8 bytes, which callers have checked are well-formed, and decodes each field alone: the
 * commas, quotes and line ends it looks for are ASCII, and in UTF-8 no byte of a multi-byte character is.
 * Decoding the whole input into characters first took a third of the reading thread's time at a million rows.
 */
final class CsvReader {

    /**
     * Longest field kept whole, in bytes; longer fields are cut before the character that would pass it and flagged
     * {@link Row#oversized()}. Far above {@link ClaimParser#MAX_TEXT_LENGTH} characters (at most four bytes each),
     * which applies to the trimmed value: padding around a value that fits never cuts it, and a cut value still trims
     * to more than the limit, so it is rejected.
     */
    static final int MAX_FIELD_LENGTH = 1_000_000;

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** One row: the line it starts on, its fields, and whether it was cut short by a quote that never closes. */
    record Row(long line, List<String> fields, boolean unclosedQuote, boolean oversized, boolean quoted) {

        /** A line with nothing but white space on it. */
        boolean isBlank() {
            return fields.size() == 1 && !quoted && fields.get(0).isBlank();
        }
    }

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    /** A field that does not lie whole in the buffer (it straddles a refill, or has quotes), gathered here. */
    private byte[] field = new byte[256];
    private int fieldLength;
    /** Whether the field gathered was cut at {@link #MAX_FIELD_LENGTH}: nothing more is added to it then. */
    private boolean fieldCut;
    private int position;
    private int limit;
    private long line = 1;
    private boolean finished;

    /** Reads {@code in}, UTF-8 without a byte order mark (see {@link #skipByteOrderMark()}). */
    CsvReader(InputStream in) {
        this.in = in;
    }

    /** Skips a UTF-8 byte order mark at the start of the input, if there is one. Call before the first row. */
    void skipByteOrderMark() throws IOException {
        while (limit < BYTE_ORDER_MARK.length) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                break;
            }
            limit += n;
        }
        if (limit >= BYTE_ORDER_MARK.length && Arrays.equals(buffer, 0, BYTE_ORDER_MARK.length, BYTE_ORDER_MARK, 0,
                BYTE_ORDER_MARK.length)) {
            position = BYTE_ORDER_MARK.length;
        }
    }

    /** The next row, or {@code null} at the end of the input (blank lines are returned too). */
    Row next() throws IOException {
        if (finished) {
            return null;
        }
        if (position == limit && !refill()) {
            finished = true;
            return null;
        }
        long startLine = line;
        List<String> fields = new ArrayList<>(16);
        boolean oversized = false;
        boolean anyQuoted = false;
        while (true) {
            fieldLength = 0;
            fieldCut = false;
            if (position == limit) {
                refill();
            }
            // A quote opens quoting only as a field's first character; after the closing quote the rest of
            // the field is read unquoted, where a quote is an ordinary character.
            if (position < limit && buffer[position] == '"') {
                position++;
                anyQuoted = true;
                while (true) {
                    if (position == limit && !refill()) {
                        fields.add(gathered());
                        finished = true;
                        return new Row(startLine, fields, true, oversized, true);
                    }
                    byte c = buffer[position++];
                    if (c == '"') {
                        if (position == limit && !refill()) {
                            break;
                        }
                        if (buffer[position] != '"') {
                            break;
                        }
                        position++;
                    } else if (c == '\n') {
                        line++;
                    } else if (c == '\r') {
                        if (position == limit) {
                            refill();
                        }
                        if (position == limit || buffer[position] != '\n') {
                            line++;
                        }
                    }
                    oversized |= gather(c);
                }
            }
            int start = position;
            while (true) {
                if (position == limit) {
                    oversized |= gather(start, position);
                    if (!refill()) {
                        fields.add(gathered());
                        finished = true;
                        return new Row(startLine, fields, false, oversized, anyQuoted);
                    }
                    start = position;
                }
                byte c = buffer[position];
                if (c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                position++;
            }
            byte end = buffer[position];
            oversized |= endField(fields, start, position);
            position++;
            if (end == ',') {
                continue;
            }
            if (end == '\r') {
                if (position == limit) {
                    refill();
                }
                if (position < limit && buffer[position] == '\n') {
                    position++;
                }
            }
            line++;
            return new Row(startLine, fields, false, oversized, anyQuoted);
        }
    }

    /**
     * Adds the field that ends at {@code end}; the common unquoted field is decoded from the buffer directly (a field
     * that lies whole in the buffer is shorter than {@link #MAX_FIELD_LENGTH}).
     */
    private boolean endField(List<String> fields, int start, int end) {
        if (fieldLength == 0 && !fieldCut) {
            fields.add(new String(buffer, start, end - start, StandardCharsets.UTF_8));
            return false;
        }
        boolean cut = gather(start, end);
        fields.add(gathered());
        return cut;
    }

    private String gathered() {
        return new String(field, 0, fieldLength, StandardCharsets.UTF_8);
    }

    private boolean gather(byte c) {
        if (fieldCut) {
            return true;
        }
        if (fieldLength == MAX_FIELD_LENGTH) {
            cutBefore(c);
            return true;
        }
        if (fieldLength == field.length) {
            field = Arrays.copyOf(field, Math.min(MAX_FIELD_LENGTH, field.length * 2));
        }
        field[fieldLength++] = c;
        return false;
    }

    private boolean gather(int start, int end) {
        if (fieldCut) {
            return end > start;
        }
        int length = Math.min(end - start, MAX_FIELD_LENGTH - fieldLength);
        if (fieldLength + length > field.length) {
            field = Arrays.copyOf(field, Math.min(MAX_FIELD_LENGTH, Math.max(field.length * 2, fieldLength + length)));
        }
        System.arraycopy(buffer, start, field, fieldLength, length);
        fieldLength += length;
        if (length < end - start) {
            cutBefore(buffer[start + length]);
        }
        return fieldCut;
    }

    /**
     * Ends the field gathered before the byte {@code refused}; when that byte continues a character (10xxxxxx), the
     * character's first bytes are dropped too: a split character would decode as a replacement character.
     */
    private void cutBefore(byte refused) {
        fieldCut = true;
        if ((refused & 0xC0) == 0x80) {
            while (fieldLength > 0 && (field[--fieldLength] & 0xC0) == 0x80) {
                // back to the character's first byte, which goes too
            }
        }
    }

    /** Reads more bytes; false at the end of the input. Only called when the buffer is used up. */
    private boolean refill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }
}
