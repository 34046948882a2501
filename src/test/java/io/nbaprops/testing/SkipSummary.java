package io.nbaprops.testing;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says once, at the end of the run, why tests were skipped: one line per reason with how many tests it skipped
 * (Surefire itself only counts skips). Registered through META-INF/services.
 */
public final class SkipSummary implements TestExecutionListener {
    private final Map<String, AtomicInteger> reasons = new ConcurrentHashMap<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        reasons.clear();
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        count(id, reason);
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            count(id, result.getThrowable().map(Throwable::getMessage).orElse("aborted without a reason"));
        }
    }

    private void count(TestIdentifier id, String reason) {
        int tests = id.isTest() ? 1 : plan == null ? 1 : (int) Math.max(1, plan.getDescendants(id).stream().filter(TestIdentifier::isTest).count());
        String key = reason == null ? "(no reason given)" : reason.replaceFirst("^Assumption failed: ", "");
        reasons.computeIfAbsent(key, k -> new AtomicInteger()).addAndGet(tests);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (reasons.isEmpty()) {
            return;
        }
        PrintStream out = System.out;
        out.println("[SKIPPED] why tests were skipped (each reason once):");
        new TreeMap<>(reasons).forEach((reason, n) -> out.println("[SKIPPED]   " + n.get() + " test(s): " + reason));
        out.flush();
    }
}
