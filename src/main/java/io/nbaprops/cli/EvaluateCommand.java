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
        description = {"Reports, per prediction system, over graded games of a date range: MAE and bias, the books' line MAE",
            "and the sandbox oracle's MAE on the same player-games, picks' hit rate and ROI at the prices taken (all and at",
            "edge >= 3), by edge bucket, the calibration table (stated vs actual by decile) and the expected calibration error."})
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate to;

    @Option(names = "--json", description = "Print one JSON object with a `systems` array.")
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
        out.printf("%-15s %-8s %7s %6s %6s %8s %7s %6s %6s %7s %7s %7s %6s%n", "system", "market", "graded", "MAE", "bias", "line MAE",
                "oracle", "picks", "hit %", "ROI %", "hit@3 %", "ROI@3 %", "ECE");
        for (var e : eval) {
            out.printf(Locale.ROOT, "%-15s %-8s %7d %6s %6s %8s %7s %6d %6s %7s %7s %7s %6s%n", e.system(), e.market(), e.predictions(),
                    f(e.mae()), f(e.bias()), f(e.lineMae()), f(e.oracleMae()), e.picks(), pct(e.hitRate()), pct(e.roi()),
                    pct(e.hitRateEdge3()), pct(e.roiEdge3()), pct(e.ece()));
        }
        for (var e : eval) {
            out.println();
            out.println(e.system() + " " + e.market() + " — calibration (stated vs actual win rate of picks, by decile):");
            for (Map<String, Object> b : e.calibration()) {
                out.printf(Locale.ROOT, "  %d0%%  n=%-6s stated %s  actual %s%n", ((Number) b.get("decile")).intValue(), b.get("n"),
                        pct(((Number) b.get("stated")).doubleValue()), pct(((Number) b.get("actual")).doubleValue()));
            }
            out.println("  by edge: " + e.edgeBuckets());
        }
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
