package briefing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockPackerTests {

    private static final Instant INGESTED = Instant.parse("2025-05-05T06:00:00Z");

    @Test
    void shouldPackALargeChunkOnTwoThreadsAsOneThreadPacksEachGroup() {
        List<List<StoredClaim>> groups = new ArrayList<>();
        int[] sizes = {900, 40, 1200, 3, 700, 650, 1};
        for (int g = 0; g < sizes.length; g++) {
            List<StoredClaim> group = new ArrayList<>();
            for (int i = 0; i < sizes[g]; i++) {
                group.add(claim(g, i));
            }
            groups.add(group);
        }

        List<BlockPacker.Block> shared = BlockPacker.pack(groups, 11, INGESTED);

        assertThat(shared).hasSize(sizes.length);
        for (int g = 0; g < sizes.length; g++) {
            BlockPacker.Block alone = BlockPacker.pack(List.of(groups.get(g)), 11 + g, INGESTED).get(0);
            BlockPacker.Block block = shared.get(g);
            assertThat(block.id()).isEqualTo(11 + g);
            assertThat(block.subject()).isEqualTo("subject " + g);
            assertThat(block.claims()).isEqualTo(sizes[g]);
            assertThat(block.data()).isEqualTo(alone.data());
            assertThat(block.recordIds()).isEqualTo(alone.recordIds());
            assertThat(block.texts()).isEqualTo(alone.texts());
            assertThat(PackedTexts.unpack(block.texts())).hasSize(sizes[g]);
        }
    }

    @Test
    void shouldPlaceEveryIdOfBothHalvesInTheIndex() {
        // given: a chunk large enough to be packed on two threads
        int[] sizes = {1500, 2, 1300, 800};
        List<List<StoredClaim>> groups = new ArrayList<>();
        for (int g = 0; g < sizes.length; g++) {
            List<StoredClaim> group = new ArrayList<>();
            for (int i = 0; i < sizes[g]; i++) {
                group.add(claim(g, i));
            }
            groups.add(group);
        }
        IdIndex index = new IdIndex();

        // when
        BlockPacker.pack(groups, 40, INGESTED, index);

        // then
        assertThat(index.size()).isEqualTo(1500 + 2 + 1300 + 800);
        for (int g = 0; g < sizes.length; g++) {
            for (int i = 0; i < sizes[g]; i++) {
                assertThat(index.placesOf("r" + g + "-" + i)).containsExactly(new IdIndex.Place(40 + g, i));
            }
        }
        assertThat(index.mayHold("r9-0")).isFalse();
    }

    private static StoredClaim claim(int group, int i) {
        LocalDate day = LocalDate.of(2025, 1, 1).plusDays(i % 300);
        Claim claim = new Claim("r" + group + "-" + i, day, "source " + group, i % 3 == 0 ? "via Yonhap" : null,
                "subject " + group, Metric.KILLED, 100 + i, 100 + i + i % 7, Qualifier.EXACT, Basis.CUMULATIVE, day, null,
                "https://example.org/" + group + "/" + i, null, i % 5 == 0 ? "note " + i : null);
        return new StoredClaim(claim, "claims-" + group + ".csv", i + 2);
    }
}
