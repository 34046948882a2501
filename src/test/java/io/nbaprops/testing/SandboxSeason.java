package io.nbaprops.testing;

import io.nbaprops.app.SandboxRun;
import io.nbaprops.engine.RunOutcome;
import io.nbaprops.engine.RunSummary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A sandbox league replayed for the first days of the season into a temporary warehouse: the shared fixture of end-to-end tests. */
public final class SandboxSeason {
    private SandboxSeason() {}

    public static SandboxRun start(Path dir) {
        return start(dir, Map.of());
    }

    /** {@code extraEnv}: settings or secrets on top of the test platform's (e.g. the service's API key). */
    public static SandboxRun start(Path dir, Map<String, String> extraEnv) {
        Map<String, String> env = new java.util.HashMap<>(TestPlatform.env(dir, null));
        env.putAll(extraEnv);
        return SandboxRun.start(2024, null, env);
    }

    /** Runs whole days (pre-game then post-game) and fails loudly if any run failed. */
    public static void days(SandboxRun run, List<LocalDate> dates) {
        for (LocalDate d : dates) {
            check(run.day(d));
        }
    }

    public static RunSummary check(RunSummary s) {
        List<RunOutcome> bad = s.outcomes().stream().filter(o -> o.status().isTerminalFailure()).toList();
        if (!bad.isEmpty()) {
            throw new AssertionError("sandbox day had failures: " + s.describe(10));
        }
        return s;
    }
}
