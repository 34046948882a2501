package io.nbaprops.sandbox;

import java.util.List;

/** Both teams' lines of one game, every rostered player included (inactive and DNP ones with zeros). */
public record BoxScore(int gameIndex, List<BoxLine> home, List<BoxLine> away) {
    public BoxScore {
        home = List.copyOf(home);
        away = List.copyOf(away);
    }

    public int homePoints() {
        return home.stream().mapToInt(BoxLine::pts).sum();
    }

    public int awayPoints() {
        return away.stream().mapToInt(BoxLine::pts).sum();
    }
}
