package briefing.ledger;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/** The stored texts of blocks ({@link PackedTexts}), by block id. */
final class BlockBytes {

    private final JdbcTemplate jdbc;

    BlockBytes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<Long, byte[]> texts(List<Long> ids) {
        Map<Long, byte[]> texts = new HashMap<>();
        jdbc.query("SELECT block_id, texts FROM claim_block_texts WHERE block_id IN (" + numbers(ids) + ")",
                (RowCallbackHandler) rs -> texts.put(rs.getLong(1), rs.getBytes(2)));
        return texts;
    }

    /**
     * The ids written out for an {@code IN} list. H2 checks each row against a list of parameters one by one,
     * but against a list of numbers through a hash set (measured when the computation still read its blocks
     * by id: every block of a million claims, 500 at a time, took 50-70 ms so, instead of 120-160 ms).
     */
    static String numbers(List<Long> ids) {
        StringBuilder list = new StringBuilder(ids.size() * 8);
        for (long id : ids) {
            if (!list.isEmpty()) {
                list.append(',');
            }
            list.append(id);
        }
        return list.toString();
    }

    /** {@code count} parameter marks for an {@code IN} list. */
    static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }
}
