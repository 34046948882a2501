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
 * cross-book spread, the stars' OVER shading, and how rarely the oracle sees a large edge.
 */
class MarketReportTest {
    static Figures f;
    static Map<String, BookRow> books;

    @BeforeAll
    static void compute() {
        f = MarketReport.compute(TestLeagues.get(2024));
        books = f.books().stream().collect(Collectors.toMap(BookRow::book, Function.identity()));
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
        HoursRow first = f.hours().get(0);
        HoursRow close = f.hours().get(f.hours().size() - 1);
        assertThat(first.hours()).isEqualTo(8);
        assertThat(close.hours()).isZero();
        for (int i = 1; i < f.hours().size(); i++) {
            assertThat(f.hours().get(i).rmsMedian()).as("at " + f.hours().get(i).hours() + " h")
                    .isLessThanOrEqualTo(f.hours().get(i - 1).rmsMedian() + 0.01);
        }
        assertThat(first.rmsMedian()).isBetween(0.75, 1.1);
        assertThat(close.rmsMedian()).isBetween(0.4, 0.6);
    }

    @Test
    void otherMarketsAreScaledToTheirSpread() {
        var m = f.markets();
        assertThat(m.get(0).market()).isEqualTo("player_points");
        for (int i = 1; i < m.size(); i++) {
            assertThat(m.get(i).rms()).as(m.get(i).market()).isBetween(0.3, 0.65).isLessThan(m.get(0).rms());
            assertThat(m.get(i).n()).as(m.get(i).market()).isGreaterThan(5_000);
        }
    }

    @Test
    void booksDisagreeByAFewTenthsOfAPoint() {
        assertThat(f.crossBookN()).isGreaterThan(15_000);
        assertThat(f.crossBookSd()).isBetween(0.3, 0.6);
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
        OracleRow one = f.oracle().get(0);
        OracleRow three = f.oracle().get(2);
        assertThat(one.edge()).isEqualTo(1);
        assertThat(one.share()).isBetween(0.1, 0.35);
        assertThat(one.hitRate()).isBetween(0.53, 0.62);
        assertThat(three.edge()).isEqualTo(3);
        assertThat(three.share()).isLessThan(0.02);
        assertThat(three.hitRate()).isBetween(0.6, 0.85);
    }
}
