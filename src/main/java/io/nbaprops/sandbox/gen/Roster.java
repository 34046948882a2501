package io.nbaprops.sandbox.gen;

import io.nbaprops.sandbox.LeaguePlayer;
import io.nbaprops.sandbox.LeagueTeam;
import java.util.List;

/**
 * The league before any game is played: teams with pace and strength, players with roles, healthy
 * minutes and latent rates, and each team's players in rotation order.
 */
public record Roster(List<LeagueTeam> teams, List<LeaguePlayer> players, Ratings[] ratings, int[][] teamPlayers,
        double leaguePace) {

    /** League-average team field-goal attempts per possession (2024-25: ~88.5 attempts at ~99 possessions). */
    public static final double FGA_PER_POSSESSION = 0.894;

    public LeagueTeam team(String tricode) {
        for (LeagueTeam t : teams) {
            if (t.tricode().equals(tricode)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown team " + tricode);
    }
}
