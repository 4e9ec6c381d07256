package briefing.ledger;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader that knows the physical line on which each row starts. Line ends may be
 * CRLF, LF or CR; a quoted field may span lines. Like most spreadsheet readers it is lenient about a
 * quote inside an unquoted field (kept as a character) and about text after a closing quote
 * (appended). A quote that never closes ends the reading with {@link Row#unclosedQuote()}.
 * Fields longer than {@link #MAX_FIELD_LENGTH} are cut there and flagged, so a 10 MB field costs
 * a bounded amount of memory. Not thread-safe.
 */
final class CsvReader {

    /**
     * Longest field kept whole; longer fields are cut and flagged {@link Row#oversized()}. Far above
     * {@link ClaimParser#MAX_TEXT_LENGTH}, which applies to the trimmed value: padding around a value
     * that fits never cuts it, and a cut value still trims to more than the limit, so it is rejected.
     */
    static final int MAX_FIELD_LENGTH = 1_000_000;

    /** One row: the line it starts on, its fields, and whether it was cut short by a quote that never closes. */
    record Row(long line, List<String> fields, boolean unclosedQuote, boolean oversized, boolean quoted) {

        /** A line with nothing but white space on it. */
        boolean isBlank() {
            return fields.size() == 1 && !quoted && fields.get(0).isBlank();
        }
    }

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder field = new StringBuilder();
    private int position;
    private int limit;
    private long line = 1;
    private boolean finished;

    CsvReader(Reader in) {
        this.in = in;
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
            field.setLength(0);
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
                        fields.add(field.toString());
                        finished = true;
                        return new Row(startLine, fields, true, oversized, true);
                    }
                    char c = buffer[position++];
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
                    oversized |= append(c);
                }
            }
            int start = position;
            while (true) {
                if (position == limit) {
                    oversized |= append(start, position);
                    if (!refill()) {
                        fields.add(field.toString());
                        finished = true;
                        return new Row(startLine, fields, false, oversized, anyQuoted);
                    }
                    start = position;
                }
                char c = buffer[position];
                if (c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                position++;
            }
            char end = buffer[position];
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

    /** Adds the field that ends at {@code end}; the common unquoted field is cut from the buffer directly. */
    private boolean endField(List<String> fields, int start, int end) {
        if (field.length() == 0) {
            int length = Math.min(end - start, MAX_FIELD_LENGTH);
            fields.add(new String(buffer, start, length));
            return length < end - start;
        }
        boolean cut = append(start, end);
        fields.add(field.toString());
        return cut;
    }

    private boolean append(char c) {
        if (field.length() >= MAX_FIELD_LENGTH) {
            return true;
        }
        field.append(c);
        return false;
    }

    private boolean append(int start, int end) {
        int room = MAX_FIELD_LENGTH - field.length();
        int length = Math.min(end - start, room);
        if (length > 0) {
            field.append(buffer, start, length);
        }
        return length < end - start;
    }

    /** Reads more characters; false at the end of the input. Only called when the buffer is used up. */
    private boolean refill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }
}
