package io.nbaprops.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code index.json}: the dates the public site can show, newest first, from the export log: each date's picks file
 * (status, picks) and whether its results are published (graded). Rewritten after each picks or results export, so a
 * static host needs no listing of the folder.
 */
final class SiteIndex {
    static final String SCHEMA = "index/v1";

    private SiteIndex() {}

    static void write(Exports exports, Instant now) {
        List<Map<String, Object>> rows = exports.warehouse().jdbi().withHandle(h -> h.createQuery("""
                        SELECT CAST(p.partition_date AS VARCHAR) AS date, p.status, p.note, p.items AS picks, r.path IS NOT NULL AS graded
                        FROM export_log p LEFT JOIN export_log r ON r.path = 'results/' || CAST(p.partition_date AS VARCHAR) || '.json'
                        WHERE p.path = 'picks/' || CAST(p.partition_date AS VARCHAR) || '.json'
                        ORDER BY p.partition_date DESC""")
                .mapToMap().list());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schema", SCHEMA);
        doc.put("generated_at", now.toString());
        doc.put("latest", rows.isEmpty() ? null : rows.get(0).get("date"));
        List<Map<String, Object>> dates = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("date", r.get("date"));
            d.put("status", r.get("status"));
            d.put("note", r.get("note"));
            d.put("picks", ((Number) r.get("picks")).intValue());
            d.put("graded", r.get("graded"));
            dates.add(d);
        }
        doc.put("dates", dates);
        exports.store().write("index.json", doc);
    }
}
