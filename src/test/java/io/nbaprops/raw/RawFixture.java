package io.nbaprops.raw;

import io.nbaprops.archive.ArchivedPayload;
import io.nbaprops.archive.PayloadMeta;
import io.nbaprops.archive.RawArchive;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.source.PayloadParser;
import io.nbaprops.store.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** A migrated DuckDB file and an archive in a temp folder, and helpers to archive payloads and run parse assets. */
public final class RawFixture implements AutoCloseable {
    public final Warehouse warehouse;
    public final RawArchive archive;
    public Clock clock = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);

    public RawFixture(Path dir) {
        warehouse = Warehouse.open("jdbc:duckdb:" + dir.resolve("t.duckdb"), null, null, 2);
        archive = new RawArchive(dir.resolve("raw"), warehouse);
    }

    /** Tables upserted by key (no partition column). */
    public static Map<String, String> upsert(String... tables) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String t : tables) {
            m.put(t, null);
        }
        return m;
    }

    public ArchivedPayload store(String source, String endpoint, LocalDate partition, String collection, Instant fetchedAt,
            byte[] body) {
        return archive.store(new PayloadMeta(source, endpoint, Map.of("date", String.valueOf(partition)),
                "https://example.test/" + endpoint, partition, fetchedAt, 200, null, collection), body);
    }

    public ParseAsset parseAsset(String source, String endpoint, PayloadParser parser, Map<String, String> tables,
            ParseAsset.Options options) {
        CollectAsset c = new CollectAsset("collect_" + parser.name(), source, endpoint, null, (ctx, f, cid) -> List.of(), List.of());
        return new ParseAsset("raw_" + parser.name(), c, parser, archive, tables, options);
    }

    public AssetResult run(io.nbaprops.engine.Asset asset, LocalDate partition) throws Exception {
        return asset.materialize(AssetContext.standalone(asset.name(), partition, warehouse, clock));
    }

    /** Every row of a table, as sorted strings: a snapshot to compare before and after. */
    public List<String> snapshot(String table) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT * FROM " + table).mapToMap().list())
                .stream().map(r -> new java.util.TreeMap<>(r).toString()).sorted().toList();
    }

    /** The snapshot without some columns (e.g. payload_id, which names whichever payload wrote a row last). */
    public List<String> snapshotWithout(String table, String... columns) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT * FROM " + table).mapToMap().list()).stream()
                .map(r -> {
                    java.util.TreeMap<String, Object> m = new java.util.TreeMap<>(r);
                    for (String c : columns) {
                        m.remove(c);
                    }
                    return m.toString();
                }).sorted().toList();
    }

    public long count(String table) {
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        warehouse.close();
    }
}
