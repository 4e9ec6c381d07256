package briefing.ledger;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The first, character-at-a-time version of {@link CsvReader}, kept as the oracle its faster
 * successor must agree with. A small RFC 4180 reader that knows the physical line on which each row starts. Line ends may be
 * CRLF, LF or CR; a quoted field may span lines. Like most spreadsheet readers it is lenient about a
 * quote inside an unquoted field (kept as a character) and about text after a closing quote
 * (appended). A quote that never closes ends the reading with {@link Row#unclosedQuote()}.
 * Fields longer than {@link #MAX_FIELD_LENGTH} (the reader's own limit) are cut there and flagged, so a 10 MB field costs
 * no more memory than a short one. Not thread-safe.
 */
final class ReferenceCsvReader {

    /** Longest field kept whole; longer fields are flagged {@link Row#oversized()}. */
    static final int MAX_FIELD_LENGTH = CsvReader.MAX_FIELD_LENGTH;

    /** One row: the line it starts on, its fields, and whether it was cut short by a quote that never closes. */
    record Row(long line, List<String> fields, boolean unclosedQuote, boolean oversized, boolean quoted) {

        /** A line with nothing but white space on it. */
        boolean isBlank() {
            return fields.size() == 1 && !quoted && fields.get(0).isBlank();
        }
    }

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private int pushedBack = -2;
    private boolean finished;

    ReferenceCsvReader(Reader in) {
        this.in = in;
    }

    /** The next row, or {@code null} at the end of the input (blank lines are returned too). */
    Row next() throws IOException {
        if (finished) {
            return null;
        }
        int c = read();
        if (c == -1) {
            finished = true;
            return null;
        }
        long startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean oversized = false;
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        boolean anyQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    fields.add(field.toString());
                    finished = true;
                    return new Row(startLine, fields, true, oversized, true);
                }
                if (c == '"') {
                    int following = read();
                    if (following == '"') {
                        oversized |= append(field, '"');
                    } else {
                        quoted = false;
                        c = following;
                        continue;
                    }
                } else {
                    countLineEnd(c);
                    oversized |= append(field, (char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int following = read();
                    if (following != '\n') {
                        unread(following);
                    }
                }
                if (c != -1) {
                    line++;
                } else {
                    finished = true;
                }
                fields.add(field.toString());
                return new Row(startLine, fields, false, oversized, anyQuoted);
            } else if (c == '"' && field.length() == 0 && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
                anyQuoted = true;
            } else {
                oversized |= append(field, (char) c);
            }
            c = read();
        }
    }

    private void countLineEnd(int c) throws IOException {
        if (c == '\n') {
            line++;
        } else if (c == '\r') {
            int following = read();
            unread(following);
            if (following != '\n') {
                line++;
            }
        }
    }

    private static boolean append(StringBuilder field, char c) {
        if (field.length() >= MAX_FIELD_LENGTH) {
            return true;
        }
        field.append(c);
        return false;
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
