package io.nbaprops.ops.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One date of the league schedule as the plan sees it: the tip-offs of its games that are still on (postponed
 * games left out). No tip-offs: not a game day, so game-dependent jobs do not run.
 */
public record GameDay(LocalDate date, List<Instant> tipOffs) {
    public GameDay {
        tipOffs = tipOffs.stream().sorted().toList();
    }

    public static GameDay none(LocalDate date) {
        return new GameDay(date, List.of());
    }

    public boolean isGameDay() {
        return !tipOffs.isEmpty();
    }

    public Instant firstTip() {
        return tipOffs.get(0);
    }

    public Instant lastTip() {
        return tipOffs.get(tipOffs.size() - 1);
    }
}
