package io.nbaprops.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.ops.schedule.OpsScheduler;
import io.nbaprops.testing.SandboxSeason;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catch-up after downtime, on the sandbox's replay clock: the season ran one day, then the service was "stopped" for
 * two game days (the replay clock jumps past them). When it starts again the plan runs the two missed days, each
 * a whole day, oldest first, one after another; the runtime's status (what the dashboard shows) lists them.
 */
class CatchUpTest {
    @TempDir
    Path dir;

    @Test
    void missedGameDaysRunOldestFirstWhenTheServiceIsBack() throws Exception {
        Map<String, String> env = io.nbaprops.testing.TestPlatform.env(dir, null);
        env.put("NBAPROPS_SCHEDULE_TICK_SECONDS", "1");
        env.put("NBAPROPS_SCHEDULE_POLL_MILLIS", "100");
        try (SandboxRun run = SandboxRun.start(2024, null, env)) {
            List<LocalDate> dates = run.gameDates();
            SandboxSeason.days(run, dates.subList(0, 1));
            List<LocalDate> missed = dates.subList(1, 3);
            // Back at 04:00 the morning after the second missed day, with the replay clock running at real speed.
            Instant back = SandboxRun.morningAfter(missed.get(1));
            run.replay(back, 1);
            assertThat(run.resumePoint()).isEqualTo(SandboxRun.morningAfter(dates.get(0)));
            try (OpsRuntime ops = new OpsRuntime(run.platform())) {
                ops.start();
                OpsRuntimeTest.waitFor("the two missed days to be caught up", Duration.ofSeconds(150), () ->
                        ops.status().catchUp().recent().stream().filter(r -> !"RUNNING".equals(r.status())).count() == 2);
                OpsRuntime.Status status = ops.status();
                List<OpsScheduler.JobRun> caught = status.catchUp().recent().stream()
                        .sorted(Comparator.comparing(OpsScheduler.JobRun::startedAt)).toList();
                assertThat(caught).extracting(OpsScheduler.JobRun::partitionDate).containsExactlyElementsOf(missed);
                assertThat(caught).allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo("SUCCESS");
                    assertThat(r.result()).startsWith("caught up (after the fact)");
                });
                for (int i = 1; i < caught.size(); i++) {
                    assertThat(caught.get(i).startedAt()).as("one after another").isAfterOrEqualTo(caught.get(i - 1).endedAt());
                }
                for (LocalDate d : missed) {
                    assertThat(run.platform().engine().store().state("export_results", d).orElseThrow().state()).isEqualTo("SUCCESS");
                    assertThat(run.platform().engine().store().state("prediction", d).orElseThrow().state()).isEqualTo("SUCCESS");
                    assertThat(run.platform().engine().store().runs("prediction_grade", d)).anySatisfy(r ->
                            assertThat(r.triggerSource()).isEqualTo("catch-up"));
                }
                assertThat(status.catchUp().pending()).isEmpty();
                // The day the demo ran was not run again, and no regular plan job ran beside the catch-ups.
                assertThat(run.platform().engine().store().runs("export_results", dates.get(0))).singleElement();
                long regular = run.platform().warehouse().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ops_job_run "
                        + "WHERE kind <> 'CATCHUP'").mapTo(Long.class).one());
                assertThat(regular).isZero();
            }
        }
    }
}
