package io.nbaprops.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.testing.PgSchema;
import io.nbaprops.testing.Services;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Difference writes ({@link WriteTx#replacePartitionByDifference}, {@link WriteTx#upsertByDifference}) leave the tables
 * a full replacement or upsert leaves, and report the same counts; they write only the difference when this process
 * knows what the table holds, and in full as soon as anybody else wrote it. To see which way a write went, a row is
 * changed behind the warehouse's back (a statement on {@link Warehouse#jdbi()}, which its write path does not see):
 * a difference write leaves it as it is, a full one puts it right.
 */
class DifferenceWriteTest {
    @TempDir
    Path dir;
    Warehouse w;
    static final LocalDate D1 = LocalDate.of(2025, 1, 15);
    static final LocalDate D2 = LocalDate.of(2025, 1, 16);
    static final String COLUMNS = "(d DATE NOT NULL, k VARCHAR NOT NULL, n BIGINT, x DOUBLE PRECISION, ts TIMESTAMP, ok BOOLEAN, "
            + "PRIMARY KEY (d, k))";

    @BeforeEach
    void open() {
        w = Warehouse.open("jdbc:duckdb:" + dir.resolve("w.duckdb"), null, null, 2);
        createTables(w);
    }

    private static void createTables(Warehouse w) {
        w.jdbi().useHandle(h -> {
            h.execute("CREATE TABLE diff " + COLUMNS);
            h.execute("CREATE TABLE full_copy " + COLUMNS);
            h.execute("CREATE INDEX diff_n ON diff (n)");
        });
    }

    @AfterEach
    void close() {
        w.close();
    }

    /** Rows k0..k(count-1) of date d, values from {@code version} (rows whose index is a multiple of {@code every} change). */
    private static RowBatch rows(String table, LocalDate d, int from, int count, int version, int every) {
        RowBatch b = RowBatch.of(table, "d", "k", "n", "x", "ts", "ok");
        for (int i = from; i < from + count; i++) {
            int v = i % every == 0 ? version : 0;
            b.add(d, "k" + i, (long) i * 10 + v, i + v / 4.0, Instant.parse("2025-01-15T00:00:00Z").plusSeconds(i + v),
                    (i + v) % 2 == 0);
        }
        return b;
    }

    private List<Map<String, Object>> contents(Warehouse wh, String table) {
        return wh.jdbi().withHandle(h -> h.createQuery("SELECT d, k, n, x, ts, ok FROM " + table + " ORDER BY d, k").mapToMap().list());
    }

    /** Replaces D1 in both tables, by difference and in full; the tables and the counts must agree. */
    private void replaceBoth(int from, int count, int version, int every) {
        long byDifference = w.write(tx -> tx.replacePartitionByDifference(rows("diff", D1, from, count, version, every), "d", D1));
        long full = w.write(tx -> tx.replacePartition(rows("full_copy", D1, from, count, version, every), "d", D1));
        assertThat(byDifference).as("rows reported").isEqualTo(full).isEqualTo(count);
        assertThat(contents(w, "diff")).isEqualTo(contents(w, "full_copy"));
    }

    private void replaceByDifference(int from, int count, int version, int every) {
        w.write(tx -> tx.replacePartitionByDifference(rows("diff", D1, from, count, version, every), "d", D1));
    }

    private void tamper(String key) {
        w.jdbi().useHandle(h -> h.execute("UPDATE diff SET n = -1 WHERE k = '" + key + "'"));
    }

    private long n(String key) {
        return w.jdbi().withHandle(h -> h.createQuery("SELECT n FROM diff WHERE k = '" + key + "'").mapTo(Long.class).one());
    }

    @Test
    void aPartitionRewrittenWithRowsAddedChangedAndRemovedEndsAsAFullReplacement() {
        w.write(tx -> tx.upsert(rows("diff", D2, 0, 5, 0, 1)));
        w.write(tx -> tx.upsert(rows("full_copy", D2, 0, 5, 0, 1)));
        replaceBoth(0, 100, 0, 1);
        // Grows, every third row changes (n is indexed: updated by rewriting the row), and the first 70 go (staged delete).
        replaceBoth(70, 150, 1, 3);
        // A few removed (one DELETE statement), a few changed (one INSERT ... ON CONFLICT).
        replaceBoth(75, 140, 2, 40);
        replaceBoth(75, 140, 2, 40);
        replaceBoth(0, 3, 3, 1);
        assertThat(contents(w, "diff")).filteredOn(r -> r.get("d").toString().equals(D2.toString())).hasSize(5);
    }

    @Test
    void onlyTheDifferenceIsWrittenWhileNobodyElseWritesTheTable() {
        replaceByDifference(0, 10, 0, 1);
        tamper("k5");
        replaceByDifference(0, 10, 1, 2); // k5 is the same in this batch: not written
        assertThat(n("k5")).isEqualTo(-1);
        // Another write to the table (another partition, another path): the next replacement is a full one.
        w.write(tx -> tx.upsert(rows("diff", D2, 0, 1, 0, 1)));
        replaceByDifference(0, 10, 1, 2);
        assertThat(n("k5")).isEqualTo(50);
        // ... and remembers again.
        tamper("k5");
        replaceByDifference(0, 10, 1, 2);
        assertThat(n("k5")).isEqualTo(-1);
        // Raw statements may write any table: the same.
        w.write(tx -> tx.handle().execute("SELECT 1"));
        replaceByDifference(0, 10, 1, 2);
        assertThat(n("k5")).isEqualTo(50);
        // A plain replacement of the partition in between (after which k5 is changed behind its back): the same.
        w.write(tx -> tx.replacePartition(rows("diff", D1, 0, 10, 1, 2), "d", D1));
        tamper("k5");
        replaceByDifference(0, 10, 1, 2);
        assertThat(n("k5")).isEqualTo(50);
        // A rolled-back difference write is forgotten: the next one is full.
        tamper("k5");
        try {
            w.write(tx -> {
                tx.replacePartitionByDifference(rows("diff", D1, 0, 10, 1, 2), "d", D1);
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        replaceByDifference(0, 10, 1, 2);
        assertThat(n("k5")).isEqualTo(50);
        // Reading inside a write transaction is not writing: the memory stays trusted.
        tamper("k5");
        w.write(tx -> tx.handleForReading().createQuery("SELECT count(*) FROM diff").mapTo(Long.class).one());
        replaceByDifference(0, 10, 1, 2);
        assertThat(n("k5")).isEqualTo(-1);
    }

    @Test
    void aBatchWithoutEveryColumnIsAlwaysReplacedInFull() {
        RowBatch some = RowBatch.of("diff", "d", "k", "n").add(D1, "a", 1L).add(D1, "b", 2L);
        w.write(tx -> tx.replacePartitionByDifference(some, "d", D1));
        w.jdbi().useHandle(h -> h.execute("UPDATE diff SET n = -1 WHERE k = 'a'"));
        assertThat(w.write(tx -> tx.replacePartitionByDifference(some, "d", D1))).isEqualTo(2);
        assertThat(n("a")).isEqualTo(1);
    }

    @Test
    void upsertsByDifferenceEndAsFullUpsertsAndCountTheSame() {
        for (int[] run : new int[][] {{0, 50, 0, 1}, {0, 120, 1, 7}, {10, 30, 2, 5}, {0, 200, 3, 11}}) {
            long byDifference = w.write(tx -> tx.upsertByDifference(rows("diff", D1, run[0], run[1], run[2], run[3]), "test D1"));
            long full = w.write(tx -> tx.upsert(rows("full_copy", D1, run[0], run[1], run[2], run[3])));
            assertThat(byDifference).isEqualTo(full).isEqualTo(run[1]);
            assertThat(contents(w, "diff")).isEqualTo(contents(w, "full_copy"));
        }
        tamper("k5");
        w.write(tx -> tx.upsertByDifference(rows("diff", D1, 0, 200, 3, 11), "test D1"));
        assertThat(n("k5")).as("unchanged rows are not written again").isEqualTo(-1);
        w.write(tx -> tx.upsertByDifference(rows("diff", D1, 0, 200, 3, 11), "another writer"));
        assertThat(n("k5")).as("another slot remembers nothing yet: every row upserted").isEqualTo(50);
    }

    @Test
    void aDifferenceWriteDuringWhichAnotherTransactionBeganTheTableRunsAgainInFull() throws Exception {
        replaceBoth(0, 10, 0, 1);
        tamper("k5");
        CountDownLatch diffWritten = new CountDownLatch(1);
        CountDownLatch otherBegun = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Long> a = pool.submit(() -> w.write(tx -> {
                tx.replacePartitionByDifference(rows("diff", D1, 0, 10, 1, 2), "d", D1);
                if (attempts.incrementAndGet() == 1) {
                    diffWritten.countDown();
                    await(otherBegun);
                }
            }));
            await(diffWritten);
            // Another partition: no row in common, so DuckDB itself sees no conflict.
            Future<Long> b = pool.submit(() -> w.write(tx -> {
                tx.upsert(rows("diff", D2, 0, 1, 0, 1));
                otherBegun.countDown();
            }));
            assertThat(b.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(a.get(60, TimeUnit.SECONDS)).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
        assertThat(attempts.get()).as("refused once, then run again").isEqualTo(2);
        assertThat(n("k5")).as("the second attempt replaced the partition in full").isEqualTo(50);
        w.write(tx -> tx.replacePartition(rows("full_copy", D1, 0, 10, 1, 2), "d", D1));
        assertThat(contents(w, "diff")).filteredOn(r -> r.get("d").toString().equals(D1.toString()))
                .isEqualTo(contents(w, "full_copy"));
    }

    @Test
    void onPostgresEveryDifferenceWriteIsAFullOne() {
        try (PgSchema schema = PgSchema.create("difference"); Warehouse pg = Warehouse.open(schema.url(), Services.PG_USER, null, 2)) {
            createTables(pg);
            List<Long> counts = new ArrayList<>();
            for (int[] run : new int[][] {{0, 100, 0, 1}, {50, 100, 1, 3}}) {
                counts.add(pg.write(tx -> tx.replacePartitionByDifference(rows("diff", D1, run[0], run[1], run[2], run[3]), "d", D1)));
                pg.write(tx -> tx.replacePartition(rows("full_copy", D1, run[0], run[1], run[2], run[3]), "d", D1));
                assertThat(contents(pg, "diff")).isEqualTo(contents(pg, "full_copy"));
            }
            pg.jdbi().useHandle(h -> h.execute("UPDATE diff SET n = -1 WHERE k = 'k60'"));
            pg.write(tx -> tx.replacePartitionByDifference(rows("diff", D1, 50, 100, 1, 3), "d", D1));
            assertThat(contents(pg, "diff")).isEqualTo(contents(pg, "full_copy"));
            assertThat(counts).containsExactly(100L, 100L);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
