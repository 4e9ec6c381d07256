package briefing.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * A fault for a separate run: with {@code -Dspring.main.sources=briefing.cli.VanishingInput} the run's input
 * folder goes away (moved to {@code <input>.away}) as its ingest step starts, as a share that is unmounted
 * under a running job, so the step fails. Not a {@code @Configuration}, so the component scan never picks it up.
 */
class VanishingInput {

    static final String SOURCES = "-Dspring.main.sources=" + VanishingInput.class.getName();

    @Bean
    static BeanPostProcessor inputGoneAsTheIngestStarts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return "ingest".equals(name) ? new MovingInputAway((Step) bean) : bean;
            }
        };
    }

    private record MovingInputAway(Step step) implements Step {

        @Override
        public String getName() {
            return step.getName();
        }

        @Override
        public void execute(StepExecution execution) throws JobInterruptedException {
            Path input = Path.of(execution.getJobExecution().getJobParameters().getString("input"));
            try {
                Files.move(input, input.resolveSibling(input.getFileName() + ".away"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            step.execute(execution);
        }
    }
}
