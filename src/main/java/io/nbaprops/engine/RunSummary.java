package io.nbaprops.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The outcomes of several runs (a date, a backfill): what succeeded, what failed and why. */
public final class RunSummary {
    private final List<RunOutcome> outcomes = new ArrayList<>();

    public synchronized void add(RunOutcome o) {
        outcomes.add(o);
    }

    public synchronized void addAll(RunSummary other) {
        outcomes.addAll(other.outcomes());
    }

    public synchronized List<RunOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    public synchronized Map<RunStatus, Integer> counts() {
        Map<RunStatus, Integer> m = new EnumMap<>(RunStatus.class);
        for (RunOutcome o : outcomes) {
            m.merge(o.status(), 1, Integer::sum);
        }
        return m;
    }

    public synchronized List<RunOutcome> problems() {
        return outcomes.stream().filter(o -> o.status() != RunStatus.SUCCESS).toList();
    }

    public synchronized long rowsWritten() {
        return outcomes.stream().mapToLong(RunOutcome::rowsWritten).sum();
    }

    public boolean allSucceeded() {
        return problems().isEmpty();
    }

    /** A few lines for a terminal: counts, then each failed or waiting partition with its reason. */
    public String describe(int maxProblems) {
        StringBuilder sb = new StringBuilder();
        sb.append(outcomes().size()).append(" runs: ").append(counts()).append(", ").append(rowsWritten()).append(" rows written");
        List<RunOutcome> p = problems();
        for (int i = 0; i < Math.min(maxProblems, p.size()); i++) {
            RunOutcome o = p.get(i);
            sb.append("\n  ").append(o.status()).append(' ').append(o.asset()).append(" [").append(o.partition()).append("] ")
                    .append(o.message() == null ? "" : Failures.abbreviate(o.message(), 240));
        }
        if (p.size() > maxProblems) {
            sb.append("\n  ... and ").append(p.size() - maxProblems).append(" more");
        }
        return sb.toString();
    }
}
