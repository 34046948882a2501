package io.nbaprops.bench;

import io.nbaprops.features.FeatureCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

/**
 * Throwaway accuracy lab (not a product benchmark): on a COPY of a season warehouse, builds candidate
 * features with SQL (as of each date, only earlier games), trains XGBoost walk-forward and compares
 * MAE with the sandbox oracle on the same rows. The oracle is used for scoring only.
 * Run: java -cp ... io.nbaprops.bench.AccuracyLab path/to/copy.duckdb [sqlfile]
 */
public final class AccuracyLab {
    public static void main(String[] args) throws Exception {
        String db = args[0];
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement()) {
            if (args.length > 1) {
                String sql = Files.readString(Path.of(args[1]));
                for (String s : sql.split(";\\s*\n")) {
                    if (!s.isBlank()) {
                        long t = System.nanoTime();
                        st.execute(s);
                        System.out.printf("sql %.1f s: %s%n", (System.nanoTime() - t) / 1e9, s.strip().lines().findFirst().orElse(""));
                    }
                }
            }
            for (String q : System.getProperty("q", "").split(";;")) {
                if (q.isBlank()) continue;
                ResultSet qr = st.executeQuery(q);
                int nc = qr.getMetaData().getColumnCount();
                while (qr.next()) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 1; i <= nc; i++) sb.append(qr.getMetaData().getColumnName(i)).append('=').append(qr.getObject(i)).append("  ");
                    System.out.println(sb);
                }
            }
            if (Boolean.getBoolean("qonly")) return;
            List<String> base = FeatureCatalog.names();
            ResultSet rs = st.executeQuery("SELECT * FROM lab ORDER BY game_date, game_key, player_lookup");
            ResultSetMetaData md = rs.getMetaData();
            List<String> cols = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                cols.add(md.getColumnName(i));
            }
            List<double[]> rows = new ArrayList<>();
            List<LocalDate> dates = new ArrayList<>();
            while (rs.next()) {
                double[] r = new double[cols.size()];
                for (int i = 0; i < cols.size(); i++) {
                    Object o = rs.getObject(i + 1);
                    r[i] = o instanceof Number n ? n.doubleValue() : o instanceof Boolean b ? (b ? 1 : 0) : Double.NaN;
                }
                rows.add(r);
                dates.add(rs.getObject("game_date", LocalDate.class));
            }
            System.out.println("rows " + rows.size() + " cols " + cols);
            List<String> extra = cols.stream().filter(n -> n.startsWith("x_")).toList();
            Map<String, List<String>> sets = new LinkedHashMap<>();
            String only = System.getProperty("sets", "base,all");
            if (only.contains("base")) sets.put("base", base);
            List<String> all = new ArrayList<>(base);
            all.addAll(extra);
            if (only.contains("all")) sets.put("all", all);
            for (String e : System.getProperty("drop", "").split(",")) {
                if (!e.isBlank()) {
                    List<String> s = new ArrayList<>(all);
                    s.removeIf(n -> n.startsWith(e));
                    sets.put("all-" + e, s);
                }
            }
            int yi = cols.indexOf("actual");
            int ti = cols.indexOf("exp_pts");
            // Direct (non-model) columns scored as predictions too.
            for (String d : cols.stream().filter(n -> n.startsWith("p_")).toList()) {
                score(d, rows, dates, cols.indexOf(d), yi, ti, LocalDate.parse(System.getProperty("from", "2024-11-09")));
            }
            int rounds = Integer.getInteger("rounds", 300);
            int depth = Integer.getInteger("depth", 5);
            double eta = Double.parseDouble(System.getProperty("eta", "0.04"));
            for (var e : sets.entrySet()) {
                walkForward(e.getKey(), e.getValue(), cols, rows, dates, yi, ti, rounds, depth, eta);
            }
        }
    }

    static void score(String name, List<double[]> rows, List<LocalDate> dates, int pi, int yi, int ti, LocalDate from) {
        double ae = 0, oe = 0, se = 0;
        int n = 0;
        for (int i = 0; i < rows.size(); i++) {
            double[] r = rows.get(i);
            if (dates.get(i).isBefore(from) || Double.isNaN(r[pi])) continue;
            ae += Math.abs(r[pi] - r[yi]);
            oe += Math.abs(r[ti] - r[yi]);
            se += (r[pi] - r[ti]) * (r[pi] - r[ti]);
            n++;
        }
        System.out.printf("%-28s n=%d mae %.4f oracle %.4f gap %+.2f%% rmse_vs_truth %.4f%n", name, n, ae / n, oe / n,
                100 * (ae / oe - 1), Math.sqrt(se / n));
    }

    static void walkForward(String name, List<String> feats, List<String> cols, List<double[]> rows, List<LocalDate> dates, int yi,
            int ti, int rounds, int depth, double eta) throws Exception {
        int k = feats.size();
        int[] idx = feats.stream().mapToInt(cols::indexOf).toArray();
        String priorName = System.getProperty("prior", "");
        int pri = priorName.isEmpty() ? -1 : cols.indexOf(priorName);
        LocalDate first = dates.get(0);
        LocalDate last = dates.get(dates.size() - 1);
        int retrain = Integer.getInteger("retrain", 14);
        double[] pred = new double[rows.size()];
        Arrays.fill(pred, Double.NaN);
        LocalDate start = null;
        for (LocalDate d = first.plusDays(1); !d.isAfter(last); d = d.plusDays(retrain)) {
            int split = 0;
            while (split < rows.size() && dates.get(split).isBefore(d)) split++;
            if (split < 3000) {
                d = d.minusDays(retrain - 1);
                continue;
            }
            if (start == null) start = d;
            int end = split;
            while (end < rows.size() && dates.get(end).isBefore(d.plusDays(retrain))) end++;
            float[] x = new float[split * k];
            float[] y = new float[split];
            for (int i = 0; i < split; i++) {
                for (int j = 0; j < k; j++) x[i * k + j] = (float) rows.get(i)[idx[j]];
                y[i] = (float) (rows.get(i)[yi] - (pri >= 0 && !Double.isNaN(rows.get(i)[pri]) ? rows.get(i)[pri] : 0));
            }
            DMatrix m = new DMatrix(x, split, k, Float.NaN);
            m.setLabel(y);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("objective", System.getProperty("objective", "reg:squarederror"));
            p.put("eta", eta);
            p.put("max_depth", depth);
            p.put("subsample", 0.8);
            p.put("colsample_bytree", 0.8);
            p.put("min_child_weight", Double.parseDouble(System.getProperty("mcw", "8")));
            p.put("tree_method", "hist");
            p.put("nthread", 2);
            p.put("seed", 20241022);
            p.put("verbosity", 0);
            Booster b = XGBoost.train(m, p, rounds, new LinkedHashMap<>(), null, null);
            m.dispose();
            float[] xt = new float[(end - split) * k];
            for (int i = split; i < end; i++) {
                for (int j = 0; j < k; j++) xt[(i - split) * k + j] = (float) rows.get(i)[idx[j]];
            }
            DMatrix mt = new DMatrix(xt, end - split, k, Float.NaN);
            float[][] out = b.predict(mt);
            for (int i = split; i < end; i++) pred[i] = out[i - split][0] + (pri >= 0 && !Double.isNaN(rows.get(i)[pri]) ? rows.get(i)[pri] : 0);
            mt.dispose();
            b.dispose();
        }
        double[][] withPred = new double[rows.size()][];
        List<double[]> rr = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double[] r = Arrays.copyOf(rows.get(i), rows.get(i).length + 1);
            r[r.length - 1] = pred[i];
            rr.add(r);
        }
        score("xgb:" + name + (pri >= 0 ? " prior " + priorName : "") + " (" + k + ")", rr, dates, cols.size(), yi, ti, start);
    }
}
