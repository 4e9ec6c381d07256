package briefing.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import briefing.ledger.ClaimParser;
import briefing.ledger.InputRow;
import briefing.ledger.LedgerRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the step sees when checking a row fails on the reader's own thread. */
class InputRowReaderTests {

    private static final String HEADER = "record_id,reported_on,source,subject,metric,value_low,as_of\n";

    @TempDir
    Path input;
    private LedgerRepository ledger;

    @BeforeEach
    void setUp() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:reader-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        ledger = new LedgerRepository(new JdbcTemplate(dataSource));
        StringBuilder rows = new StringBuilder(HEADER);
        for (int i = 1; i <= 2_000; i++) {
            rows.append("r").append(i).append(",2025-04-30,NIS,DPRK forces in Russia,killed,").append(i).append(",2025-04-30\n");
        }
        Files.writeString(input.resolve("claims.csv"), rows);
    }

    @Test
    void shouldHandOutTheRowsBeforeAFailedCheckThenFailNamingFileAndLine() {
        InputRowReader reader = reader(row -> {
            throw new IllegalArgumentException("boom");
        }, 1_500);

        List<IngestOutcome> taken = takeAll(reader);

        assertThat(taken).hasSize(1_498);
        assertThat(taken.get(taken.size() - 1).row().line()).isEqualTo(1_499);
        assertThatThrownBy(reader::read).isInstanceOf(IllegalStateException.class)
                .hasMessage("Checking claims.csv line 1500 failed: boom");
        ExecutionContext context = new ExecutionContext();
        reader.update(context);
        assertThat(context.getLong("input.rowsReturned")).isEqualTo(1_498);
        reader.close();
    }

    @Test
    void shouldFailWithAnErrorOfTheReadingThreadInsteadOfWaitingForever() {
        InputRowReader reader = reader(row -> {
            throw new StackOverflowError();
        }, 700);

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertThat(takeAll(reader)).hasSize(698);
            assertThatThrownBy(reader::read).isInstanceOf(StackOverflowError.class);
        });
        reader.close();
    }

    /** A reader whose check of line {@code failingLine} runs {@code failure}. */
    private InputRowReader reader(Function<InputRow, IngestOutcome> failure, long failingLine) {
        ClaimCheckProcessor checker = new ClaimCheckProcessor(new ClaimParser(LocalDate.of(2025, 5, 5))) {
            @Override
            public IngestOutcome process(InputRow row) {
                return row.line() == failingLine ? failure.apply(row) : super.process(row);
            }
        };
        InputRowReader reader = new InputRowReader(input, ledger, 1, checker);
        reader.open(new ExecutionContext());
        return reader;
    }

    /** Reads until the read that throws; the rows taken before it. */
    private static List<IngestOutcome> takeAll(InputRowReader reader) {
        List<IngestOutcome> taken = new ArrayList<>();
        while (true) {
            try {
                List<IngestOutcome> batch = reader.read();
                if (batch == null) {
                    return taken;
                }
                assertThat(batch).isNotEmpty();
                taken.addAll(batch);
            } catch (RuntimeException | Error e) {
                return taken;
            }
        }
    }
}
