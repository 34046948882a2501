package io.nbaprops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseTest {
    @TempDir
    Path dir;
    Warehouse w;
    static final LocalDate D1 = LocalDate.of(2025, 1, 15);
    static final LocalDate D2 = LocalDate.of(2025, 1, 16);

    @BeforeEach
    void open() {
        w = Warehouse.open("jdbc:duckdb:" + dir.resolve("w.duckdb"), null, null, 2);
        w.jdbi().useHandle(h -> h.execute("CREATE TABLE t (d DATE NOT NULL, k VARCHAR NOT NULL, n BIGINT, x DOUBLE PRECISION, "
                + "ts TIMESTAMP, ok BOOLEAN, PRIMARY KEY (d, k))"));
    }

    @AfterEach
    void close() {
        w.close();
    }

    private List<Map<String, Object>> rows() {
        return w.jdbi().withHandle(h -> h.createQuery("SELECT d, k, n, x, ts, ok FROM t ORDER BY d, k").mapToMap().list());
    }

    @Test
    void theChangeStampMovesWithEveryCommittedWriteToItsTablesOnly() {
        w.jdbi().useHandle(h -> h.execute("CREATE TABLE u (k VARCHAR PRIMARY KEY, n BIGINT)"));
        long before = w.changeStamp(List.of("t")).orElseThrow();
        assertThat(w.changeStamp(List.of("T")).orElseThrow()).isEqualTo(before);
        w.write(tx -> tx.upsert(RowBatch.of("u", "k", "n").add("a", 1)));
        assertThat(w.changeStamp(List.of("t")).orElseThrow()).as("another table").isEqualTo(before);
        w.write(tx -> tx.upsert(RowBatch.of("t", "d", "k", "n").add(D1, "a", 1)));
        long afterUpsert = w.changeStamp(List.of("t")).orElseThrow();
        assertThat(afterUpsert).isGreaterThan(before);
        assertThat(w.changeStamp(List.of("u", "t")).orElseThrow()).isEqualTo(afterUpsert);
        w.write(tx -> tx.deletePartition("t", "d", D2));
        long afterDelete = w.changeStamp(List.of("t")).orElseThrow();
        assertThat(afterDelete).isGreaterThan(afterUpsert);
        // A raw statement declared for one table (the engine's heartbeat) moves only that table's stamp.
        w.write(tx -> tx.handleFor("u").execute("UPDATE u SET n = 3"));
        assertThat(w.changeStamp(List.of("t")).orElseThrow()).isEqualTo(afterDelete);
        assertThat(w.changeStamp(List.of("u")).orElseThrow()).isGreaterThan(afterDelete);
        // Raw statements may write any table.
        w.write(tx -> tx.handle().execute("UPDATE u SET n = 2"));
        assertThat(w.changeStamp(List.of("t")).orElseThrow()).isGreaterThan(afterDelete);
        // A rolled-back write moves it too (harmless), and never backwards.
        long beforeFailure = w.changeStamp(List.of("t")).orElseThrow();
        assertThatThrownBy(() -> w.write(tx -> {
            tx.upsert(RowBatch.of("t", "d", "k", "n").add(D1, "b", 1));
            throw new IllegalStateException("boom");
        })).hasMessageContaining("boom");
        assertThat(w.changeStamp(List.of("t")).orElseThrow()).isGreaterThanOrEqualTo(beforeFailure);
    }

    @Test
    void asManyConcurrentFirstWritesToATableAsThePoolHasConnectionsAllCommit() throws Exception {
        // Pool of 2, two writers, each inside its transaction (holding a connection) before its first look at t's
        // columns. Reading them through another pooled connection left both waiting for the pool until its timeout.
        java.util.concurrent.CyclicBarrier bothInside = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Long>> done = new java.util.ArrayList<>();
            for (String k : List.of("a", "b")) {
                done.add(pool.submit(() -> w.write(tx -> {
                    try {
                        bothInside.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    tx.upsert(RowBatch.of("t", "d", "k", "n").add(D1, k, 1L));
                })));
            }
            for (java.util.concurrent.Future<Long> f : done) {
                assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows()).hasSize(2);
    }

    @Test
    void aWriteThatConflictsWithAnotherTransactionRunsAgainAndCommits() throws Exception {
        // A upserts (D1, a) and holds its transaction open; B's upsert of the same row is refused by DuckDB ("Conflict on
        // update"), so the write path runs B again; once B has been refused twice, A commits, and B's next run goes through.
        w.write(tx -> tx.upsert(RowBatch.of("t", "d", "k", "n").add(D1, "a", 0L)));
        java.util.concurrent.CountDownLatch aInside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch bRetried = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger bAttempts = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Long> a = pool.submit(() -> w.write(tx -> {
                tx.upsert(RowBatch.of("t", "d", "k", "n").add(D1, "a", 1L));
                aInside.countDown();
                await(bRetried);
            }));
            await(aInside);
            java.util.concurrent.Future<Long> b = pool.submit(() -> w.write(tx -> {
                if (bAttempts.incrementAndGet() == 2) {
                    bRetried.countDown();
                }
                tx.upsert(RowBatch.of("t", "d", "k", "n").add(D1, "a", 2L));
            }));
            assertThat(a.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(b.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(bAttempts.get()).as("B was refused at least once and ran again").isGreaterThanOrEqualTo(2);
        assertThat(rows()).singleElement().satisfies(r -> assertThat(r.get("n")).isEqualTo(2L));
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            assertThat(latch.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCheckpointFoldsTheWriteAheadLogIntoTheFile() throws Exception {
        RowBatch b = RowBatch.of("t", "d", "k", "n");
        for (int i = 0; i < 2000; i++) {
            b.add(D1, "k" + i, i);
        }
        w.write(tx -> tx.upsert(b));
        java.nio.file.Path wal = dir.resolve("w.duckdb.wal");
        assertThat(java.nio.file.Files.size(wal)).as("committed rows wait in the WAL").isPositive();
        w.checkpoint();
        assertThat(!java.nio.file.Files.exists(wal) || java.nio.file.Files.size(wal) == 0).as("WAL folded in").isTrue();
        assertThat(rows()).hasSize(2000);
    }

    @Test
    void largeUpsertsSetIndexedColumnsOnlyWhereTheyChangeWithTheSameResult() {
        w.jdbi().useHandle(h -> {
            h.execute("CREATE TABLE ix (k VARCHAR PRIMARY KEY, d DATE NOT NULL, n BIGINT, note VARCHAR)");
            h.execute("CREATE INDEX ix_d ON ix (d)");
        });
        assertThat(w.meta("ix").indexedColumns()).containsExactly("d");
        RowBatch first = RowBatch.of("ix", "k", "d", "n", "note");
        for (int i = 0; i < 100; i++) {
            first.add("k" + i, D1, i, "kept");
        }
        w.write(tx -> tx.upsert(first));
        RowBatch second = RowBatch.of("ix", "k", "d", "n");
        for (int i = 50; i < 150; i++) {
            second.add("k" + i, i % 2 == 0 ? D2 : D1, 1000 + i);
        }
        long written = w.write(tx -> tx.upsert(second));
        assertThat(written).isEqualTo(100);
        List<Map<String, Object>> rows = w.jdbi().withHandle(h -> h.createQuery("SELECT k, d, n, note FROM ix ORDER BY n").mapToMap().list());
        assertThat(rows).hasSize(150);
        for (Map<String, Object> r : rows) {
            int i = Integer.parseInt(((String) r.get("k")).substring(1));
            assertThat(r.get("n")).isEqualTo(i < 50 ? (long) i : 1000L + i);
            assertThat(r.get("d").toString()).isEqualTo((i >= 50 && i % 2 == 0 ? D2 : D1).toString());
            assertThat(r.get("note")).isEqualTo(i < 100 ? "kept" : null); // columns not in the batch keep their value
        }
        // The date index answers for the moved rows.
        long moved = w.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM ix WHERE d = ?").bind(0, D2).mapTo(Long.class).one());
        assertThat(moved).isEqualTo(50L);
    }

    @Test
    void migrationsCreateTheEngineTables() {
        List<String> tables = w.jdbi().withHandle(h -> h.createQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").mapTo(String.class).list());
        assertThat(tables).contains("run_history", "asset_partition", "raw_payload", "game", "player_game_summary",
                "prediction", "prediction_grade");
    }

    @Test
    void upsertTwiceLeavesTheSameRowsAndUpdatesByKey() {
        Instant at = Instant.parse("2025-01-15T23:00:00Z");
        RowBatch b = RowBatch.of("t", "d", "k", "n", "x", "ts", "ok").add(D1, "a", 1, 1.5, at, true).add(D1, "b", 2, 2.5, at, false);
        w.write(tx -> tx.upsert(b));
        w.write(tx -> tx.upsert(b));
        assertThat(rows()).hasSize(2);
        w.write(tx -> tx.upsert(RowBatch.of("t", "d", "k", "n").add(D1, "a", 10)));
        assertThat(rows()).first().satisfies(r -> {
            assertThat(r.get("n")).isEqualTo(10L);
            assertThat(r.get("x")).isEqualTo(1.5); // columns not in the batch keep their value
        });
    }

    @Test
    void duplicateKeysInOneBatchKeepTheLastRow() {
        long[] dropped = new long[1];
        w.write(tx -> {
            tx.upsert(RowBatch.of("t", "d", "k", "n").add(D1, "a", 1).add(D1, "a", 2));
            dropped[0] = tx.duplicatesDropped();
        });
        assertThat(rows()).singleElement().satisfies(r -> assertThat(r.get("n")).isEqualTo(2L));
        assertThat(dropped[0]).isEqualTo(1);
    }

    @Test
    void replacePartitionRemovesKeysNoLongerPresentAndLeavesOtherPartitions() {
        w.write(tx -> tx.upsert(RowBatch.of("t", "d", "k", "n").add(D1, "a", 1).add(D1, "b", 2).add(D2, "a", 3)));
        w.write(tx -> tx.replacePartition(RowBatch.of("t", "d", "k", "n").add(D1, "b", 20).add(D1, "c", 30), "d", D1));
        assertThat(rows()).extracting(r -> r.get("d") + "/" + r.get("k") + "=" + r.get("n"))
                .containsExactly("2025-01-15/b=20", "2025-01-15/c=30", "2025-01-16/a=3");
    }

    @Test
    void replacePartitionRefusesRowsOfAnotherPartition() {
        assertThatThrownBy(() -> w.write(tx -> tx.replacePartition(RowBatch.of("t", "d", "k").add(D2, "x"), "d", D1)))
                .hasMessageContaining("do not belong to partition d = 2025-01-15");
        assertThat(rows()).isEmpty();
    }

    @Test
    void aFailureInsideTheTransactionLeavesNothingHalfWritten() {
        w.write(tx -> tx.upsert(RowBatch.of("t", "d", "k", "n").add(D1, "keep", 1)));
        assertThatThrownBy(() -> w.write(tx -> {
            tx.replacePartition(RowBatch.of("t", "d", "k", "n").add(D1, "new", 2), "d", D1);
            throw new IllegalStateException("boom after the first write");
        })).hasMessageContaining("boom");
        assertThat(rows()).extracting(r -> r.get("k")).containsExactly("keep");
    }

    @Test
    void wrongTypesNameTheTableColumnAndValue() {
        assertThatThrownBy(() -> w.write(tx -> tx.upsert(RowBatch.of("t", "d", "k", "n").add(D1, "a", "twelve"))))
                .hasMessageContaining("table t, column n").hasMessageContaining("'twelve'");
        assertThatThrownBy(() -> w.write(tx -> tx.upsert(RowBatch.of("t", "d", "k", "n").add(D1, "a", 1.5))))
                .hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> w.write(tx -> tx.upsert(RowBatch.of("t", "d", "k", "nope").add(D1, "a", 1))))
                .hasMessageContaining("has no column 'nope'");
        assertThatThrownBy(() -> w.write(tx -> tx.upsert(RowBatch.of("t", "d", "k").add(D1, null))))
                .hasMessageContaining("key column k is null");
    }

    @Test
    void queryPathRejectsDuplicateKeys() {
        assertThatThrownBy(() -> w.write(tx -> tx.replacePartitionFromQuery("t", List.of("d", "k", "n"),
                "SELECT ?, 'a', 1 UNION ALL SELECT ?, 'a', 2", List.of(D1, D1), "d", D1)))
                .hasMessageContaining("duplicate keys");
    }

    @Test
    void queryPathReplacesThePartition() {
        w.write(tx -> tx.upsert(RowBatch.of("t", "d", "k", "n").add(D1, "old", 1)));
        long n = w.write(tx -> tx.replacePartitionFromQuery("t", List.of("d", "k", "n"),
                "SELECT ?, 'a', 1 UNION ALL SELECT ?, 'b', 2", List.of(D1, D1), "d", D1));
        assertThat(n).isEqualTo(2);
        assertThat(rows()).extracting(r -> r.get("k")).containsExactly("a", "b");
    }

    @Test
    void timestampsRoundTripAsUtc() {
        Instant at = Instant.parse("2025-01-16T00:30:00Z");
        w.write(tx -> tx.upsert(RowBatch.of("t", "d", "k", "ts").add(D1, "a", at)));
        Instant back = w.jdbi().withHandle(h -> h.createQuery("SELECT ts FROM t").mapTo(Instant.class).one());
        assertThat(back).isEqualTo(at);
        LocalDate d = w.jdbi().withHandle(h -> h.createQuery("SELECT d FROM t").mapTo(LocalDate.class).one());
        assertThat(d).isEqualTo(D1);
    }

    @Test
    void largeBatchesGoThroughTheAppender() {
        RowBatch b = RowBatch.of("t", "d", "k", "n", "x");
        for (int i = 0; i < 50_000; i++) {
            b.add(D1, "k" + i, i, i / 2.0);
        }
        long n = w.write(tx -> tx.replacePartition(b, "d", D1));
        assertThat(n).isEqualTo(50_000);
        long sum = w.jdbi().withHandle(h -> h.createQuery("SELECT sum(n) FROM t").mapTo(Long.class).one());
        assertThat(sum).isEqualTo(49_999L * 50_000 / 2);
    }

    @Test
    void inMemoryDuckDbIsRefusedWithAReason() {
        assertThatThrownBy(() -> Warehouse.open("jdbc:duckdb:", null, null, 2)).hasMessageContaining("in-memory");
    }
}
