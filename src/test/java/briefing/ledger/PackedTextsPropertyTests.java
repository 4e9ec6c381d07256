package briefing.ledger;

import static briefing.ledger.RandomValues.epochDay;
import static briefing.ledger.RandomValues.intBetween;
import static briefing.ledger.RandomValues.orNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The texts and origin of each record come back as packed, also from the bytes of blocks joined end to end. */
class PackedTextsPropertyTests {

    private static final int TRIES = 500;
    private static final String TEXT = "aZ09 ,\"\n한é€";

    @Test
    void shouldUnpackWhatWasPackedAlsoWhenBlocksAreJoined() {
        for (int seed = 0; seed < TRIES; seed++) {
            Random random = new Random(seed);
            List<StoredClaim> all = new ArrayList<>();
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                List<StoredClaim> block = records(random);
                all.addAll(block);
                joined.writeBytes(PackedTexts.pack(block));
            }

            List<PackedTexts.Texts> unpacked = PackedTexts.unpack(joined.toByteArray());

            assertThat(unpacked).as("seed %d", seed).hasSameSizeAs(all);
            for (int i = 0; i < all.size(); i++) {
                StoredClaim expected = all.get(i);
                Claim bare = new Claim(expected.recordId(), expected.claim().reportedOn(), "NIS", null, "DPRK", Metric.KILLED,
                        1, 1, Qualifier.EXACT, Basis.CUMULATIVE, expected.claim().asOf(), null, null, null, null);
                PackedTexts.Texts texts = unpacked.get(i);
                assertThat(new StoredClaim(texts.complete(bare), texts.file(), texts.line())).as("seed %d, record %d", seed, i)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldUnpackOnlyTheWantedRecordsAsTheyAreAmongAll() {
        for (int seed = 0; seed < TRIES; seed++) {
            Random random = new Random(seed);
            byte[] packed = PackedTexts.pack(records(random));
            List<PackedTexts.Texts> all = PackedTexts.unpack(packed);
            int every = 1 + random.nextInt(3);
            List<PackedTexts.Texts> wanted = new ArrayList<>();
            List<Integer> indexes = new ArrayList<>();

            PackedTexts.unpack(packed, i -> i % every == 0, (texts, i) -> {
                wanted.add(texts);
                indexes.add(i);
            });

            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < all.size(); i += every) {
                expected.add(i);
            }
            assertThat(indexes).as("seed %d", seed).isEqualTo(expected);
            assertThat(wanted).as("seed %d", seed).isEqualTo(expected.stream().map(all::get).toList());
        }
    }

    private static List<StoredClaim> records(Random random) {
        List<StoredClaim> records = new ArrayList<>();
        String file = "a.csv";
        for (int i = random.nextInt(30); i > 0; i--) {
            if (random.nextInt(4) == 0) {
                file = RandomValues.string(random, TEXT, 1, 20);
            }
            LocalDate day = epochDay(random, -800_000, 2_900_000);
            Claim claim = new Claim("r" + i, day, "NIS", orNull(random, 0.5, RandomValues.string(random, TEXT, 0, 30)), "DPRK",
                    Metric.KILLED, 1, 1, Qualifier.EXACT, Basis.CUMULATIVE, day,
                    orNull(random, 0.5, epochDay(random, -800_000, 2_900_000)),
                    orNull(random, 0.3, RandomValues.string(random, TEXT, 0, 200)), null,
                    orNull(random, 0.6, RandomValues.string(random, TEXT, 0, 400)));
            records.add(new StoredClaim(claim, file, intBetween(random, 1, Integer.MAX_VALUE) * 3L));
        }
        return records;
    }
}
