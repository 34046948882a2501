package io.nbaprops.raw;

import io.nbaprops.archive.ArchivedPayload;
import io.nbaprops.archive.RawArchive;
import io.nbaprops.engine.Asset;
import io.nbaprops.engine.AssetContext;
import io.nbaprops.engine.AssetResult;
import io.nbaprops.engine.Dependency;
import io.nbaprops.engine.Phase;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParseException;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phase 2: parses the newest archived collection of one source endpoint for a partition into keyed
 * raw tables, reading only the archive (never the network), so re-processing is always possible.
 * Tables with a partition column are replaced for the partition; the others are upserted by key.
 * A payload that does not parse fails the run with the parser's message (source, where, field, what).
 */
public final class ParseAsset implements Asset {
    private final String name;
    private final String collectAsset;
    private final String source;
    private final String endpoint;
    private final PayloadParser parser;
    private final RawArchive archive;
    private final Map<String, String> partitionColumns;

    /**
     * @param partitionColumns table name to its partition column (replaced per partition), or to null (upserted)
     */
    public ParseAsset(String name, CollectAsset collect, PayloadParser parser, RawArchive archive,
            Map<String, String> partitionColumns) {
        this.name = name;
        this.collectAsset = collect.name();
        this.source = collect.source();
        this.endpoint = collect.endpoint();
        this.parser = parser;
        this.archive = archive;
        this.partitionColumns = new LinkedHashMap<>(partitionColumns);
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
        List<ArchivedPayload> payloads = archive.latestCollection(source, endpoint, ctx.partition());
        ParsedRows all = new ParsedRows();
        partitionColumns.keySet().forEach(all::table);
        List<String> skipped = new ArrayList<>();
        for (ArchivedPayload p : payloads) {
            ctx.checkCancelled();
            ParseContext pc = new ParseContext(parser.name(), endpoint + " payload " + p.payloadId(), ctx.partition(),
                    p.fetchedAt(), p.payloadId());
            ParsedRows rows;
            try {
                rows = parser.parse(archive.read(p), pc);
            } catch (ParseException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ParseException(parser.name(), pc.location(), null, "parser failed: " + e, e);
            }
            checkPartition(rows, pc, ctx.partition());
            rows.tables().forEach((table, list) -> list.forEach(r -> all.add(table, r)));
            skipped.addAll(rows.skipped());
        }
        for (String table : all.tables().keySet()) {
            if (!partitionColumns.containsKey(table)) {
                throw new IllegalStateException(name + ": parser produced rows for undeclared table " + table);
            }
        }
        long written = ctx.write(tx -> {
            for (var e : partitionColumns.entrySet()) {
                var batch = all.batch(e.getKey());
                if (e.getValue() != null) {
                    if (batch.isEmpty()) {
                        tx.deletePartition(e.getKey(), e.getValue(), ctx.partition());
                    } else {
                        tx.replacePartition(batch, e.getValue(), ctx.partition());
                    }
                } else if (!batch.isEmpty()) {
                    tx.upsert(batch);
                }
            }
        });
        String msg = payloads.size() + " payload(s) parsed" + (skipped.isEmpty() ? "" : "; skipped " + skipped.size() + ": "
                + String.join("; ", skipped.subList(0, Math.min(5, skipped.size()))));
        return AssetResult.of(written, msg);
    }
}
