package briefing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdIndexFileTests {

    private static final LedgerState STATE = new LedgerState("2025-05-05T06:00:00Z", 120, 118, 9_000);

    @TempDir
    Path data;

    @Test
    void shouldReadBackEveryPlaceForTheStateItWasKeptFor() throws IOException {
        IdIndexFile kept = IdIndexFile.in(data);
        kept.save(index(9_000, 0), STATE);

        IdIndex read = kept.load(STATE).orElseThrow();

        assertThat(data.resolve("work/id-index.bin")).exists();
        assertThat(read.size()).isEqualTo(9_000);
        for (int i = 0; i < 9_000; i++) {
            assertThat(read.placesOf("r" + i)).as("r%d", i).containsExactly(new IdIndex.Place(i / 80, i % 80));
        }
        assertThat(read.mayHold("r9000")).isFalse();
    }

    @Test
    void shouldNotServeAnotherStateOfTheLedger() throws IOException {
        IdIndexFile kept = IdIndexFile.in(data);
        kept.save(index(9_000, 0), STATE);

        assertThat(kept.load(new LedgerState(STATE.identity(), 121, 119, 9_080))).isEmpty();
        assertThat(kept.load(new LedgerState(STATE.identity(), 120, 118, 9_001))).isEmpty();
        assertThat(kept.load(new LedgerState(STATE.identity(), 120, 119, 9_000))).isEmpty();
        assertThat(kept.load(new LedgerState(STATE.identity(), 121, 118, 9_000))).isEmpty();
        assertThat(kept.load(new LedgerState("2025-05-12T06:00:00Z", 120, 118, 9_000))).isEmpty();
        assertThat(IdIndexFile.in(data.resolve("elsewhere")).load(STATE)).isEmpty();
        // read whatever the state, for the caller to compare with the ledger's
        IdIndexFile.Kept read = kept.read().orElseThrow();
        assertThat(read.state()).isEqualTo(STATE);
        assertThat(read.index().size()).isEqualTo(9_000);
        assertThat(IdIndexFile.in(data.resolve("elsewhere")).read()).isEmpty();
    }

    @Test
    void shouldNotServeAFileWithAChangedOrMissingByte() throws IOException {
        IdIndexFile kept = IdIndexFile.in(data);
        kept.save(index(9_000, 0), STATE);
        Path file = data.resolve("work/id-index.bin");
        byte[] whole = Files.readAllBytes(file);

        // the number of ids (just after the header of magic, version, identity and state), a slot, another, the checksum
        int sizeAt = Long.BYTES + 2 * Integer.BYTES + STATE.identity().length() + 3 * Long.BYTES;
        for (int at : new int[] {sizeAt, 100, whole.length / 2, whole.length - 1}) {
            byte[] changed = whole.clone();
            changed[at] ^= 0x10;
            Files.write(file, changed);
            assertThat(kept.load(STATE)).as("byte %d changed", at).isEmpty();
        }
        Files.write(file, Arrays.copyOf(whole, whole.length - 8));
        assertThat(kept.load(STATE)).as("cut short").isEmpty();
        Files.write(file, whole);
        assertThat(kept.load(STATE)).isPresent();
    }

    @Test
    void shouldLeaveTheFileAsItIsWhenItHoldsTheStateAlready() throws IOException {
        IdIndexFile kept = IdIndexFile.in(data);
        kept.save(index(9_000, 0), STATE);

        kept.save(index(9_000, 500), STATE);
        Optional<IdIndex> read = kept.load(STATE);

        assertThat(read).isPresent();
        assertThat(read.get().placesOf("r0")).containsExactly(new IdIndex.Place(0, 0));
        LedgerState grown = new LedgerState(STATE.identity(), 121, 119, 9_000);
        kept.save(index(9_000, 500), grown);
        assertThat(kept.load(grown).orElseThrow().placesOf("r0")).containsExactly(new IdIndex.Place(500, 0));
    }

    /** Ids r0.. placed 80 to a block, from block {@code firstBlock} on. */
    private static IdIndex index(int ids, long firstBlock) {
        IdIndex index = new IdIndex(ids);
        for (int i = 0; i < ids; i++) {
            index.add("r" + i, firstBlock + i / 80, i % 80);
        }
        return index;
    }
}
