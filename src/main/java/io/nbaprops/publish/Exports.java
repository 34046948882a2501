package io.nbaprops.publish;

import io.nbaprops.store.RowBatch;
import io.nbaprops.store.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes an export document with its stamps and records it in export_log: the one way exports are published. */
public final class Exports {
    private final ExportStore store;
    private final Warehouse warehouse;

    public Exports(ExportStore store, Warehouse warehouse) {
        this.store = store;
        this.warehouse = warehouse;
    }

    public ExportStore store() {
        return store;
    }

    Warehouse warehouse() {
        return warehouse;
    }

    /** A document with the envelope every export carries: schema, generated_at, data_as_of, status and note first. */
    public static Map<String, Object> envelope(String schema, LocalDate date, Instant generatedAt, Instant dataAsOf, String status,
            String note) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", schema);
        doc.put("date", date == null ? null : date.toString());
        doc.put("generated_at", generatedAt.toString());
        doc.put("data_as_of", dataAsOf == null ? null : dataAsOf.toString());
        doc.put("status", status);
        doc.put("note", note);
        return doc;
    }

    public void publish(String path, LocalDate date, Map<String, Object> doc, int items, Runnable beforeRename) {
        if (beforeRename != null) {
            beforeRename.run();
        }
        store.write(path, doc);
        Instant generated = Instant.parse((String) doc.get("generated_at"));
        Object asOf = doc.get("data_as_of");
        warehouse.write(tx -> tx.upsert(RowBatch.of("export_log", "path", "partition_date", "generated_at", "data_as_of", "items", "status",
                "note").add(path, date == null ? LocalDate.of(1970, 1, 1) : date, generated, asOf == null ? null : Instant.parse((String) asOf),
                items, doc.get("status"), doc.get("note"))));
    }
}
