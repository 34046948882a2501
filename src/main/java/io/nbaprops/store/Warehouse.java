package io.nbaprops.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warehouse: a pooled JDBC database (DuckDB embedded, or PostgreSQL), migrated on open, with one
 * write path ({@link #write}) and Jdbi for reads. Timestamps are stored as UTC {@code TIMESTAMP}.
 */
public final class Warehouse implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Warehouse.class);

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final Jdbi jdbi;
    private final String url;
    private final Map<String, TableMeta> metaCache = new ConcurrentHashMap<>();
    /** Change stamps (see {@link #changeStamp}): one clock; each table's last tick; the last tick of a write that may touch any table. */
    private long changeClock;
    private final Map<String, Long> tableChanged = new ConcurrentHashMap<>();
    private volatile long anyTableChanged;
    /** Which transactions write which tables now, and what difference writes left (see {@link WriteTx#replacePartitionByDifference}). */
    private final TableWriters writers = new TableWriters();

    private Warehouse(HikariDataSource dataSource, Dialect dialect, String url) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.url = url;
        this.jdbi = Jdbi.create(dataSource);
        registerTimeTypes(jdbi);
    }

    /** Opens (creating the DuckDB file's folder if needed) and applies pending migrations. */
    public static Warehouse open(String url, String user, String password, int poolSize) {
        Warehouse w = connect(url, user, password, poolSize, false);
        try {
            w.migrate();
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
        return w;
    }

    /**
     * Opens for reading only: a DuckDB file is opened read-only (so a write fails in the engine itself);
     * PostgreSQL sessions are read-only transactions. Nothing is migrated.
     */
    public static Warehouse openReadOnly(String url, String user, String password) {
        return connect(url, user, password, 2, true);
    }

    private static Warehouse connect(String url, String user, String password, int poolSize, boolean readOnly) {
        Dialect dialect = Dialect.forUrl(url);
        if (dialect instanceof DuckDbDialect) {
            prepareDuckDbFile(url, readOnly);
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setPoolName("warehouse");
        // Flyway holds two connections while it migrates.
        hc.setMaximumPoolSize(readOnly ? Math.max(1, poolSize) : Math.max(2, poolSize));
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(15_000);
        hc.setInitializationFailTimeout(1);
        if (user != null && !user.isBlank()) {
            hc.setUsername(user);
        }
        if (password != null && !password.isBlank()) {
            hc.setPassword(password);
        }
        if (dialect instanceof DuckDbDialect && readOnly) {
            hc.addDataSourceProperty("duckdb.read_only", "true");
        } else if (!(dialect instanceof DuckDbDialect)) {
            hc.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        // Hikari resets each connection to this; DuckDB only accepts the mode the file was opened in.
        hc.setReadOnly(readOnly);
        try {
            HikariDataSource ds = new HikariDataSource(hc);
            return new Warehouse(ds, dialect, url);
        } catch (RuntimeException e) {
            throw new WarehouseException("cannot open warehouse " + url + ": " + rootMessage(e), e);
        }
    }

    private static void prepareDuckDbFile(String url, boolean readOnly) {
        String path = url.substring("jdbc:duckdb:".length());
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        if (path.isBlank() || path.startsWith(":memory:")) {
            throw new WarehouseException("an in-memory DuckDB gives every pooled connection its own empty database; use a file");
        }
        Path file = Path.of(path).toAbsolutePath();
        if (readOnly && !Files.exists(file)) {
            throw new WarehouseException("warehouse file " + file + " does not exist yet (run `nbaprops demo` or `nbaprops run` first)");
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (Exception e) {
            throw new WarehouseException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
    }

    public void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                // Shared migrations, plus per-vendor ones for the few functions spelled differently (see db/vendor).
                .locations("classpath:db/migration", "classpath:db/vendor/" + (isDuckDb() ? "duckdb" : "postgresql"))
                .outOfOrder(true)
                .loggers("slf4j")
                .load()
                .migrate();
        metaCache.clear();
        stampChanges(java.util.Set.of(), true);
    }

    public Dialect dialect() {
        return dialect;
    }

    public boolean isDuckDb() {
        return dialect instanceof DuckDbDialect;
    }

    public String url() {
        return url;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Raw JDBC access (e.g. for the read-only query command). */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Runs {@code work} in one transaction through the one write path. {@code beforeCommit} runs
     * last, inside the transaction: if it throws (e.g. the run was cancelled), everything is rolled back.
     * On DuckDB, a transaction that lost a race for the same rows to another one in this process (optimistic
     * concurrency: "Conflict on update") rolled back whole, so it runs again, up to {@link #CONFLICT_ATTEMPTS}
     * times: the work of every writer here is keyed upserts and replacements, which give the same rows when re-run.
     */
    public long write(WriteWork work, Runnable beforeCommit) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writeOnce(work, beforeCommit);
            } catch (RuntimeException e) {
                if (!isDuckDb() || attempt >= CONFLICT_ATTEMPTS || !isWriteConflict(e)) {
                    throw e;
                }
                log.info("write conflict with another transaction (attempt {} of {}), running it again: {}", attempt, CONFLICT_ATTEMPTS,
                        e.getMessage());
                pauseBeforeRetry(attempt);
            }
        }
    }

    /** With the pauses below, a loser waits up to about 1.3 s in all for the winner's transaction to end. */
    static final int CONFLICT_ATTEMPTS = 8;

    /** DuckDB's optimistic concurrency refused a commit because another transaction changed the same rows first. */
    static boolean isWriteConflict(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ConcurrentWriteConflict) {
                return true;
            }
            String m = c.getMessage();
            if (m != null && m.contains("TransactionContext Error") && m.toLowerCase(Locale.ROOT).contains("conflict")) {
                return true;
            }
        }
        return false;
    }

    /** Milliseconds, doubling and jittered (up to 5 x 2^attempt), so the two writers do not collide again in lockstep. */
    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, (5L << attempt) + 1));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new WarehouseException("interrupted while retrying a conflicting write", ie);
        }
    }

    private long writeOnce(WriteWork work, Runnable beforeCommit) {
        WriteTx[] started = new WriteTx[1];
        boolean committed = false;
        try {
            long rows = jdbi.inTransaction(h -> {
                WriteTx tx = new WriteTx(h, dialect, this);
                started[0] = tx;
                work.write(tx);
                if (beforeCommit != null) {
                    beforeCommit.run();
                }
                tx.checkDifferencesStillHold();
                return tx.rowsWritten();
            });
            committed = true;
            return rows;
        } finally {
            // After the commit (or rollback: harmless), never before: a reader that saw the old stamp may have read
            // the new rows, but one that sees the new stamp cannot have read the old rows.
            if (started[0] != null) {
                WriteTx tx = started[0];
                stampChanges(tx.touchedTables(), tx.rawHandleUsed());
                writers.end(tx.begunTables(), tx.rawHandleUsed(), committed, tx.rememberedSlots());
            }
        }
    }

    TableWriters writers() {
        return writers;
    }

    /** Synchronized so that every stamp only grows: two writers finishing together cannot publish their ticks out of order. */
    private synchronized void stampChanges(java.util.Set<String> tables, boolean anyTable) {
        long tick = ++changeClock;
        if (anyTable) {
            anyTableChanged = tick;
        }
        for (String t : tables) {
            tableChanged.put(t, tick);
        }
    }

    /**
     * A number that grows whenever a write through this warehouse may have changed one of {@code tables}
     * (writes through {@link WriteTx#handle()} count for every table), for caches of data derived from
     * them: read the stamp before reading the data; the data is current while the stamp stays the same.
     * Empty when other processes may write the same database (PostgreSQL): there, only the database knows.
     * A DuckDB file is held by this one process, and every table write of the platform goes through
     * {@link #write}; statements run directly on {@link #jdbi()} or {@link #connection()} are not seen.
     */
    public java.util.OptionalLong changeStamp(java.util.Collection<String> tables) {
        if (!isDuckDb()) {
            return java.util.OptionalLong.empty();
        }
        long stamp = anyTableChanged;
        for (String t : tables) {
            stamp = Math.max(stamp, tableChanged.getOrDefault(t.toLowerCase(Locale.ROOT), 0L));
        }
        return java.util.OptionalLong.of(stamp);
    }

    public long write(WriteWork work) {
        return write(work, null);
    }

    /** Work inside one write transaction; unchecked exceptions roll it back. */
    @FunctionalInterface
    public interface WriteWork {
        void write(WriteTx tx);
    }

    /**
     * Folds the write-ahead log into the database file now (DuckDB; PostgreSQL manages its own). Called
     * when a day's plan or a backfill ends, so the automatic checkpoint DuckDB runs inside whichever commit
     * crosses its WAL threshold (0.5-1 s on a season's warehouse) does not land in the middle of a date's runs.
     */
    public void checkpoint() {
        if (dialect instanceof DuckDbDialect) {
            jdbi.useHandle(h -> h.execute("CHECKPOINT"));
        }
    }

    /** True when a trivial query answers within the pool's timeout. */
    public boolean ping() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
            return rs.next();
        } catch (SQLException | RuntimeException e) {
            log.warn("warehouse ping failed: {}", e.getMessage());
            return false;
        }
    }

    /**
     * A table's columns and keys, read once through {@code within}: the caller's own connection, inside its write
     * transaction. Taking a second connection from the pool there deadlocked as soon as every pooled connection
     * belonged to a writer waiting for its first look at the same table (until the pool's 15 s timeout).
     */
    TableMeta meta(String table, Connection within) {
        return metaCache.computeIfAbsent(table.toLowerCase(Locale.ROOT), t -> loadMeta(t, within));
    }

    /** The same, outside any transaction, through a connection of its own. */
    TableMeta meta(String table) {
        try (Connection c = dataSource.getConnection()) {
            return meta(table, c);
        } catch (SQLException e) {
            throw new WarehouseException("cannot read the columns of " + table + ": " + e.getMessage(), e);
        }
    }

    private TableMeta loadMeta(String table, Connection c) {
        try {
            Map<String, String> cols = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
                            + "AND table_schema = " + (isDuckDb() ? "'main'" : "current_schema()") + " ORDER BY ordinal_position")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        cols.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
                    }
                }
            }
            if (cols.isEmpty()) {
                throw new WarehouseException("no table named " + table + " in the warehouse (is a migration missing?)");
            }
            List<String> pk = dialect.primaryKey(c, table).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
            List<String> indexed = dialect.indexedColumns(c, table).stream().map(s -> s.toLowerCase(Locale.ROOT))
                    .filter(col -> cols.containsKey(col) && !pk.contains(col)).toList();
            return new TableMeta(table, cols, pk, indexed);
        } catch (SQLException e) {
            throw new WarehouseException("cannot read the columns of " + table + ": " + e.getMessage(), e);
        }
    }

    /** The JDBC-bindable form of a value: Instants become UTC LocalDateTimes. */
    Object bindable(Object v) {
        return v instanceof Instant i ? LocalDateTime.ofInstant(i, ZoneOffset.UTC) : v;
    }

    private static void registerTimeTypes(Jdbi jdbi) {
        // DuckDB's driver rejects setObject(i, v, Types.DATE), which is how Jdbi binds LocalDate.
        jdbi.registerArgument(new AbstractArgumentFactory<LocalDate>(Types.DATE) {
            @Override
            protected Argument build(LocalDate value, ConfigRegistry config) {
                return (pos, st, ctx) -> st.setObject(pos, value);
            }
        });
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.TIMESTAMP) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (pos, st, ctx) -> st.setObject(pos, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
            }
        });
        jdbi.registerArgument(new AbstractArgumentFactory<LocalDateTime>(Types.TIMESTAMP) {
            @Override
            protected Argument build(LocalDateTime value, ConfigRegistry config) {
                return (pos, st, ctx) -> st.setObject(pos, value);
            }
        });
        jdbi.registerColumnMapper(Instant.class, (ColumnMapper<Instant>) (rs, col, ctx) -> {
            Object o = rs.getObject(col);
            if (o == null) {
                return null;
            }
            if (o instanceof java.sql.Timestamp ts) {
                return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
            }
            if (o instanceof LocalDateTime t) {
                return t.toInstant(ZoneOffset.UTC);
            }
            if (o instanceof java.time.OffsetDateTime t) {
                return t.toInstant();
            }
            return LocalDateTime.parse(o.toString().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        });
        jdbi.registerColumnMapper(LocalDate.class, (ColumnMapper<LocalDate>) (rs, col, ctx) -> {
            Object o = rs.getObject(col);
            if (o == null) {
                return null;
            }
            if (o instanceof LocalDate d) {
                return d;
            }
            if (o instanceof java.sql.Date d) {
                return d.toLocalDate();
            }
            return LocalDate.parse(o.toString());
        });
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
