package io.nbaprops.raw.lines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules on hand-built snapshots: what is usable, what is flagged and why. */
class PropLineRulesTest {
    private static final Instant TIP = Instant.parse("2025-01-21T00:30:00Z");

    private static PropSnapshot snap(String player, String book, Instant at, Double over, Double under, Integer op, Integer up) {
        return new PropSnapshot("20250120_BOS_LAL", player, "player_points", book, at, LocalDate.of(2025, 1, 20), "oddsa", player,
                TIP, over, under, op == null ? null : op.doubleValue(), up == null ? null : up.doubleValue(), "american", op, up);
    }

    @Test
    void ordinaryLinesAreUsableAndTheLastBeforeTipCloses() {
        List<PropLineRules.Judged> j = PropLineRules.judge(List.of(
                snap("lebronjames", "dk", Instant.parse("2025-01-20T16:00:00Z"), 25.5, 25.5, -115, -105),
                snap("lebronjames", "dk", Instant.parse("2025-01-20T23:59:00Z"), 26.5, 26.5, -110, -110),
                snap("lebronjames", "dk", TIP, 27.5, 27.5, -110, -110)));
        assertThat(j).extracting(PropLineRules.Judged::usable).containsExactly(true, true, false);
        assertThat(j).extracting(PropLineRules.Judged::opening).containsExactly(true, false, false);
        assertThat(j).extracting(PropLineRules.Judged::closing).containsExactly(false, true, false);
        assertThat(j.get(2).flagged()).isFalse();
    }

    @Test
    void junkLinesAreFlaggedWithAReason() {
        Instant at = Instant.parse("2025-01-20T18:00:00Z");
        assertThat(PropLineRules.ownReason(snap("a", "dk", at, null, null, -110, -110))).isEqualTo("missing line");
        assertThat(PropLineRules.ownReason(snap("a", "dk", at, 20.5, 20.5, null, null))).isEqualTo("missing prices");
        assertThat(PropLineRules.ownReason(snap("a", "dk", at, 20.5, 20.5, -110, 50))).startsWith("absurd price");
        assertThat(PropLineRules.ownReason(snap("a", "dk", at, 20.5, 21.5, -110, -110))).startsWith("over and under lines differ");
        assertThat(PropLineRules.ownReason(snap("a", "dk", at, 95.5, 95.5, -110, -110))).startsWith("implausible line");
        assertThat(PropLineRules.ownReason(snap("a", "dk", at, 20.5, 20.5, -110, -110))).isNull();
    }

    @Test
    void theSameValueForEveryPlayerOfASnapshotIsAPlaceholder() {
        Instant at = Instant.parse("2025-01-20T18:00:00Z");
        List<PropSnapshot> s = new ArrayList<>();
        for (String p : List.of("a", "b", "c", "d", "e")) {
            s.add(snap(p, "fd", at, 20.0, 20.0, -110, -110));
        }
        s.add(snap("a", "dk", at, 20.0, 20.0, -110, -110));
        s.add(snap("b", "dk", at, 20.0, 20.0, -110, -110));
        s.add(snap("c", "dk", at, 17.5, 17.5, -110, -110));
        List<PropLineRules.Judged> j = PropLineRules.judge(s);
        assertThat(j.subList(0, 5)).allMatch(PropLineRules.Judged::flagged).noneMatch(PropLineRules.Judged::usable);
        // Three players at another book, two sharing a value: too few to call a placeholder.
        assertThat(j.subList(5, 8)).noneMatch(PropLineRules.Judged::flagged);
    }
}
