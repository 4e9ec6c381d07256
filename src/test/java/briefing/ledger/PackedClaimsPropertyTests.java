package briefing.ledger;

import static briefing.ledger.RandomValues.epochDay;
import static briefing.ledger.RandomValues.intBetween;
import static briefing.ledger.RandomValues.longBetween;
import static briefing.ledger.RandomValues.oneOf;
import static briefing.ledger.RandomValues.orNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Packing and unpacking keeps every field the computation uses, and when each claim was ingested. */
class PackedClaimsPropertyTests {

    private static final int TRIES = 500;
    private static final List<Instant> INSTANTS = List.of(Instant.parse("2025-06-01T00:00:00Z"),
            Instant.parse("2025-06-08T06:00:00.123456789Z"), Instant.parse("1969-12-31T23:59:59.5Z"));

    @Test
    void shouldUnpackWhatWasPacked() {
        for (int seed = 0; seed < TRIES; seed++) {
            List<PackedClaims.Packed> claims = claims(new Random(seed));

            List<PackedClaims.Packed> unpacked = PackedClaims.unpack(PackedClaims.pack(claims), "DPRK", "NIS");

            assertThat(unpacked).as("seed %d", seed).hasSameSizeAs(claims);
            for (int i = 0; i < claims.size(); i++) {
                Claim c = claims.get(i).claim();
                assertThat(unpacked.get(i).claim()).as("seed %d, claim %d", seed, i).isEqualTo(new Claim(c.recordId(),
                        c.reportedOn(), c.source(), null, c.subject(), c.metric(), c.valueLow(), c.valueHigh(), c.qualifier(),
                        c.basis(), c.asOf(), null, null, c.supersedes(), null));
                assertThat(unpacked.get(i).ingestedAt()).as("seed %d, claim %d", seed, i)
                        .isEqualTo(claims.get(i).ingestedAt());
            }
        }
    }

    @Test
    void shouldUnpackOnlyTheWantedClaimsAsTheyAreAmongAll() {
        for (int seed = 0; seed < TRIES; seed++) {
            Random random = new Random(seed);
            byte[] packed = PackedClaims.pack(claims(random));
            List<PackedClaims.Packed> all = PackedClaims.unpack(packed, "DPRK", "NIS");
            int every = 1 + random.nextInt(4);
            List<Claim> wanted = new ArrayList<>();
            List<Integer> indexes = new ArrayList<>();

            PackedClaims.unpack(packed, "DPRK", "NIS", new PackedClaims.Days(), i -> i % every == 0, (claim, i) -> {
                wanted.add(claim);
                indexes.add(i);
            });

            List<Integer> expectedIndexes = new ArrayList<>();
            for (int i = 0; i < all.size(); i += every) {
                expectedIndexes.add(i);
            }
            assertThat(indexes).as("seed %d", seed).isEqualTo(expectedIndexes);
            assertThat(wanted).as("seed %d", seed).isEqualTo(expectedIndexes.stream().map(i -> all.get(i).claim()).toList());
        }
    }

    private static List<PackedClaims.Packed> claims(Random random) {
        int size = random.nextInt(41);
        List<PackedClaims.Packed> claims = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            claims.add(new PackedClaims.Packed(claim(random), INSTANTS.get(random.nextInt(INSTANTS.size()))));
        }
        return claims;
    }

    private static Claim claim(Random random) {
        String recordId = id(random);
        LocalDate reported = epochDay(random, -800_000, 2_900_000);
        int back = intBetween(random, 0, 5000);
        Metric metric = oneOf(random, Metric.class);
        long a = value(random);
        long b = value(random);
        Qualifier qualifier = oneOf(random, Qualifier.class);
        Basis basis = oneOf(random, Basis.class);
        String supersedes = orNull(random, 0.7, id(random));
        return new Claim(recordId, reported, "NIS", "via someone", "DPRK", metric, Math.min(a, b), Math.max(a, b), qualifier,
                basis, reported.minusDays(back), basis == Basis.INCREMENT ? reported : null, "https://example.org", supersedes,
                "a note");
    }

    private static String id(Random random) {
        return RandomValues.string(random, "aZ09._:-", 1, 100);
    }

    private static long value(Random random) {
        return longBetween(random, 0, 999_999_999_999_999_999L);
    }
}
