package briefing.cli;

import briefing.report.Briefing;
import briefing.report.ReportWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * A fault for a separate run: with {@code -Dspring.main.sources=briefing.cli.FailingRender} the job's
 * {@code briefing.xlsx} writer writes half the workbook and then fails, as when the disk fills. Not a
 * {@code @Configuration}, so the application's component scan never picks it up.
 */
class FailingRender {

    static final String SOURCES = "-Dspring.main.sources=" + FailingRender.class.getName();
    static final String MESSAGE = "No space left on device (simulated: briefing.xlsx failed half way)";

    @Bean
    static BeanPostProcessor halfWrittenWorkbook() {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings("unchecked")
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!"reportWriters".equals(name)) {
                    return bean;
                }
                return ((List<ReportWriter>) bean).stream()
                        .map(w -> w.fileName().equals("briefing.xlsx") ? new HalfWritten(w) : w).toList();
            }
        };
    }

    /** Writes the first half of what its writer makes, then throws. */
    private record HalfWritten(ReportWriter writer) implements ReportWriter {

        @Override
        public String fileName() {
            return writer.fileName();
        }

        @Override
        public void write(Briefing briefing, OutputStream out) throws IOException {
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            writer.write(briefing, whole);
            out.write(whole.toByteArray(), 0, whole.size() / 2);
            out.flush();
            throw new IOException(MESSAGE);
        }
    }
}
