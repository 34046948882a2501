package io.nbaprops.testing;

import io.nbaprops.store.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a warehouse (and a folder of files) holds, as text: per table its row count and a hash of its rows, and per
 * column a hash of its values, so two runs can be compared and a difference named down to the column. Rows are
 * hashed in sorted order (storage order is not part of what was stored). Columns in {@code excluded} (as
 * "table.column", or "*.column" for every table) are left out: run ids and the like, which legitimately vary.
 */
public final class Fingerprint {
    private Fingerprint() {}

    /** One line per table ("table rows=N sha=H") and one per column ("table.column sha=H"), sorted. */
    public static Map<String, String> ofWarehouse(Warehouse w, Set<String> excluded, Map<String, String> rewrites) {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = w.connection()) {
            for (String table : tables(c)) {
                List<String> cols = columns(c, table).stream()
                        .filter(col -> !excluded.contains(table + "." + col) && !excluded.contains("*." + col)).toList();
                if (cols.isEmpty()) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                List<List<String>> byColumn = new ArrayList<>();
                cols.forEach(col -> byColumn.add(new ArrayList<>()));
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT " + String.join(", ", cols.stream().map(x -> "\"" + x + "\"").toList())
                                + " FROM \"" + table + "\"")) {
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 0; i < cols.size(); i++) {
                            String v = rewrite(canonical(rs.getObject(i + 1)), rewrites);
                            row.append(i == 0 ? "" : "\u001f").append(v);
                            byColumn.get(i).add(v);
                        }
                        rows.add(row.toString());
                    }
                }
                out.put(table, "rows=" + rows.size() + " sha=" + sortedHash(rows));
                for (int i = 0; i < cols.size(); i++) {
                    out.put(table + "." + cols.get(i), "sha=" + sortedHash(byColumn.get(i)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fingerprint the warehouse: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * One line per file under {@code dir} ("label:relative/path sha=H"): a gzip file's bytes hashed as they are, any other
     * file's text after {@code rewrites}.
     */
    public static Map<String, String> ofFiles(Path dir, String label, Map<String, String> rewrites) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                if (!f.toString().endsWith(".gz")) {
                    bytes = rewrite(new String(bytes, StandardCharsets.UTF_8), rewrites).getBytes(StandardCharsets.UTF_8);
                }
                out.put(label + ":" + dir.relativize(f).toString().replace('\\', '/'), "sha=" + hash(bytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The map as the lines of a file. */
    public static String text(Map<String, String> fp) {
        StringBuilder sb = new StringBuilder();
        fp.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
        return sb.toString();
    }

    /** The lines of {@link #text} back as a map. */
    public static Map<String, String> parse(String text) {
        Map<String, String> out = new TreeMap<>();
        text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
            int sp = l.indexOf(' ');
            out.put(l.substring(0, sp), l.substring(sp + 1));
        });
        return out;
    }

    /** Keys whose value differs (or exists on one side only), each as "key: expected -> actual". */
    public static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
        List<String> diff = new ArrayList<>();
        TreeMap<String, String> all = new TreeMap<>(expected);
        actual.forEach(all::putIfAbsent);
        for (String k : all.keySet()) {
            String e = expected.get(k);
            String a = actual.get(k);
            if (e == null || !e.equals(a)) {
                diff.add(k + ": " + e + " -> " + a);
            }
        }
        return diff;
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> t = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                        + "AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rs.next()) {
                t.add(rs.getString(1));
            }
        }
        return t;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                + "AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(rs.getString(1));
                }
            }
        }
        return cols;
    }

    /** {@code text} with each regular expression (key) replaced by its replacement (value), in order. */
    static String rewrite(String text, Map<String, String> rewrites) {
        String t = text;
        for (Map.Entry<String, String> r : rewrites.entrySet()) {
            t = t.replaceAll(r.getKey(), r.getValue());
        }
        return t;
    }

    static String canonical(Object v) throws SQLException {
        if (v == null) {
            return "\u2205";
        }
        if (v instanceof java.sql.Blob b) {
            return hash(b.getBytes(1, (int) b.length()));
        }
        if (v instanceof byte[] bytes) {
            return hash(bytes);
        }
        if (v instanceof java.sql.Array a) {
            Object arr = a.getArray();
            if (arr instanceof Object[] items) {
                List<String> parts = new ArrayList<>();
                for (Object o : items) {
                    parts.add(canonical(o));
                }
                return "[" + String.join(",", parts) + "]";
            }
        }
        return v.toString();
    }

    private static String sortedHash(List<String> values) {
        List<String> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        MessageDigest md = sha256();
        for (String s : sorted) {
            md.update(s.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    private static String hash(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes)).substring(0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
