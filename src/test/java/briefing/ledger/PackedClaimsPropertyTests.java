package briefing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Packing and unpacking keeps every field the computation uses, and when each claim was ingested. */
class PackedClaimsPropertyTests {

    @Property(tries = 500)
    void shouldUnpackWhatWasPacked(@ForAll("claims") List<PackedClaims.Packed> claims) {
        List<PackedClaims.Packed> unpacked = PackedClaims.unpack(PackedClaims.pack(claims), "DPRK", "NIS");

        assertThat(unpacked).hasSameSizeAs(claims);
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i).claim();
            assertThat(unpacked.get(i).claim()).isEqualTo(new Claim(c.recordId(), c.reportedOn(), c.source(), null,
                    c.subject(), c.metric(), c.valueLow(), c.valueHigh(), c.qualifier(), c.basis(), c.asOf(), null, null,
                    c.supersedes(), null));
            assertThat(unpacked.get(i).ingestedAt()).isEqualTo(claims.get(i).ingestedAt());
        }
    }

    @Provide
    Arbitrary<List<PackedClaims.Packed>> claims() {
        Arbitrary<String> id = Arbitraries.strings().withChars("aZ09._:-").ofMinLength(1).ofMaxLength(100);
        Arbitrary<LocalDate> day = Arbitraries.integers().between(-800_000, 2_900_000).map(LocalDate::ofEpochDay);
        Arbitrary<Long> value = Arbitraries.longs().between(0, 999_999_999_999_999_999L);
        Arbitrary<Instant> instant = Arbitraries.of(Instant.parse("2025-06-01T00:00:00Z"),
                Instant.parse("2025-06-08T06:00:00.123456789Z"), Instant.parse("1969-12-31T23:59:59.5Z"));
        Arbitrary<Claim> claim = Combinators.combine(id, day, Arbitraries.integers().between(0, 5000),
                        Arbitraries.of(Metric.class), value, value, Arbitraries.of(Qualifier.class), Arbitraries.of(Basis.class))
                .flatAs((recordId, reported, back, metric, a, b, qualifier, basis) -> id.injectNull(0.7).map(supersedes ->
                        new Claim(recordId, reported, "NIS", "via someone", "DPRK", metric, Math.min(a, b), Math.max(a, b),
                                qualifier, basis, reported.minusDays(back), basis == Basis.INCREMENT ? reported : null,
                                "https://example.org", supersedes, "a note")));
        return Combinators.combine(claim, instant).as(PackedClaims.Packed::new).list().ofMaxSize(40);
    }
}
