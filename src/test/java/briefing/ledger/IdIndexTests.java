package briefing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdIndexTests {

    @Test
    void shouldFindEveryIdInItsBlockAfterGrowingFromTheSmallestSize() {
        IdIndex index = new IdIndex();
        for (int i = 0; i < 50_000; i++) {
            index.add("g" + i, i / 80);
        }

        assertThat(index.size()).isEqualTo(50_000);
        for (int i = 0; i < 50_000; i++) {
            assertThat(index.mayHold("g" + i)).as("g%d", i).isTrue();
            assertThat(index.blocksOf("g" + i)).as("g%d", i).containsExactly((long) i / 80);
        }
        for (int i = 50_000; i < 60_000; i++) {
            assertThat(index.mayHold("g" + i)).as("g%d", i).isFalse();
            assertThat(index.blocksOf("g" + i)).as("g%d", i).isEmpty();
        }
    }

    @Test
    void shouldNameEachBlockThatHoldsAnIdOnce() {
        IdIndex index = new IdIndex(4);
        index.add("nk-killed-2025-02", 3);
        index.add("nk-killed-2025-02", 9);
        index.add("nk-killed-2025-02", 3);

        assertThat(index.blocksOf("nk-killed-2025-02")).containsExactlyInAnyOrder(3L, 9L);
    }

    @Test
    void shouldReadBackTheFingerprintsOfAPackedBlock() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add("record-" + i);
        }
        byte[] packed = IdIndex.pack(ids);
        IdIndex index = new IdIndex(ids.size());

        index.addPacked(packed, 42);

        for (int i = 0; i < ids.size(); i++) {
            assertThat(IdIndex.fingerprintAt(packed, i * Long.BYTES)).isEqualTo(IdIndex.fingerprint(ids.get(i)));
            assertThat(index.blocksOf(ids.get(i))).containsExactly(42L);
        }
        assertThat(index.mayHold("record-300")).isFalse();
    }
}
