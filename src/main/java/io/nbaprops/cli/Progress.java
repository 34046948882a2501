package io.nbaprops.cli;

import io.nbaprops.engine.Engine;
import io.nbaprops.engine.RunStatus;
import io.nbaprops.engine.RunSummary;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.LocalDate;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar over dates on a terminal; on a pipe or CI log, one line per 10% so logs stay short.
 */
final class Progress implements Engine.BackfillProgress {
    private final String task;
    private final PrintWriter err;
    private final boolean terminal;
    private ProgressBar bar;
    private int total;
    private int done;
    private int failed;
    private int lastDecile = -1;

    /** On the process's own stderr: a bar when it is a terminal. */
    Progress(String task, PrintStream err) {
        this(task, new PrintWriter(err, true), System.console() != null);
    }

    /** {@code terminal}: draw a bar on this process's stderr; else one line per 10% to {@code err}. */
    Progress(String task, PrintWriter err, boolean terminal) {
        this.task = task;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void start(int dates) {
        total = dates;
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(dates).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUnit(" days", 1).build();
        }
    }

    @Override
    public void dateDone(LocalDate date, RunSummary day) {
        done++;
        failed += (int) day.outcomes().stream().filter(o -> o.status().isTerminalFailure()).count();
        String extra = date + (failed > 0 ? ", " + failed + " failed" : "");
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(extra);
        } else {
            int decile = total == 0 ? 10 : done * 10 / total;
            if (decile != lastDecile) {
                lastDecile = decile;
                err.printf("%s: %d/%d days (%d%%) %s%n", task, done, total, total == 0 ? 100 : done * 100 / total, extra);
            }
        }
    }

    @Override
    public void finish(RunSummary all) {
        if (bar != null) {
            bar.close();
        }
    }

    static int exitCode(RunSummary s) {
        if (s.outcomes().stream().anyMatch(o -> o.status().isTerminalFailure())) {
            return 1;
        }
        return s.outcomes().stream().anyMatch(o -> o.status() == RunStatus.WAITING) ? 3 : 0;
    }
}
