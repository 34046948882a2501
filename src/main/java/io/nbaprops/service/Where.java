package io.nbaprops.service;

import io.nbaprops.store.Warehouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A WHERE clause built from fixed SQL fragments, each with its bound values; a filter whose value is null is left
 * out. Request values only ever travel as bind parameters, never as SQL text.
 */
final class Where {
    private final List<String> clauses = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /** Adds {@code fragment} (with one {@code ?} per value) unless the first value is null. */
    Where and(String fragment, Object... vals) {
        if (vals.length > 0 && vals[0] == null) {
            return this;
        }
        clauses.add(fragment);
        values.addAll(List.of(vals));
        return this;
    }

    String sql() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    List<Map<String, Object>> query(Warehouse w, String select, String tail, Object... tailValues) {
        String sql = select + sql() + (tail == null || tail.isEmpty() ? "" : " " + tail);
        List<Object> all = new ArrayList<>(values);
        all.addAll(List.of(tailValues));
        return w.jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < all.size(); i++) {
                q.bind(i, all.get(i));
            }
            return q.map(Rows.MAPPER).list();
        });
    }
}
