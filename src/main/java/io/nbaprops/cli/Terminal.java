package io.nbaprops.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plain-text tables for the terminal. */
final class Terminal {
    private Terminal() {}

    static void table(PrintStream out, List<String> columns, List<Map<String, Object>> rows) {
        PrintWriter w = new PrintWriter(out);
        table(w, columns, rows);
        w.flush();
    }

    static void table(PrintWriter out, List<String> columns, List<Map<String, Object>> rows) {
        List<List<String>> cells = new ArrayList<>();
        int[] width = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            width[i] = columns.get(i).length();
        }
        for (Map<String, Object> r : rows) {
            List<String> line = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Object v = r.get(columns.get(i));
                String s = v == null ? "" : v instanceof Double d ? trimDouble(d) : String.valueOf(v);
                if (s.length() > 60) {
                    s = s.substring(0, 57) + "...";
                }
                width[i] = Math.max(width[i], s.length());
                line.add(s);
            }
            cells.add(line);
        }
        out.println(row(columns, width));
        StringBuilder sep = new StringBuilder();
        for (int w : width) {
            sep.append("-".repeat(w)).append("  ");
        }
        out.println(sep.toString().stripTrailing());
        for (List<String> line : cells) {
            out.println(row(line, width));
        }
    }

    private static String row(List<String> values, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            sb.append(String.format("%-" + width[i] + "s", values.get(i))).append("  ");
        }
        return sb.toString().stripTrailing();
    }

    static String trimDouble(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        return String.format("%.4f", d).replaceAll("0+$", "");
    }
}
