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
 * Fields whose text, trimmed, is longer than {@link #MAX_FIELD_LENGTH} are cut and flagged, so a
 * 10 MB field costs no more memory than a short one. Not thread-safe.
 */
final class CsvReader {

    /** Longest field, trimmed, kept whole; longer fields are flagged {@link Row#oversized()}. */
    static final int MAX_FIELD_LENGTH = 10_001;

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

    CsvReader(Reader in) {
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
        Field field = new Field();
        boolean oversized = false;
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        boolean anyQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    fields.add(field.value());
                    finished = true;
                    return new Row(startLine, fields, true, oversized || field.oversized, true);
                }
                if (c == '"') {
                    int following = read();
                    if (following == '"') {
                        field.add('"');
                    } else {
                        quoted = false;
                        c = following;
                        continue;
                    }
                } else {
                    countLineEnd(c);
                    field.add((char) c);
                }
            } else if (c == ',') {
                fields.add(field.value());
                oversized |= field.oversized;
                field.clear();
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
                fields.add(field.value());
                return new Row(startLine, fields, false, oversized || field.oversized, anyQuoted);
            } else if (c == '"' && field.isEmpty() && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
                anyQuoted = true;
            } else {
                field.add((char) c);
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

    /**
     * A field as it is read. Values are used trimmed, so the limit applies to the text from the first
     * to the last character that is not white space: padding never pushes a value that fits out of
     * its field, and a value that does not fit is kept cut so that it still trims to more than
     * {@link ClaimParser#MAX_TEXT_LENGTH} characters and is rejected, never shortened in silence.
     */
    private static final class Field {

        private final StringBuilder leading = new StringBuilder();
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder trailing = new StringBuilder();
        private boolean oversized;

        void clear() {
            leading.setLength(0);
            text.setLength(0);
            trailing.setLength(0);
            oversized = false;
        }

        boolean isEmpty() {
            return leading.length() == 0 && text.length() == 0;
        }

        void add(char c) {
            if (oversized) {
                return;
            }
            if (Character.isWhitespace(c)) {
                StringBuilder space = text.length() == 0 ? leading : trailing;
                if (space.length() < MAX_FIELD_LENGTH) {
                    space.append(c);
                }
            } else if (text.length() + trailing.length() < MAX_FIELD_LENGTH) {
                text.append(trailing).append(c);
                trailing.setLength(0);
            } else {
                text.append(trailing, 0, Math.max(0, MAX_FIELD_LENGTH - 1 - text.length()));
                if (text.length() < MAX_FIELD_LENGTH) {
                    text.append(c);
                }
                oversized = true;
            }
        }

        /** The field, with as much of its padding as fits in {@link #MAX_FIELD_LENGTH} characters. */
        String value() {
            int room = MAX_FIELD_LENGTH - text.length();
            int before = Math.min(leading.length(), room);
            int after = oversized ? 0 : Math.min(trailing.length(), room - before);
            return leading.substring(leading.length() - before) + text + trailing.substring(0, after);
        }
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
