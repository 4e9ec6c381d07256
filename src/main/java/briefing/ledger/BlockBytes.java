package briefing.ledger;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/** The stored bytes of blocks, by block id: their packed claims ({@link PackedClaims}) or texts ({@link PackedTexts}). */
final class BlockBytes {

    private final JdbcTemplate jdbc;

    BlockBytes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, byte[]> data(List<Long> ids) {
        return read("claim_block", "data", ids);
    }

    Map<Long, byte[]> texts(List<Long> ids) {
        return read("claim_block_texts", "texts", ids);
    }

    private Map<Long, byte[]> read(String table, String column, List<Long> ids) {
        Map<Long, byte[]> bytes = new HashMap<>();
        jdbc.query("SELECT block_id, " + column + " FROM " + table + " WHERE block_id IN (" + marks(ids.size()) + ")",
                (RowCallbackHandler) rs -> bytes.put(rs.getLong(1), rs.getBytes(2)), ids.toArray());
        return bytes;
    }

    /** {@code count} parameter marks for an {@code IN} list. */
    static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }
}
