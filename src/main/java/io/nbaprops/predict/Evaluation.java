package io.nbaprops.predict;

import io.nbaprops.grade.PerformanceAsset;
import io.nbaprops.store.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * How good each system was over a date range, from graded predictions (each player-game once per system, at its
 * latest line), with every MAE column of a block over the same rows:
 * <ul>
 * <li>the betting population: player-games with a usable line (and, in the sandbox, a true mean): the system's,
 *     the line's and the oracle's MAE on identical rows;</li>
 * <li>all predicted player-games: the system's and the oracle's MAE on identical rows (no line MAE: most have no line);</li>
 * <li>picks: N, hit rate with its 95% Wilson interval, ROI at the prices taken with a 95% bootstrap interval that
 *     resamples slates (game dates), average closing-line value in points and in implied probability, overall, at
 *     edge &gt;= 3, by side, by book and by edge bucket;</li>
 * <li>calibration by decile of stated confidence and the expected calibration error.</li>
 * </ul>
 */
public final class Evaluation {
    /** Bootstrap resamples of the slates for the ROI interval (fixed seed: the same data give the same interval). */
    static final int BOOTSTRAP = 2000;
    static final long BOOTSTRAP_SEED = 15;
    private static final double Z95 = 1.959964;

    private final Warehouse warehouse;

    public Evaluation(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** MAE and bias of one population, every column over the same {@code rows}; line or oracle null where unknown. */
    public record Population(long rows, Double mae, Double lineMae, Double oracleMae, Double bias) {}

    /**
     * Picks of one group: N (wins + losses + pushes), hit rate = wins / (wins + losses) with its 95% Wilson interval,
     * ROI per unit staked with its 95% slate-bootstrap interval, and closing-line value over the {@code clvPicks} picks
     * with a closing line: mean points, mean implied probability, share different from zero.
     */
    public record PickGroup(String group, long picks, long wins, long losses, long pushes, Double hitRate, Double hitLow,
            Double hitHigh, Double roi, Double roiLow, Double roiHigh, long clvPicks, Double clvPoints, Double clvProbability,
            Double clvNonZero) {}

    public record SystemEvaluation(String system, String market, Population betting, Population all, List<PickGroup> picks,
            CalibrationError picksCalibration, CalibrationError overCalibration, List<Map<String, Object>> calibration) {

        /** ECE of the picks' stated probability of their side (null: no graded pick). */
        public Double ece() {
            return picksCalibration.ece();
        }

        /** ECE of P(over) over every graded prediction with a line. */
        public Double eceOver() {
            return overCalibration.ece();
        }

        /** The group named {@code name} ("all", "edge>=3", "OVER", "book draftkings", "edge 3-5"...), if any pick is in it. */
        public PickGroup group(String name) {
            return picks.stream().filter(g -> g.group().equals(name)).findFirst().orElse(null);
        }
    }

    /** One graded pick, as the pick statistics need it. */
    record Pick(LocalDate date, String book, String side, double edge, String result, double profit, Integer price,
            Double closingLine, Integer closingPrice, Double clv, String market, double line) {}

    public List<SystemEvaluation> evaluate(LocalDate from, LocalDate to) {
        boolean sandbox = warehouse.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM sandbox_truth WHERE game_date BETWEEN ? AND ?")
                .bind(0, from).bind(1, to).mapTo(Long.class).one()) > 0;
        String truth = sandbox ? "CASE g.market WHEN 'points' THEN t.exp_pts WHEN 'rebounds' THEN t.exp_reb WHEN 'assists' THEN t.exp_ast "
                + "WHEN 'threes' THEN t.exp_fg3m WHEN 'pra' THEN t.exp_pts + t.exp_reb + t.exp_ast END" : "CAST(NULL AS DOUBLE PRECISION)";
        // In the sandbox every row of a block must have a true mean, so the oracle's MAE is over the same rows.
        String rowsWith = sandbox ? " AND truth IS NOT NULL" : "";
        String base = "SELECT g.system_id, g.market, g.game_date, g.predicted, g.actual, g.abs_error, g.signed_error, g.line_value, "
                + truth + " AS truth FROM (" + PerformanceAsset.LATEST_GRADES + ") g "
                + (sandbox ? "LEFT JOIN sandbox_truth t ON t.game_key = g.game_key AND t.player_lookup = g.player_lookup " : "")
                + "WHERE g.actual IS NOT NULL";
        String oracle = sandbox ? "avg(abs(truth - actual))" : "CAST(NULL AS DOUBLE PRECISION)";
        String sql = "SELECT system_id, market, count(*) AS n, avg(abs_error) AS mae, avg(signed_error) AS bias, "
                + "avg(abs(line_value - actual)) AS line_mae, " + oracle + " AS oracle_mae, "
                + "count(*) FILTER (WHERE line_value IS NOT NULL) AS bn, avg(abs_error) FILTER (WHERE line_value IS NOT NULL) AS bmae, "
                + "avg(signed_error) FILTER (WHERE line_value IS NOT NULL) AS bbias, "
                + (sandbox ? "avg(abs(truth - actual)) FILTER (WHERE line_value IS NOT NULL)" : "CAST(NULL AS DOUBLE PRECISION)")
                + " AS boracle FROM (" + base + ") x WHERE true" + rowsWith + " GROUP BY system_id, market ORDER BY market, system_id";
        List<Map<String, Object>> rows = warehouse.jdbi().withHandle(h -> h.createQuery(sql).bind(0, from).bind(1, to).mapToMap().list());
        Map<String, List<Pick>> picks = picks(from, to);
        List<SystemEvaluation> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String system = (String) r.get("system_id");
            String market = (String) r.get("market");
            long bn = num(r.get("bn"));
            Population betting = new Population(bn, bn == 0 ? null : dbl(r.get("bmae")), bn == 0 ? null : dbl(r.get("line_mae")),
                    bn == 0 ? null : dbl(r.get("boracle")), bn == 0 ? null : dbl(r.get("bbias")));
            Population all = new Population(num(r.get("n")), dbl(r.get("mae")), null, dbl(r.get("oracle_mae")), dbl(r.get("bias")));
            List<Map<String, Object>> cal = calibration(from, to, system, market, "confidence",
                    "result IN ('WIN', 'LOSS')", "CASE WHEN result = 'WIN' THEN 1.0 ELSE 0.0 END");
            List<Map<String, Object>> calOver = calibration(from, to, system, market, "p_over",
                    "went_over IS NOT NULL AND p_over IS NOT NULL", "CASE WHEN went_over THEN 1.0 ELSE 0.0 END");
            out.add(new SystemEvaluation(system, market, betting, all, groups(picks.getOrDefault(system + "|" + market, List.of())),
                    CalibrationError.of(cal), CalibrationError.of(calOver), cal));
        }
        return out;
    }

    /** Every graded pick (WIN, LOSS or PUSH) of the range, by "system|market". */
    private Map<String, List<Pick>> picks(LocalDate from, LocalDate to) {
        String sql = "SELECT g.system_id, g.market, g.game_date, p.line_book, g.recommendation, abs(g.predicted - g.line_value) AS edge, "
                + "g.result, g.profit_units, g.price, g.closing_line, g.closing_price, g.clv, g.line_value FROM ("
                + PerformanceAsset.LATEST_GRADES + ") g JOIN prediction p ON p.game_key = g.game_key AND p.player_lookup = g.player_lookup "
                + "AND p.market = g.market AND p.system_id = g.system_id AND p.line_key = g.line_key AND p.game_date = g.game_date "
                + "WHERE g.result IN ('WIN', 'LOSS', 'PUSH') ORDER BY g.game_date, g.game_key, g.player_lookup";
        Map<String, List<Pick>> out = new LinkedHashMap<>();
        warehouse.jdbi().useHandle(h -> h.createQuery(sql).bind(0, from).bind(1, to).mapToMap().forEach(r -> {
            Pick p = new Pick((LocalDate) toDate(r.get("game_date")), (String) r.get("line_book"), (String) r.get("recommendation"),
                    dbl(r.get("edge")), (String) r.get("result"), dbl(r.get("profit_units")),
                    r.get("price") == null ? null : ((Number) r.get("price")).intValue(), dbl(r.get("closing_line")),
                    r.get("closing_price") == null ? null : ((Number) r.get("closing_price")).intValue(), dbl(r.get("clv")),
                    (String) r.get("market"), dbl(r.get("line_value")));
            out.computeIfAbsent(r.get("system_id") + "|" + r.get("market"), k -> new ArrayList<>()).add(p);
        }));
        return out;
    }

    private static Object toDate(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : o instanceof LocalDate ? o : LocalDate.parse(o.toString());
    }

    /** The edge buckets of picks (points between prediction and line). */
    static String edgeBucket(double edge) {
        return edge < 1.5 ? "edge <1.5" : edge < 2 ? "edge 1.5-2" : edge < 3 ? "edge 2-3" : edge < 5 ? "edge 3-5" : "edge 5+";
    }

    static List<PickGroup> groups(List<Pick> picks) {
        List<PickGroup> out = new ArrayList<>();
        out.add(group("all", picks, p -> true));
        out.add(group("edge>=3", picks, p -> p.edge() >= 3));
        for (String side : List.of("OVER", "UNDER")) {
            out.add(group(side, picks, p -> side.equals(p.side())));
        }
        new TreeMap<String, Boolean>(picks.stream().filter(p -> p.book() != null)
                .collect(java.util.stream.Collectors.toMap(Pick::book, p -> true, (a, b) -> a)))
                .keySet().forEach(b -> out.add(group("book " + b, picks, p -> b.equals(p.book()))));
        for (String bucket : List.of("edge <1.5", "edge 1.5-2", "edge 2-3", "edge 3-5", "edge 5+")) {
            PickGroup g = group(bucket, picks, p -> edgeBucket(p.edge()).equals(bucket));
            if (g.picks() > 0) {
                out.add(g);
            }
        }
        return out;
    }

    static PickGroup group(String name, List<Pick> all, Predicate<Pick> in) {
        List<Pick> ps = all.stream().filter(in).toList();
        long wins = ps.stream().filter(p -> "WIN".equals(p.result())).count();
        long losses = ps.stream().filter(p -> "LOSS".equals(p.result())).count();
        long pushes = ps.size() - wins - losses;
        double[] wilson = wilson(wins, wins + losses);
        Double roi = ps.isEmpty() ? null : ps.stream().mapToDouble(Pick::profit).sum() / ps.size();
        double[] roiCi = bootstrapRoi(ps);
        List<Pick> withClose = ps.stream().filter(p -> p.clv() != null).toList();
        Double clvPoints = withClose.isEmpty() ? null : withClose.stream().mapToDouble(Pick::clv).average().orElse(0);
        List<Double> probs = withClose.stream().map(Evaluation::clvProbability).filter(java.util.Objects::nonNull).toList();
        Double clvProb = probs.isEmpty() ? null : probs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        Double nonZero = withClose.isEmpty() ? null : (double) withClose.stream()
                .filter(p -> p.clv() != 0 || (p.closingPrice() != null && !p.closingPrice().equals(p.price()))).count() / withClose.size();
        return new PickGroup(name, ps.size(), wins, losses, pushes, wins + losses == 0 ? null : (double) wins / (wins + losses),
                wilson == null ? null : wilson[0], wilson == null ? null : wilson[1], roi, roiCi == null ? null : roiCi[0],
                roiCi == null ? null : roiCi[1], withClose.size(), clvPoints, clvProb, nonZero);
    }

    /** The 95% Wilson score interval of a proportion {@code wins / n}, or null for n = 0. */
    static double[] wilson(long wins, long n) {
        if (n == 0) {
            return null;
        }
        double p = (double) wins / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /**
     * The 95% interval of the ROI when the slates (game dates) are resampled with replacement: picks of one night share
     * its news and lines, so they are not independent draws. Null without picks.
     */
    static double[] bootstrapRoi(List<Pick> picks) {
        if (picks.isEmpty()) {
            return null;
        }
        TreeMap<LocalDate, double[]> slates = new TreeMap<>();
        for (Pick p : picks) {
            double[] s = slates.computeIfAbsent(p.date(), d -> new double[2]);
            s[0] += p.profit();
            s[1]++;
        }
        double[][] s = slates.values().toArray(new double[0][]);
        double[] rois = new double[BOOTSTRAP];
        SplittableRandom r = new SplittableRandom(BOOTSTRAP_SEED);
        for (int b = 0; b < BOOTSTRAP; b++) {
            double profit = 0;
            double n = 0;
            for (int i = 0; i < s.length; i++) {
                double[] pick = s[r.nextInt(s.length)];
                profit += pick[0];
                n += pick[1];
            }
            rois[b] = profit / n;
        }
        java.util.Arrays.sort(rois);
        return new double[] {rois[(int) Math.floor(0.025 * (BOOTSTRAP - 1))], rois[(int) Math.ceil(0.975 * (BOOTSTRAP - 1))]};
    }

    /**
     * Closing-line value in implied probability: the closing price's implied probability of the side minus the taken
     * price's, plus the points the line moved in the pick's favour times the stat's density at the line (a normal
     * approximation: sd 1.05 sqrt(line) + 1.5 for points, sqrt(1.3 line) + 0.3 for rebounds and assists, sqrt(1.2 line)
     * + 0.2 for threes, 1.2 sqrt(line) + 2 for points+rebounds+assists). Null without both prices.
     */
    static Double clvProbability(Pick p) {
        if (p.clv() == null || p.price() == null || p.closingPrice() == null) {
            return null;
        }
        double line = Math.max(0.5, p.line());
        double sd = switch (p.market()) {
            case "points" -> 1.05 * Math.sqrt(line) + 1.5;
            case "rebounds", "assists" -> Math.sqrt(1.3 * line) + 0.3;
            case "threes" -> Math.sqrt(1.2 * line) + 0.2;
            default -> 1.2 * Math.sqrt(line) + 2;
        };
        double density = 1 / (Math.sqrt(2 * Math.PI) * sd);
        return Odds.impliedProbability(p.closingPrice()) - Odds.impliedProbability(p.price()) + p.clv() * density;
    }

    /** Stated probability vs what happened, by tenth of the stated value. */
    private List<Map<String, Object>> calibration(LocalDate from, LocalDate to, String system, String market, String column,
            String where, String outcome) {
        String latestWithP = "SELECT lg.*, p.p_over FROM (" + PerformanceAsset.LATEST_GRADES + ") lg JOIN prediction p "
                + "ON p.game_key = lg.game_key AND p.player_lookup = lg.player_lookup AND p.market = lg.market "
                + "AND p.system_id = lg.system_id AND p.line_key = lg.line_key";
        return warehouse.jdbi().withHandle(h -> h.createQuery("SELECT least(9, CAST(floor(" + column + " * 10) AS INTEGER)) AS decile, "
                        + "count(*) AS n, avg(" + column + ") AS stated, avg(" + outcome + ") AS actual FROM (" + latestWithP + ") x "
                        + "WHERE system_id = ? AND market = ? AND " + where + " GROUP BY 1 ORDER BY 1")
                .bind(0, from).bind(1, to).bind(2, system).bind(3, market).mapToMap().list());
    }

    /**
     * An expected calibration error with what chance alone gives: {@code floor} is the ECE a perfectly calibrated forecaster
     * would show on average with the same bins, counts and stated probabilities (each bin's outcomes binomial at its
     * stated rate). With a few hundred picks the floor is several points: an ECE near it says nothing either way.
     */
    public record CalibrationError(Double ece, Double floor, long n) {
        static CalibrationError of(List<Map<String, Object>> bins) {
            long n = bins.stream().mapToLong(b -> num(b.get("n"))).sum();
            return new CalibrationError(Evaluation.ece(bins), eceFloor(bins), n);
        }
    }

    /** The ECE expected of a perfectly calibrated forecaster over these bins (see {@link CalibrationError}). */
    static Double eceFloor(List<Map<String, Object>> bins) {
        return countWeighted(bins, b -> expectedAbsoluteGap((int) num(b.get("n")), dbl(b.get("stated"))));
    }

    /** E|k/n - p| for k ~ Binomial(n, p): exact up to 20,000 trials, the normal approximation beyond. */
    static double expectedAbsoluteGap(int n, double p) {
        if (n == 0 || p <= 0 || p >= 1) {
            return 0;
        }
        if (n > 20_000) {
            return Math.sqrt(2 * p * (1 - p) / (Math.PI * n));
        }
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double logC = 0; // log C(n, k), built up k by k
        double sum = 0;
        for (int k = 0; k <= n; k++) {
            if (k > 0) {
                logC += Math.log((double) (n - k + 1) / k);
            }
            sum += Math.exp(logC + k * logP + (n - k) * logQ) * Math.abs((double) k / n - p);
        }
        return sum;
    }

    /** Expected calibration error: the count-weighted mean gap between stated and actual frequency over the bins. */
    static Double ece(List<Map<String, Object>> bins) {
        return countWeighted(bins, b -> Math.abs(dbl(b.get("stated")) - dbl(b.get("actual"))));
    }

    /** The mean of {@code gap} over the bins weighted by their counts (null when no bin has a count). */
    private static Double countWeighted(List<Map<String, Object>> bins, java.util.function.ToDoubleFunction<Map<String, Object>> gap) {
        double n = 0;
        double sum = 0;
        for (Map<String, Object> b : bins) {
            double c = num(b.get("n"));
            n += c;
            sum += c * gap.applyAsDouble(b);
        }
        return n == 0 ? null : sum / n;
    }

    static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static Double dbl(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    /** The JSON shape of {@code evaluate --json}: {"from", "to", "systems": [{system, market, betting, all, picks, ece...}]}. */
    public static Map<String, Object> toJson(LocalDate from, LocalDate to, List<SystemEvaluation> systems) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("from", from.toString());
        doc.put("to", to.toString());
        List<Map<String, Object>> list = new ArrayList<>();
        for (SystemEvaluation s : systems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("system", s.system());
            m.put("market", s.market());
            m.put("betting_population", population(s.betting()));
            m.put("all_predicted", population(s.all()));
            List<Map<String, Object>> groups = new ArrayList<>();
            for (PickGroup g : s.picks()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("group", g.group());
                j.put("picks", g.picks());
                j.put("wins", g.wins());
                j.put("losses", g.losses());
                j.put("pushes", g.pushes());
                j.put("hit_rate", r(g.hitRate()));
                j.put("hit_rate_ci95", g.hitLow() == null ? null : List.of(r(g.hitLow()), r(g.hitHigh())));
                j.put("roi", r(g.roi()));
                j.put("roi_ci95", g.roiLow() == null ? null : List.of(r(g.roiLow()), r(g.roiHigh())));
                j.put("clv_picks", g.clvPicks());
                j.put("clv_points", r(g.clvPoints()));
                j.put("clv_probability", r(g.clvProbability()));
                j.put("clv_nonzero_share", r(g.clvNonZero()));
                groups.add(j);
            }
            m.put("picks", groups);
            m.put("ece", r(s.ece()));
            m.put("ece_floor", r(s.picksCalibration().floor()));
            m.put("ece_picks", s.picksCalibration().n());
            m.put("ece_p_over", r(s.eceOver()));
            m.put("ece_p_over_floor", r(s.overCalibration().floor()));
            m.put("ece_p_over_rows", s.overCalibration().n());
            m.put("calibration", s.calibration());
            list.add(m);
        }
        doc.put("systems", list);
        return doc;
    }

    private static Map<String, Object> population(Population p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", p.rows());
        m.put("mae", r(p.mae()));
        m.put("line_mae", r(p.lineMae()));
        m.put("oracle_mae", r(p.oracleMae()));
        m.put("bias", r(p.bias()));
        return m;
    }

    private static Double r(Double v) {
        return v == null ? null : Math.round(v * 10000) / 10000.0;
    }
}
