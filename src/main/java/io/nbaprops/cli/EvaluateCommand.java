package io.nbaprops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import io.nbaprops.predict.Evaluation;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Reports, per prediction system, over graded games of a date range: on the betting population (player-games",
            "with a usable line) the system's, the line's and the sandbox oracle's MAE over the same rows; on all predicted",
            "player-games the system's and the oracle's MAE over the same rows; picks with N, hit rate and its 95%% Wilson",
            "interval, ROI and its 95%% bootstrap interval over slates, closing-line value in points and implied probability, by",
            "book, side and edge bucket; the calibration table (stated vs actual by decile) and the expected calibration error."})
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate to;

    @Option(names = "--json", description = "Print one JSON object with a `systems` array carrying all of the above.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigOption.ReadLease w = config.readOnly()) {
            List<Evaluation.SystemEvaluation> eval = new Evaluation(w.warehouse()).evaluate(from, to);
            List<io.nbaprops.predict.PriceComparison.Row> prices = new io.nbaprops.predict.PriceComparison(w.warehouse()).compare(from, to);
            if (json) {
                Map<String, Object> doc = Evaluation.toJson(from, to, eval);
                doc.put("best_price", io.nbaprops.predict.PriceComparison.toJson(prices));
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
                return 0;
            }
            print(eval, out);
            printPrices(prices, out);
            return 0;
        }
    }

    private void print(List<Evaluation.SystemEvaluation> eval, PrintWriter out) {
        if (eval.isEmpty()) {
            out.println("no graded predictions between " + from + " and " + to);
            return;
        }
        render(eval, out, true);
    }

    /** The evaluation as text: both MAE blocks, the picks by group, and (with {@code detail}) the calibration tables. */
    static void render(List<Evaluation.SystemEvaluation> eval, PrintWriter out, boolean detail) {
        out.println("Betting population: player-games with a usable line; system, line and oracle MAE over the same rows");
        out.printf(Locale.ROOT, "%-15s %-8s %7s %6s %8s %7s %9s %6s%n", "system", "market", "rows", "MAE", "line MAE", "oracle",
                "vs line", "bias");
        for (var e : eval) {
            var b = e.betting();
            out.printf(Locale.ROOT, "%-15s %-8s %7d %6s %8s %7s %9s %6s%n", e.system(), e.market(), b.rows(), f(b.mae()), f(b.lineMae()),
                    f(b.oracleMae()), b.mae() == null || b.lineMae() == null ? "-"
                            : String.format(Locale.ROOT, "%+.1f%%", 100 * (b.mae() / b.lineMae() - 1)), f(b.bias()));
        }
        out.println();
        out.println("All predicted player-games: system and oracle MAE over the same rows");
        out.printf(Locale.ROOT, "%-15s %-8s %7s %6s %7s %6s%n", "system", "market", "rows", "MAE", "oracle", "bias");
        for (var e : eval) {
            var a = e.all();
            out.printf(Locale.ROOT, "%-15s %-8s %7d %6s %7s %6s%n", e.system(), e.market(), a.rows(), f(a.mae()), f(a.oracleMae()),
                    f(a.bias()));
        }
        out.println();
        out.println("Picks: hit rate with its 95% Wilson interval; ROI per unit at the prices taken with a 95% bootstrap interval over");
        out.println("slates (game dates); closing-line value vs the book's last pre-game line, in points and implied probability");
        out.printf(Locale.ROOT, "%-15s %-8s %-22s %6s %6s %-13s %7s %-15s %7s %7s %6s%n", "system", "market", "group", "picks", "hit %",
                "hit 95% CI", "ROI %", "ROI 95% CI", "CLV pt", "CLV pp", "CLV≠0");
        for (var e : eval) {
            for (var g : e.picks()) {
                if (!detail && !(g.group().equals("all") || g.group().equals("edge>=3"))) {
                    continue;
                }
                out.printf(Locale.ROOT, "%-15s %-8s %-22s %6d %6s %-13s %7s %-15s %7s %7s %6s%n", e.system(), e.market(), g.group(),
                        g.picks(), pct(g.hitRate()), ci(g.hitLow(), g.hitHigh()), pct(g.roi()), ci(g.roiLow(), g.roiHigh()),
                        g.clvPoints() == null ? "-" : String.format(Locale.ROOT, "%+.3f", g.clvPoints()),
                        g.clvProbability() == null ? "-" : String.format(Locale.ROOT, "%+.2f", 100 * g.clvProbability()),
                        pct(g.clvNonZero()));
            }
        }
        out.println();
        out.println("Calibration: expected calibration error (stated vs actual, by tenth of the stated probability), with N and the");
        out.println("floor a perfectly calibrated forecaster would show by chance on the same bins (an ECE near its floor is noise)");
        out.printf(Locale.ROOT, "%-15s %-8s %7s %12s %8s %8s %14s %8s%n", "system", "market", "picks", "ECE picks %", "floor %", "rows",
                "ECE P(over) %", "floor %");
        for (var e : eval) {
            var p = e.picksCalibration();
            var o = e.overCalibration();
            out.printf(Locale.ROOT, "%-15s %-8s %7d %12s %8s %8d %14s %8s%n", e.system(), e.market(), p.n(), pct(p.ece()), pct(p.floor()),
                    o.n(), pct(o.ece()), pct(o.floor()));
        }
        if (!detail) {
            return;
        }
        for (var e : eval) {
            out.println();
            out.println(e.system() + " " + e.market() + " — calibration (stated vs actual win rate of picks, by decile):");
            for (Map<String, Object> b : e.calibration()) {
                out.printf(Locale.ROOT, "  %d0%%  n=%-6s stated %s  actual %s%n", ((Number) b.get("decile")).intValue(), b.get("n"),
                        pct(((Number) b.get("stated")).doubleValue()), pct(((Number) b.get("actual")).doubleValue()));
            }
        }
    }

    private static String ci(Double lo, Double hi) {
        return lo == null ? "-" : String.format(Locale.ROOT, "[%.1f, %.1f]", 100 * lo, 100 * hi);
    }

    /** Best-available against single-book picks, side by side (see PriceComparison). */
    static void printPrices(List<io.nbaprops.predict.PriceComparison.Row> rows, PrintWriter out) {
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println("best price vs single book (first of predict.book_priority) — picks, hit %, ROI %; same picks: ROI % of each");
        out.printf("%-15s %-8s %6s %6s %7s %7s %6s %7s %6s %8s %8s%n", "system", "market", "best", "hit %", "ROI %", "single", "hit %",
                "ROI %", "same", "best ROI", "1-bk ROI");
        for (var r : rows) {
            out.printf(Locale.ROOT, "%-15s %-8s %6d %6s %7s %7d %6s %7s %6d %8s %8s%n", r.system(), r.market(), r.bestPicks(),
                    pct(r.bestHitRate()), pct(r.bestRoi()), r.singlePicks(), pct(r.singleHitRate()), pct(r.singleRoi()), r.samePicks(),
                    pct(r.samePicksBestRoi()), pct(r.samePicksSingleRoi()));
        }
    }

    private static String f(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", 100 * v);
    }
}
