package io.nbaprops.sandbox.gen;

import io.nbaprops.sandbox.InjuryStatus;
import io.nbaprops.sandbox.LeaguePlayer;
import io.nbaprops.sandbox.Role;
import io.nbaprops.sandbox.facts.PlayerFact;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Decides, before the season is played, who misses which games and when the public learns it.
 * Players with a real games-played figure miss about as many games as they really did; the rest draw
 * a season from a mix of healthy, nicked and injury-hit seasons. Absences come as spells (a night or
 * two day-to-day, a week or two, a month or more, rarely the rest of the season), plus rest nights
 * for veterans on back-to-backs and "questionable, then played" listings. News arrives the day
 * before on the 5:30 pm ET report, or late on game day (30-150 minutes before tip-off: the books may
 * be slow to react).
 */
final class InjuryPlanner {
    static final ZoneId ET = ZoneId.of("America/New_York");
    private static final String[] REASONS = {"Left Ankle; Sprain", "Right Ankle; Sprain", "Left Knee; Soreness",
            "Right Knee; Tendinitis", "Low Back; Spasms", "Right Hamstring; Strain", "Left Hamstring; Strain",
            "Left Calf; Strain", "Right Foot; Plantar Fasciitis", "Illness", "Right Wrist; Sprain",
            "Left Hip; Soreness", "Concussion Protocol", "Right Shoulder; Sprain", "Left Groin; Strain",
            "Non-COVID Illness", "Right Thumb; Sprain", "Left Quadriceps; Contusion"};

    private final long seed;

    InjuryPlanner(long seed) {
        this.seed = seed;
    }

    /**
     * @param teamGames   each team's game indices in date order
     * @param dates       game date by game index
     * @param tipoffs     tip-off by game index
     * @param backToBack  per team, per team-game: second night of a back-to-back
     * @return availability[player][teamGame]
     */
    Availability[][] plan(List<LeaguePlayer> players, List<PlayerFact> facts, int[][] teamPlayers, int[][] teamGames,
            LocalDate[] dates, Instant[] tipoffs, boolean[][] backToBack) {
        Availability[][] out = new Availability[players.size()][];
        for (int team = 0; team < teamPlayers.length; team++) {
            int games = teamGames[team].length;
            for (int p : teamPlayers[team]) {
                LeaguePlayer player = players.get(p);
                Rng r = Rng.of(seed, 21, player.personId());
                Availability[] a = new Availability[games];
                java.util.Arrays.fill(a, Availability.HEALTHY);
                int target = missedTarget(facts.get(p), r, games);
                boolean[] taken = new boolean[games];
                int missed = 0;
                int tries = 0;
                while (missed < target && tries++ < 40) {
                    int left = target - missed;
                    int length = Math.min(left, spellLength(r, left));
                    int start = r.nextInt(Math.max(1, games - length + 1));
                    if (free(taken, start, length)) {
                        placeSpell(a, taken, start, length, r, teamGames[team], dates, tipoffs);
                        missed += length;
                    }
                }
                // Veterans sit some second nights of back-to-backs.
                if (player.role() == Role.STARTER && player.fromYear() <= 2014) {
                    for (int k = 0; k < games; k++) {
                        if (backToBack[team][k] && !taken[k] && r.chance(0.3)) {
                            Instant tip = tipoffs[teamGames[team][k]];
                            Instant news = dates[teamGames[team][k]].atTime(LocalTime.of(12, 30)).atZone(ET).toInstant()
                                    .plusSeconds(60L * r.nextInt(240));
                            a[k] = new Availability(true, "Rest", null, null, min(news, tip.minusSeconds(1800)), 1.0);
                            taken[k] = true;
                        }
                    }
                }
                // Listed questionable or probable, then played.
                int scares = r.poisson(2.5);
                for (int s = 0; s < scares; s++) {
                    int k = r.nextInt(games);
                    if (!taken[k]) {
                        int g = teamGames[team][k];
                        InjuryStatus listed = r.chance(0.6) ? InjuryStatus.QUESTIONABLE : InjuryStatus.PROBABLE;
                        a[k] = new Availability(false, REASONS[r.nextInt(REASONS.length)], listed, dayBeforeReport(dates[g]),
                                tipoffs[g].minusSeconds(60L * (30 + r.nextInt(60))), 1.0);
                        taken[k] = true;
                    }
                }
                out[p] = a;
            }
        }
        return out;
    }

    private static int missedTarget(PlayerFact f, Rng r, int games) {
        if (f.realGp() != null) {
            return Math.max(0, Math.min(games - 10, games - f.realGp()));
        }
        double u = r.uniform();
        int missed = u < 0.35 ? r.nextInt(4) : u < 0.75 ? 4 + r.nextInt(9) : u < 0.95 ? 13 + r.nextInt(18) : 31 + r.nextInt(40);
        return Math.min(games - 5, missed);
    }

    private static int spellLength(Rng r, int left) {
        double u = r.uniform();
        if (left > 25 && u < 0.5) {
            return 15 + r.nextInt(Math.min(left, 60) - 14);
        }
        return u < 0.4 ? 1 + r.nextInt(2) : u < 0.75 ? 3 + r.nextInt(6) : u < 0.95 ? 9 + r.nextInt(17) : 26 + r.nextInt(35);
    }

    private static boolean free(boolean[] taken, int start, int length) {
        for (int k = Math.max(0, start - 1); k < Math.min(taken.length, start + length + 1); k++) {
            if (taken[k]) {
                return false;
            }
        }
        return true;
    }

    private static void placeSpell(Availability[] a, boolean[] taken, int start, int length, Rng r, int[] games,
            LocalDate[] dates, Instant[] tipoffs) {
        String reason = length <= 2 && r.chance(0.3) ? "Illness" : REASONS[r.nextInt(REASONS.length)];
        double kind = r.uniform();
        for (int k = start; k < start + length; k++) {
            int g = games[k];
            Instant tip = tipoffs[g];
            Availability av;
            if (k > start) {
                av = new Availability(true, reason, InjuryStatus.OUT, dayBeforeReport(dates[g]), dayBeforeReport(dates[g]), 1.0);
            } else if (kind < 0.45) {
                av = new Availability(true, reason, InjuryStatus.OUT, dayBeforeReport(dates[g]), dayBeforeReport(dates[g]), 1.0);
            } else if (kind < 0.75) {
                InjuryStatus listed = r.chance(0.7) ? InjuryStatus.QUESTIONABLE : InjuryStatus.DOUBTFUL;
                av = new Availability(true, reason, listed, dayBeforeReport(dates[g]),
                        tip.minusSeconds(60L * (30 + r.nextInt(90))), 1.0);
            } else {
                // Late scratch: nothing on the report until shortly before tip-off.
                av = new Availability(true, reason, null, null, tip.minusSeconds(60L * (30 + r.nextInt(120))), 1.0);
            }
            a[k] = av;
            taken[k] = true;
        }
        if (length >= 5) {
            double[] ramp = {0.75, 0.87, 0.95};
            for (int j = 0; j < ramp.length && start + length + j < a.length; j++) {
                if (!taken[start + length + j]) {
                    a[start + length + j] = new Availability(false, null, null, null, null, ramp[j]);
                }
            }
        }
    }

    static Instant dayBeforeReport(LocalDate gameDate) {
        return gameDate.minusDays(1).atTime(LocalTime.of(17, 30)).atZone(ET).toInstant();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
