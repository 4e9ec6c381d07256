package briefing.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdIndexTests {

    @Test
    void shouldFindEveryIdInItsBlockAfterGrowingFromTheSmallestSize() {
        IdIndex index = new IdIndex();
        for (int i = 0; i < 50_000; i++) {
            index.add("g" + i, i / 80, i % 80);
        }

        assertThat(index.size()).isEqualTo(50_000);
        for (int i = 0; i < 50_000; i++) {
            assertThat(index.mayHold("g" + i)).as("g%d", i).isTrue();
            assertThat(index.placesOf("g" + i)).as("g%d", i).containsExactly(new IdIndex.Place(i / 80, i % 80));
        }
        for (int i = 50_000; i < 60_000; i++) {
            assertThat(index.mayHold("g" + i)).as("g%d", i).isFalse();
            assertThat(index.placesOf("g" + i)).as("g%d", i).isEmpty();
        }
    }

    @Test
    void shouldNameEveryPlaceOfAFingerprint() {
        IdIndex index = new IdIndex(4);
        index.add("nk-killed-2025-02", 3, 0);
        index.add("nk-killed-2025-02", 9, 5);
        index.add("nk-killed-2025-02", 3, 7);

        assertThat(index.placesOf("nk-killed-2025-02")).containsExactlyInAnyOrder(new IdIndex.Place(3, 0),
                new IdIndex.Place(9, 5), new IdIndex.Place(3, 7));
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
            assertThat(index.placesOf(ids.get(i))).containsExactly(new IdIndex.Place(42, i));
        }
        assertThat(index.mayHold("record-300")).isFalse();
    }

    @Test
    void shouldPlaceTheLargestBlockIdAndIndexItTakesAndRefuseLargerOnes() {
        IdIndex index = new IdIndex();
        long largestBlock = (1L << 39) - 1;
        int largestIndex = (1 << 24) - 1;

        index.add("last", largestBlock, largestIndex);

        assertThat(index.placesOf("last")).containsExactly(new IdIndex.Place(largestBlock, largestIndex));
        assertThatThrownBy(() -> index.add("beyond", largestBlock + 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.add("beyond", 0, largestIndex + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(index.mayHold("beyond")).isFalse();
    }
}
