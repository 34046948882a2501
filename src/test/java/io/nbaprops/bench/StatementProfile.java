package io.nbaprops.bench;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/** Where a benchmark's SQL time goes: total milliseconds and count per statement (first words of its SQL). */
final class StatementProfile implements SqlLogger {
    private final Map<String, LongAdder[]> byStatement = new ConcurrentHashMap<>();

    static StatementProfile attach(Jdbi jdbi) {
        StatementProfile p = new StatementProfile();
        jdbi.setSqlLogger(p);
        return p;
    }

    @Override
    public void logAfterExecution(StatementContext ctx) {
        String sql = ctx.getRenderedSql().replaceAll("\\s+", " ").trim();
        String key = sql.length() > 110 ? sql.substring(0, 110) : sql;
        LongAdder[] a = byStatement.computeIfAbsent(key, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
        a[0].add(ctx.getElapsedTime(ChronoUnit.MICROS));
        a[1].increment();
    }

    void reset() {
        byStatement.clear();
    }

    void print(int top) {
        Map<Long, String> sorted = new TreeMap<>(java.util.Comparator.reverseOrder());
        byStatement.forEach((k, v) -> sorted.put(v[0].sum() * 1000 + sorted.size(), String.format("%8.0f ms %6d x  %s", v[0].sum() / 1e3,
                v[1].sum(), k)));
        sorted.values().stream().limit(top).forEach(System.out::println);
    }
}
