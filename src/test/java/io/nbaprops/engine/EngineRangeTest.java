package io.nbaprops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.config.AppConfig.EngineConfig;
import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backfills asset by asset with range runs: one run per stretch of ready dates, the same rows, per-date fallback. */
class EngineRangeTest {
    static final LocalDate D1 = LocalDate.of(2025, 1, 15);
    static final LocalDate D2 = D1.plusDays(1);
    static final LocalDate D3 = D1.plusDays(2);
    static final LocalDate D4 = D1.plusDays(3);

    @TempDir
    Path dir;
    Warehouse w;
    Engine engine;
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final Set<LocalDate> broken = new HashSet<>();
    final Set<LocalDate> notReady = new HashSet<>();

    @BeforeEach
    void open() {
        w = Warehouse.open("jdbc:duckdb:" + dir.resolve("r.duckdb"), null, null, 4);
        w.jdbi().useHandle(h -> h.execute("CREATE TABLE r_out (asset VARCHAR NOT NULL, d DATE NOT NULL, k VARCHAR NOT NULL, "
                + "v DOUBLE PRECISION, PRIMARY KEY (asset, d, k))"));
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
        w.close();
    }

    Engine engine(Asset... assets) {
        EngineConfig cfg = new EngineConfig(1, 5, 20, 600, 0.8, 1, Map.of());
        engine = new Engine(new AssetGraph(List.of(assets)), new RunStore(w), cfg, PartitionCalendar.none(), Clock.systemUTC(), "test");
        return engine;
    }

    /** Writes day-of-month rows per date, from its upstream's rows when it has one; per date or for a whole range. */
    class Ranged implements RangeAsset {
        final String name;
        final String upstream;
        final List<String> feedback;

        Ranged(String name, String upstream, List<String> feedback) {
            this.name = name;
            this.upstream = upstream;
            this.feedback = feedback;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Phase phase() {
            return Phase.ANALYTICS;
        }

        @Override
        public List<Dependency> upstream() {
            return upstream == null ? List.of() : List.of(Dependency.same(upstream));
        }

        @Override
        public List<String> feedbackFrom() {
            return feedback;
        }

        @Override
        public Readiness readiness(AssetContext ctx) {
            return notReady.contains(ctx.partition()) ? Readiness.waitingFor("box score of " + ctx.partition() + " missing") : Readiness.ok();
        }

        @Override
        public AssetResult materialize(AssetContext ctx) {
            calls.add(name + "@" + ctx.partition());
            return AssetResult.rows(ctx.write(tx -> write(tx, List.of(ctx.partition()))));
        }

        @Override
        public Map<LocalDate, Long> materializeRange(AssetContext ctx, List<LocalDate> dates) {
            calls.add(name + "@" + dates.get(0) + ".." + dates.get(dates.size() - 1));
            ctx.write(tx -> write(tx, dates));
            Map<LocalDate, Long> rows = new java.util.HashMap<>();
            dates.forEach(d -> rows.put(d, (long) d.getDayOfMonth() % 3 + 1));
            return rows;
        }

        private void write(io.nbaprops.store.WriteTx tx, List<LocalDate> dates) {
            RowBatch b = RowBatch.of("r_out", "asset", "d", "k", "v");
            for (LocalDate d : dates) {
                if (broken.contains(d)) {
                    throw new IllegalStateException("box score of " + d + " has 0 players");
                }
                tx.handle().createUpdate("DELETE FROM r_out WHERE asset = ? AND d = ?").bind(0, name).bind(1, d).execute();
                for (int i = 0; i < d.getDayOfMonth() % 3 + 1; i++) {
                    b.add(name, d, "k" + i, d.getDayOfMonth() * 10.0 + i);
                }
            }
            tx.upsert(b);
        }
    }

    List<Map<String, Object>> rows() {
        return w.jdbi().withHandle(h -> h.createQuery("SELECT * FROM r_out ORDER BY asset, d, k").mapToMap().list());
    }

    @Test
    void aBackfillBuildsEachRangeAssetInOneRunWithTheRowsOfPerDateRuns() {
        engine(new Ranged("a", null, List.of()), new Ranged("b", "a", List.of()));
        for (LocalDate d : List.of(D1, D2, D3, D4)) {
            engine.runPartition(d, List.of(), "test");
        }
        List<Map<String, Object>> perDate = rows();
        calls.clear();
        RunSummary s = engine.backfill(D1, D4, List.of(), "test", true, null);
        assertThat(calls).containsExactly("a@2025-01-15..2025-01-18", "b@2025-01-15..2025-01-18");
        assertThat(rows()).isEqualTo(perDate);
        assertThat(s.allSucceeded()).isTrue();
        assertThat(s.outcomes()).hasSize(8);
        // Every date has its own run record and state, with its own row count (1 + day % 3 rows).
        assertThat(engine.store().runs("a", D2)).last().satisfies(r -> {
            assertThat(r.status()).isEqualTo("SUCCESS");
            assertThat(r.rowsWritten()).isEqualTo(2L);
            assertThat(r.message()).isEqualTo("range run of 4 dates 2025-01-15..2025-01-18");
        });
        assertThat(engine.store().state("b", D4)).hasValueSatisfying(st -> {
            assertThat(st.state()).isEqualTo("SUCCESS");
            assertThat(st.lastRowsWritten()).isEqualTo(1L);
        });
        // A resumed backfill has nothing left to do.
        calls.clear();
        assertThat(engine.backfill(D1, D4, List.of(), "test", false, null).outcomes()).isEmpty();
        assertThat(calls).isEmpty();
    }

    @Test
    void aFailedRangeRunIsRetriedDateByDateSoTheBadDateFailsAlone() {
        engine(new Ranged("a", null, List.of()));
        broken.add(D3);
        RunSummary s = engine.backfill(D1, D4, List.of(), "test", false, null);
        assertThat(calls).containsExactly("a@2025-01-15..2025-01-18", "a@2025-01-15", "a@2025-01-16", "a@2025-01-17", "a@2025-01-18");
        assertThat(s.problems()).singleElement().satisfies(o -> {
            assertThat(o.partition()).isEqualTo(D3);
            assertThat(o.status()).isEqualTo(RunStatus.FAILED);
            assertThat(o.message()).contains("box score of 2025-01-17 has 0 players");
        });
        assertThat(rows()).extracting(r -> r.get("d").toString()).doesNotContain("2025-01-17").contains("2025-01-18");
        // The range attempt is in each date's history, then the per-date run that settled it.
        assertThat(engine.store().runs("a", D1)).extracting(RunRecord::status).containsExactly("FAILED", "SUCCESS");
        assertThat(engine.store().runs("a", D1).get(0).message())
                .startsWith("range run of 4 dates 2025-01-15..2025-01-18 failed, running its dates one by one: box score of 2025-01-17");
    }

    @Test
    void aDateThatIsNotReadyWaitsAndSplitsTheRange() {
        engine(new Ranged("a", null, List.of()));
        notReady.add(D2);
        RunSummary s = engine.backfill(D1, D4, List.of(), "test", false, null);
        assertThat(calls).containsExactly("a@2025-01-15", "a@2025-01-17..2025-01-18");
        assertThat(s.problems()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(RunStatus.WAITING);
            assertThat(o.message()).isEqualTo("waiting for box score of 2025-01-16 missing");
        });
        assertThat(engine.store().state("a", D2)).hasValueSatisfying(st -> assertThat(st.state()).isEqualTo("WAITING"));
    }

    @Test
    void anAssetReadingALaterAssetsPastOutputKeepsTheBackfillDateByDate() {
        // "a" reads b's earlier dates (as predictions read past grades): each date must see the dates before it.
        engine(new Ranged("a", null, List.of("b")), new Ranged("b", "a", List.of()));
        engine.backfill(D1, D2, List.of(), "test", false, null);
        assertThat(calls).containsExactly("a@2025-01-15", "b@2025-01-15", "a@2025-01-16", "b@2025-01-16");
        calls.clear();
        // Without the feedback asset in the set, the range is fine.
        engine.backfill(D3, D4, List.of("a"), "test", false, null);
        assertThat(calls).containsExactly("a@2025-01-17..2025-01-18");
    }
}
