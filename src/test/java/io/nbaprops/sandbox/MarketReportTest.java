package io.nbaprops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.nbaprops.sandbox.report.MarketReport;
import io.nbaprops.sandbox.report.MarketReport.BookRow;
import io.nbaprops.sandbox.report.MarketReport.Figures;
import io.nbaprops.sandbox.report.MarketReport.HoursRow;
import io.nbaprops.sandbox.report.MarketReport.OracleRow;
import io.nbaprops.sandbox.report.MarketReport.ShadeRow;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's books are as sharp as real ones, with only the real inefficiencies, each bounded here on the seed-2024
 * season: rms(line - truth) at the prediction time and the close, by book and by hours before tip-off, the
 * cross-book spread, the stars' OVER shading, and how rarely the oracle sees a large edge; the same for PRA
 * (points + rebounds + assists), whose errors are points' scaled to its wider outcome (sd 1.18 times points').
 */
class MarketReportTest {
    static Figures f;
    static Map<String, BookRow> books;
    static Map<String, BookRow> praBooks;

    @BeforeAll
    static void compute() {
        f = MarketReport.compute(TestLeagues.get(2024));
        books = f.points().books().stream().collect(Collectors.toMap(BookRow::book, Function.identity()));
        praBooks = f.pra().books().stream().collect(Collectors.toMap(BookRow::book, Function.identity()));
        System.out.print(MarketReport.render(f));
    }

    @Test
    void pointsLinesAreWithinAPointOfTheTruthAtPredictionTimeAndCloserAtTheClose() {
        for (String sharp : new String[] {"draftkings", "fanduel", "betmgm", "williamhill_us"}) {
            BookRow b = books.get(sharp);
            assertThat(b.n()).as(sharp).isGreaterThan(14_000);
            assertThat(b.rmsAtPrediction()).as(sharp + " rms vs mean at prediction").isBetween(0.6, 0.9);
            assertThat(b.rmsMedianAtPrediction()).as(sharp + " rms vs median at prediction").isBetween(0.55, 0.8);
            assertThat(b.rmsAtClose()).as(sharp + " closes sharper").isLessThan(b.rmsAtPrediction() - 0.1);
            assertThat(b.meanMedianAtPrediction()).as(sharp + " no overall lean").isBetween(-0.15, 0.15);
        }
    }

    @Test
    void betRiversIsTheSoftBook() {
        BookRow soft = books.get("betrivers");
        BookRow dk = books.get("draftkings");
        assertThat(soft.rmsMedianAtPrediction()).isGreaterThan(dk.rmsMedianAtPrediction() + 0.05).isLessThan(1.0);
        assertThat(soft.rmsMedianAtClose()).isGreaterThan(dk.rmsMedianAtClose() + 0.05);
    }

    @Test
    void theLineSharpensTowardsTipOff() {
        HoursRow first = f.points().hours().get(0);
        HoursRow close = f.points().hours().get(f.points().hours().size() - 1);
        assertThat(first.hours()).isEqualTo(8);
        assertThat(close.hours()).isZero();
        for (int i = 1; i < f.points().hours().size(); i++) {
            assertThat(f.points().hours().get(i).rmsMedian()).as("at " + f.points().hours().get(i).hours() + " h")
                    .isLessThanOrEqualTo(f.points().hours().get(i - 1).rmsMedian() + 0.01);
        }
        assertThat(first.rmsMedian()).isBetween(0.75, 1.1);
        assertThat(close.rmsMedian()).isBetween(0.4, 0.6);
    }

    @Test
    void otherMarketsAreScaledToTheirSpread() {
        var m = f.markets();
        assertThat(m.get(0).market()).isEqualTo("player_points");
        for (int i = 1; i < 4; i++) {
            assertThat(m.get(i).rms()).as(m.get(i).market()).isBetween(0.3, 0.65).isLessThan(m.get(0).rms());
            assertThat(m.get(i).n()).as(m.get(i).market()).isGreaterThan(5_000);
        }
    }

    @Test
    void booksDisagreeByAFewTenthsOfAPoint() {
        assertThat(f.points().crossBookN()).isGreaterThan(15_000);
        assertThat(f.points().crossBookSd()).isBetween(0.3, 0.6);
    }

    @Test
    void starsAreShadedTowardsTheOverAndOthersAreNot() {
        Map<String, ShadeRow> tiers = f.shading().stream().collect(Collectors.toMap(ShadeRow::tier, Function.identity()));
        assertThat(tiers.get("0-15").meanLineMinusTruth()).isBetween(-0.2, 0.1);
        assertThat(tiers.get("0-15").underWinRate()).isBetween(0.47, 0.53);
        assertThat(tiers.get("24-28").meanLineMinusTruth()).isBetween(0.4, 1.1);
        // Blind star UNDERs win a few points more than half (real markets: ~55%), not a fortune.
        assertThat(tiers.get("24-28").underWinRate()).isBetween(0.52, 0.58);
    }

    @Test
    void theOracleRarelySeesALargeEdge() {
        OracleRow one = f.points().oracle().get(0);
        OracleRow three = f.points().oracle().get(2);
        assertThat(one.edge()).isEqualTo(1);
        assertThat(one.share()).isBetween(0.1, 0.35);
        assertThat(one.hitRate()).isBetween(0.53, 0.62);
        assertThat(three.edge()).isEqualTo(3);
        assertThat(three.share()).isLessThan(0.02);
        assertThat(three.hitRate()).isBetween(0.6, 0.85);
    }

    @Test
    void praLinesAreAsSharpAsPointsScaledToTheirWiderOutcome() {
        assertThat(f.pra().market()).isEqualTo("player_points_rebounds_assists");
        for (String sharp : new String[] {"draftkings", "fanduel", "betmgm", "williamhill_us"}) {
            BookRow b = praBooks.get(sharp);
            assertThat(b.n()).as(sharp + " prices PRA wherever it prices points").isEqualTo(books.get(sharp).n());
            assertThat(b.rmsAtPrediction()).as(sharp + " rms vs mean at prediction").isBetween(0.85, 1.15);
            assertThat(b.rmsMedianAtPrediction()).as(sharp + " rms vs median at prediction").isBetween(0.7, 0.92);
            assertThat(b.rmsAtClose()).as(sharp + " closes sharper").isLessThan(b.rmsAtPrediction() - 0.1);
            // No shading; slightly under the median on average, as late scratches raise teammates' truths after the line.
            assertThat(b.meanMedianAtPrediction()).as(sharp + " no lean").isBetween(-0.2, 0.05);
        }
        BookRow dk = praBooks.get("draftkings");
        double ratio = dk.rmsMedianAtPrediction() / books.get("draftkings").rmsMedianAtPrediction();
        assertThat(ratio).as("PRA's error vs points' (points' includes the stars' shading)").isBetween(1.03, 1.25);
        BookRow soft = praBooks.get("betrivers");
        assertThat(soft.rmsMedianAtPrediction()).isGreaterThan(dk.rmsMedianAtPrediction() + 0.05).isLessThan(1.1);
    }

    @Test
    void praLinesSharpenTowardsTipOffAndBooksDisagreeByAFewTenths() {
        var hours = f.pra().hours();
        for (int i = 1; i < hours.size(); i++) {
            assertThat(hours.get(i).rmsMedian()).as("PRA at " + hours.get(i).hours() + " h")
                    .isLessThanOrEqualTo(hours.get(i - 1).rmsMedian() + 0.01);
        }
        assertThat(hours.get(0).rmsMedian()).isBetween(0.9, 1.25);
        assertThat(hours.get(hours.size() - 1).rmsMedian()).isBetween(0.4, 0.65);
        assertThat(f.pra().crossBookN()).isGreaterThan(15_000);
        assertThat(f.pra().crossBookSd()).isBetween(0.35, 0.65).isGreaterThan(f.points().crossBookSd());
    }

    @Test
    void theOracleRarelySeesALargePraEdge() {
        OracleRow one = f.pra().oracle().get(0);
        OracleRow three = f.pra().oracle().get(2);
        assertThat(f.pra().linesAtPrediction()).isGreaterThan(14_000);
        assertThat(one.share()).isBetween(0.15, 0.35);
        assertThat(one.hitRate()).isBetween(0.53, 0.61);
        assertThat(three.share()).isLessThan(0.03);
        assertThat(three.hitRate()).isBetween(0.58, 0.8);
    }
}
