package io.nbaprops.raw;

import io.nbaprops.archive.ArchivedPayload;
import io.nbaprops.archive.RawArchive;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.engine.RetryableError;
import io.nbaprops.engine.RetryableException;
import io.nbaprops.identity.UnmatchedPlayers;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParseException;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 2: parses archived payloads of one source endpoint for a partition into keyed raw tables,
 * reading only the archive (never the network), so re-processing is always possible and gives the
 * same rows. Tables with a partition column are replaced for the partition; the others are
 * upserted by key.
 *
 * <p>A payload that does not parse is skipped and reported (source, where, field, what) while the
 * others are written; then nothing is deleted (replacement falls back to upsert), so rows stored
 * earlier are never lost to a bad payload. If every payload fails, the run fails with the first
 * error; an incomplete payload (retryable) fails the run after the others are written, so the
 * engine fetches it again.
 *
 * <p>Options: a critical table that must not come back empty on a day with games (a "200 OK, zero
 * rows" answer is a retryable failure, not success); history scope (every collection of the
 * partition, for line snapshots that accumulate through the day); and tables whose player names are
 * checked against the known players, unmatched ones recorded in {@code unmatched_player}.
 */
public final class ParseAsset implements Asset {
    private static final Logger log = LoggerFactory.getLogger(ParseAsset.class);

    /** Which archived payloads of the partition to parse. */
    public enum Scope { LATEST_COLLECTION, ALL_COLLECTIONS }

    /**
     * {@code pointInTime}: for a "now" endpoint (a list as it stands when fetched, e.g. balldontlie's injuries), only
     * payloads fetched before the partition's cut-off are read, so a list fetched later is never stamped with the date
     * (see {@link PredictionTime}); null for dated endpoints.
     */
    public record Options(Scope scope, String criticalTable, boolean startedGamesOnly, Set<String> identityTables,
            PredictionTime pointInTime) {
        public Options {
            identityTables = Set.copyOf(identityTables);
        }

        public Options(Scope scope, String criticalTable, boolean startedGamesOnly, Set<String> identityTables) {
            this(scope, criticalTable, startedGamesOnly, identityTables, null);
        }

        public static Options defaults() {
            return new Options(Scope.LATEST_COLLECTION, null, false, Set.of());
        }

        /** Read only what was fetched before the partition's cut-off. */
        public Options pointInTime(PredictionTime time) {
            return new Options(scope, criticalTable, startedGamesOnly, identityTables, time);
        }

        /** Zero rows in {@code table} on a day with games is a retryable failure; {@code startedOnly}: count only games already tipped. */
        public Options critical(String table, boolean startedOnly) {
            return new Options(scope, table, startedOnly, identityTables, pointInTime);
        }

        /** Parse every collection of the partition (snapshots accumulate), not only the newest. */
        public Options history() {
            return new Options(Scope.ALL_COLLECTIONS, criticalTable, startedGamesOnly, identityTables, pointInTime);
        }

        public Options identity(String... tables) {
            return new Options(scope, criticalTable, startedGamesOnly, Set.of(tables), pointInTime);
        }
    }

    private final String name;
    private final String collectAsset;
    private final String source;
    private final String endpoint;
    private final PayloadParser parser;
    private final RawArchive archive;
    private final Map<String, String> partitionColumns;
    private final Options options;
    /**
     * History scope: what each payload of the latest partitions parsed to, by payload id (an id names its content, see
     * {@link RawArchive}), so a date re-parsed after every collection parses each payload once. A payload that failed is
     * not kept (parsed again next time). Two partitions at most: the date being collected and the one before.
     */
    private final Map<java.time.LocalDate, Map<String, ParsedRows>> parsed = new LinkedHashMap<>();
    static final int PARSED_PARTITIONS_KEPT = 2;

    /**
     * @param partitionColumns table name to its partition column (replaced per partition), or to null (upserted)
     */
    public ParseAsset(String name, CollectAsset collect, PayloadParser parser, RawArchive archive,
            Map<String, String> partitionColumns) {
        this(name, collect, parser, archive, partitionColumns, Options.defaults());
    }

    public ParseAsset(String name, CollectAsset collect, PayloadParser parser, RawArchive archive,
            Map<String, String> partitionColumns, Options options) {
        this.name = name;
        this.collectAsset = collect.name();
        this.source = collect.source();
        this.endpoint = collect.endpoint();
        this.parser = parser;
        this.archive = archive;
        this.partitionColumns = new LinkedHashMap<>(partitionColumns);
        this.options = options;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Phase phase() {
        return Phase.RAW;
    }

    @Override
    public List<Dependency> upstream() {
        return List.of(Dependency.same(collectAsset));
    }

    public PayloadParser parser() {
        return parser;
    }

    public Map<String, String> tables() {
        return Map.copyOf(partitionColumns);
    }

    /** A payload answering for another date than the one asked (a source ignoring a parameter) is refused. */
    private void checkPartition(ParsedRows rows, ParseContext pc, java.time.LocalDate partition) {
        for (var e : partitionColumns.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            var wrong = rows.rows(e.getKey()).stream().map(r -> r.get(e.getValue()))
                    .filter(v -> !partition.equals(v)).toList();
            if (!wrong.isEmpty()) {
                throw new ParseException(parser.name(), pc.location(), e.getValue(), wrong.size() + " " + e.getKey()
                        + " rows dated " + wrong.get(0) + ", not the requested " + partition, null);
            }
        }
    }

    @Override
    public AssetResult materialize(AssetContext ctx) {
        List<ArchivedPayload> payloads;
        if (options.pointInTime() != null) {
            // A "now" list: the newest collection fetched before the date's cut-off, never one fetched after it.
            java.time.Instant cutoff = options.pointInTime().cutoff(ctx.warehouse(), ctx.partition());
            List<ArchivedPayload> before = archive.find(source, endpoint, ctx.partition()).stream()
                    .filter(p -> p.fetchedAt().isBefore(cutoff)).toList();
            String last = before.isEmpty() ? null : before.get(before.size() - 1).collectionId();
            payloads = before.stream().filter(p -> java.util.Objects.equals(p.collectionId(), last))
                    .filter(p -> p.httpStatus() < 300 || p.httpStatus() == 304).toList();
        } else {
            payloads = (options.scope() == Scope.ALL_COLLECTIONS
                    ? archive.find(source, endpoint, ctx.partition())
                    : archive.latestCollection(source, endpoint, ctx.partition()))
                    .stream().filter(p -> p.httpStatus() < 300 || p.httpStatus() == 304).toList();
        }
        ParsedRows all = new ParsedRows();
        partitionColumns.keySet().forEach(all::table);
        List<String> skipped = new ArrayList<>();
        List<ParseException> failures = new ArrayList<>();
        for (ArchivedPayload p : payloads) {
            ctx.checkCancelled();
            ParseContext pc = new ParseContext(parser.name(), endpoint + " payload " + p.payloadId(), ctx.partition(),
                    p.fetchedAt(), p.payloadId());
            ParsedRows rows = parsedBefore(ctx.partition(), p.payloadId());
            try {
                if (rows == null) {
                    rows = parser.parse(archive.read(p), pc);
                    checkPartition(rows, pc, ctx.partition());
                    keepParsed(ctx.partition(), p.payloadId(), rows);
                }
            } catch (ParseException e) {
                failures.add(e);
                skipped.add("payload " + p.payloadId() + " not parsed: " + e.getMessage());
                log.warn("{}: {}", name, e.getMessage());
                continue;
            } catch (RuntimeException e) {
                // A parser must only throw ParseException; anything else is still this payload's problem.
                ParseException pe = new ParseException(parser.name(), pc.location(), null, "parser failed: " + e, e);
                failures.add(pe);
                skipped.add("payload " + p.payloadId() + " not parsed: " + pe.getMessage());
                log.warn("{}: {}", name, pe.getMessage(), e);
                continue;
            }
            rows.tables().forEach((table, list) -> list.forEach(r -> all.add(table, r)));
            rows.skipped().forEach(s -> skipped.add("payload " + p.payloadId() + ": " + s));
        }
        if (!payloads.isEmpty() && failures.size() == payloads.size()) {
            throw failures.get(0);
        }
        for (String table : all.tables().keySet()) {
            if (!partitionColumns.containsKey(table)) {
                throw new IllegalStateException(name + ": parser produced rows for undeclared table " + table);
            }
        }
        checkNotEmptyOnGameDay(ctx, payloads, all, failures);
        boolean replace = failures.isEmpty();
        // History scope writes nearly the same rows after every collection of the date: only the difference.
        boolean byDifference = history();
        UnmatchedPlayers.Result[] identity = new UnmatchedPlayers.Result[1];
        long written = ctx.write(tx -> {
            for (var e : partitionColumns.entrySet()) {
                var batch = all.batch(e.getKey());
                if (e.getValue() != null && replace) {
                    if (batch.isEmpty()) {
                        tx.deletePartition(e.getKey(), e.getValue(), ctx.partition());
                    } else if (byDifference) {
                        tx.replacePartitionByDifference(batch, e.getValue(), ctx.partition());
                    } else {
                        tx.replacePartition(batch, e.getValue(), ctx.partition());
                    }
                } else if (!batch.isEmpty()) {
                    if (byDifference) {
                        tx.upsertByDifference(batch, name + " " + ctx.partition());
                    } else {
                        tx.upsert(batch);
                    }
                }
            }
            if (!options.identityTables().isEmpty()) {
                identity[0] = UnmatchedPlayers.record(tx, parser.name(), sightings(all), ctx.clock().instant());
            }
        });
        String msg = payloads.size() + " payload(s) parsed" + (identity[0] == null ? "" : "; " + identity[0].describe())
                + (skipped.isEmpty() ? "" : "; skipped " + skipped.size() + ": "
                + String.join("; ", skipped.subList(0, Math.min(5, skipped.size()))));
        for (ParseException f : failures) {
            if (f instanceof RetryableError r && r.isRetryable()) {
                throw new RetryableException(name + ": " + (payloads.size() - failures.size()) + " payload(s) written, but "
                        + f.getMessage(), f);
            }
        }
        return AssetResult.of(written, msg);
    }

    /** Every collection of the partition is parsed (not a point-in-time list): what the parse cache is for. */
    private boolean history() {
        return options.scope() == Scope.ALL_COLLECTIONS && options.pointInTime() == null;
    }

    private ParsedRows parsedBefore(java.time.LocalDate partition, String payloadId) {
        if (!history()) {
            return null;
        }
        synchronized (parsed) {
            Map<String, ParsedRows> byPayload = parsed.get(partition);
            return byPayload == null ? null : byPayload.get(payloadId);
        }
    }

    private void keepParsed(java.time.LocalDate partition, String payloadId, ParsedRows rows) {
        if (!history()) {
            return;
        }
        synchronized (parsed) {
            // Re-inserted at the end: the partitions kept are the ones parsed last.
            Map<String, ParsedRows> byPayload = parsed.remove(partition);
            parsed.put(partition, byPayload == null ? new java.util.HashMap<>() : byPayload);
            parsed.get(partition).put(payloadId, rows);
            while (parsed.size() > PARSED_PARTITIONS_KEPT) {
                parsed.remove(parsed.keySet().iterator().next());
            }
        }
    }

    /** A critical source that answered with zero rows on a day with games has not answered at all. */
    private void checkNotEmptyOnGameDay(AssetContext ctx, List<ArchivedPayload> payloads, ParsedRows all,
            List<ParseException> failures) {
        if (options.criticalTable() == null || !all.rows(options.criticalTable()).isEmpty() || !failures.isEmpty()) {
            return;
        }
        int games = GameDays.games(ctx.warehouse(), ctx.partition(), options.startedGamesOnly() ? ctx.clock().instant() : null);
        if (games > 0) {
            throw new RetryableException(parser.name() + " (" + source + " " + endpoint + ") gave zero " + options.criticalTable()
                    + " rows for " + ctx.partition() + " from " + payloads.size() + " payload(s), but the schedule has " + games
                    + (options.startedGamesOnly() ? " started" : "") + " game(s) that day: treated as a transient failure"
                    + " (\"200 OK, zero rows\"), to be retried");
        }
    }

    private List<UnmatchedPlayers.Sighting> sightings(ParsedRows all) {
        Set<UnmatchedPlayers.Sighting> s = new LinkedHashSet<>();
        for (String table : options.identityTables()) {
            for (Map<String, Object> r : all.rows(table)) {
                Object lookup = r.get("player_lookup");
                Object playerName = r.get("player_name");
                if (lookup instanceof String l && playerName instanceof String n) {
                    Object game = r.get("game_key");
                    s.add(new UnmatchedPlayers.Sighting(l, n, table + (game == null ? "" : " " + game)));
                }
            }
        }
        return new ArrayList<>(s);
    }
}
