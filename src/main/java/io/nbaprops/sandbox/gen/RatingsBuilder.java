package io.nbaprops.sandbox.gen;

import io.nbaprops.identity.PlayerLookup;
import io.nbaprops.sandbox.LeaguePlayer;
import io.nbaprops.sandbox.LeagueTeam;
import io.nbaprops.sandbox.Role;
import io.nbaprops.sandbox.facts.LeagueFacts;
import io.nbaprops.sandbox.facts.PlayerFact;
import io.nbaprops.sandbox.facts.TeamFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the fact tables into a rated league. Real figures are used where the samples have them
 * (minutes and full shooting lines for a few players, rebounds per game for the rebounding
 * leaders, a scoring hint from the games each player led in scoring); everyone else gets plausible
 * rates for his position and role, varied by the seed. Team pace and strength come from the real
 * team results: each team's shooting is scaled so that its healthy rotation is expected to score
 * what the real team scored per game.
 */
public final class RatingsBuilder {
    /** Healthy minutes by rotation rank (sum 240); a player's base minutes blend his own estimate with his slot. */
    private static final double[] SLOT_MINUTES = {34, 32.5, 31, 29.5, 28, 24, 21, 17.5, 13, 6.5, 3};
    private static final double LEAGUE_PACE = 99.0;

    private final LeagueFacts facts;
    private final long seed;

    public RatingsBuilder(LeagueFacts facts, long seed) {
        this.facts = facts;
        this.seed = seed;
    }

    public Roster build() {
        double leaguePpg = facts.teams().stream().mapToDouble(TeamFact::realPpg).average().orElseThrow();
        List<LeagueTeam> teams = new ArrayList<>();
        for (int i = 0; i < facts.teams().size(); i++) {
            TeamFact t = facts.teams().get(i);
            // Half of a team's deviation in combined scoring is pace, half is efficiency.
            double scoring = (t.realPpg() + t.realOppPpg()) / 2 / leaguePpg;
            double pace = LEAGUE_PACE * StrictMath.sqrt(scoring);
            double defense = 1 + 1.15 * (t.realOppPpg() / leaguePpg / StrictMath.sqrt(scoring) - 1);
            teams.add(new LeagueTeam(i, t.tricode(), t.nbaTeamId(), t.bdlId(), t.city(), t.name(), t.conference(),
                    t.division(), t.slug(), t.arena(), t.arenaCity(), t.arenaState(), pace, 1.0, defense));
        }
        List<PlayerFact> pf = facts.players();
        int n = pf.size();
        double[] estMinutes = new double[n];
        double[] estPpg = new double[n];
        for (int i = 0; i < n; i++) {
            Rng r = Rng.of(seed, 11, pf.get(i).personId());
            estMinutes[i] = estimateMinutes(pf.get(i), r);
            estPpg[i] = estimatePpg(pf.get(i));
        }
        int[][] teamPlayers = new int[teams.size()][];
        double[] baseMinutes = new double[n];
        Role[] roles = new Role[n];
        for (LeagueTeam team : teams) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (pf.get(i).team().equals(team.tricode())) {
                    members.add(i);
                }
            }
            members.sort(Comparator.comparingDouble((Integer i) -> -estMinutes[i]).thenComparingLong(i -> pf.get(i).personId()));
            teamPlayers[team.index()] = members.stream().mapToInt(Integer::intValue).toArray();
            assignMinutes(members, pf, estMinutes, baseMinutes, roles);
        }
        Ratings[] ratings = new Ratings[n];
        for (int i = 0; i < n; i++) {
            ratings[i] = rate(pf.get(i), baseMinutes[i], estPpg[i], roles[i], Rng.of(seed, 12, pf.get(i).personId()));
        }
        for (LeagueTeam team : teams) {
            TeamFact tf = facts.teams().get(team.index());
            double offense = calibrateTeam(team, tf.realPpg(), teamPlayers[team.index()], baseMinutes, ratings, pf, estPpg);
            teams.set(team.index(), new LeagueTeam(team.index(), team.tricode(), team.nbaTeamId(), team.bdlId(), team.city(),
                    team.name(), team.conference(), team.division(), team.slug(), team.arena(), team.arenaCity(),
                    team.arenaState(), team.pace(), offense, team.defense()));
        }
        List<LeaguePlayer> players = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PlayerFact p = pf.get(i);
            players.add(new LeaguePlayer(i, p.personId(), p.bdlId() != null ? p.bdlId() : p.personId(), p.firstName(),
                    p.lastName(), p.fullName(), PlayerLookup.of(p.fullName()), p.team(), p.position(), p.jersey(),
                    p.height(), p.weight(), p.college(), p.country(), p.draftYear(), p.draftRound(), p.draftNumber(),
                    p.fromYear(), roles[i], baseMinutes[i]));
        }
        return new Roster(List.copyOf(teams), List.copyOf(players), ratings, teamPlayers, LEAGUE_PACE);
    }

    /** G, W (wing), F, B (big forward), C. */
    static char group(String position) {
        return switch (position) {
            case "G" -> 'G';
            case "G-F", "F-G" -> 'W';
            case "F-C", "C-F" -> 'B';
            case "C" -> 'C';
            default -> 'F';
        };
    }

    static double estimatePpg(PlayerFact p) {
        if (p.realPpg() != null) {
            return p.realPpg();
        }
        if (p.leadGames() > 0) {
            // Being a game's top scorer often, and by a lot, marks a high scorer; this maps the count
            // and the mean of those games to a per-game level (checked on the players whose real
            // averages the samples hold).
            // One big night says little: the estimate leans on a typical starter's 12 points until
            // a player has led several games.
            double fromLeads = 0.55 * p.leadPtsMean() + 2.2 * StrictMath.log(1 + p.leadGames());
            double confidence = p.leadGames() / (p.leadGames() + 2.0);
            return confidence * fromLeads + (1 - confidence) * 12;
        }
        return Double.NaN;
    }

    private static double estimateMinutes(PlayerFact p, Rng r) {
        if (p.realMin() != null) {
            return p.realMin();
        }
        double est;
        if (p.realRpg() != null) {
            double perMinute = switch (group(p.position())) {
                case 'C' -> 0.33;
                case 'B' -> 0.29;
                case 'F' -> 0.21;
                case 'W' -> 0.17;
                default -> 0.145;
            };
            est = Math.max(16, Math.min(35, p.realRpg() / perMinute));
        } else {
            int pick = p.draftNumber() == null ? 61 : p.draftNumber();
            est = pick <= 5 ? 20 : pick <= 14 ? 15 : pick <= 30 ? 11 : 7;
            if (p.fromYear() >= 2025 && pick > 5) {
                est *= 0.75;
            }
            est *= r.uniform(0.7, 1.3);
        }
        if (p.leadGames() >= 3) {
            double ppg = estimatePpg(p);
            est = Math.max(est, Math.min(35.5, 20 + (ppg - 12) * 0.95));
        }
        return est;
    }

    private static void assignMinutes(List<Integer> members, List<PlayerFact> pf, double[] est, double[] base, Role[] roles) {
        double fixed = 0;
        double free = 0;
        for (int rank = 0; rank < members.size(); rank++) {
            int i = members.get(rank);
            if (rank >= SLOT_MINUTES.length) {
                base[i] = 0;
            } else if (pf.get(i).realMin() != null) {
                base[i] = pf.get(i).realMin();
                fixed += base[i];
            } else {
                base[i] = 0.5 * est[i] + 0.5 * SLOT_MINUTES[rank];
                free += base[i];
            }
        }
        double scale = (240 - fixed) / free;
        for (int rank = 0; rank < members.size(); rank++) {
            int i = members.get(rank);
            if (pf.get(i).realMin() == null) {
                base[i] *= scale;
            }
            roles[i] = rank < 5 ? Role.STARTER : base[i] >= 10 ? Role.ROTATION : base[i] > 0 ? Role.FRINGE : Role.DEEP_BENCH;
        }
    }

    private static Ratings rate(PlayerFact p, double minutes, double estPpg, Role role, Rng r) {
        char g = group(p.position());
        double m = Math.max(minutes, 8);
        if (p.realFga() != null && p.realMin() != null) {
            double fga = p.realFga();
            double fg3a = p.realFg3a();
            return new Ratings(fga / p.realMin(), fg3a / fga, (p.realFgm() - p.realFg3m()) / (fga - fg3a),
                    p.realFg3m() / fg3a, p.realFta() / fga, p.realFtm() / p.realFta(), p.realRpg() / p.realMin(),
                    p.realOreb() / p.realRpg(), p.realApg() / p.realMin(), p.realStl() / p.realMin(),
                    p.realBlk() / p.realMin(), 0.75 * p.realTov() / fga, 0.25 * p.realTov() / p.realMin(),
                    p.realPf() / p.realMin(), true, 0.55);
        }
        double threeShare = clamp(switch (g) {
            case 'G' -> 0.44;
            case 'W' -> 0.43;
            case 'F' -> 0.39;
            case 'B' -> 0.26;
            default -> 0.10;
        } + r.gaussian() * 0.06, 0.0, 0.68);
        double p3 = clamp((g == 'C' ? 0.33 : 0.358) + r.gaussian() * 0.022, 0.28, 0.43);
        double p2 = clamp(switch (g) {
            case 'G' -> 0.505;
            case 'W' -> 0.52;
            case 'F' -> 0.535;
            case 'B' -> 0.575;
            default -> 0.615;
        } + r.gaussian() * 0.03, 0.42, 0.68);
        double ftPct = clamp(switch (g) {
            case 'G' -> 0.81;
            case 'W', 'F' -> 0.78;
            case 'B' -> 0.74;
            default -> 0.69;
        } + r.gaussian() * 0.05, 0.5, 0.93);
        boolean scorer = !Double.isNaN(estPpg);
        double ftRate = clamp(0.25 + (scorer ? 0.05 : 0) + r.gaussian() * 0.05, 0.08, 0.5);
        double paintShare = clamp(switch (g) {
            case 'C' -> 0.85;
            case 'B' -> 0.72;
            case 'F' -> 0.6;
            case 'W' -> 0.52;
            default -> 0.47;
        } + r.gaussian() * 0.08, 0.2, 0.97);
        Ratings shooting = new Ratings(0, threeShare, p2, p3, ftRate, ftPct, 0, 0, 0, 0, 0, 0, 0, 0, false, paintShare);
        double ppm;
        if (scorer) {
            ppm = clamp(estPpg / m, 0.3, 1.0);
        } else {
            double roleLevel = role == Role.STARTER ? 0.47 : role == Role.ROTATION ? 0.42 : 0.38;
            ppm = clamp(roleLevel + r.gaussian() * 0.07, 0.22, 0.75);
        }
        double usage = ppm / shooting.pointsPerAttempt();
        double rebPerMin = p.realRpg() != null ? p.realRpg() / m : switch (g) {
            case 'C' -> 0.30;
            case 'B' -> 0.25;
            case 'F' -> 0.18;
            case 'W' -> 0.15;
            default -> 0.12;
        } * clamp(1 + r.gaussian() * 0.15, 0.6, 1.5);
        double orebShare = switch (g) {
            case 'C' -> 0.32;
            case 'B' -> 0.27;
            case 'F' -> 0.2;
            case 'W' -> 0.15;
            default -> 0.12;
        };
        double astBase = switch (g) {
            case 'G' -> r.uniform(0.09, 0.26);
            case 'W' -> 0.095;
            case 'F' -> 0.08;
            case 'B' -> 0.075;
            default -> 0.07;
        };
        double ast = astBase * clamp(1 + r.gaussian() * 0.2, 0.5, 1.6) * (scorer ? 1 + Math.min(0.5, (estPpg - 15) / 30) : 1);
        double blk = switch (g) {
            case 'C' -> 0.038;
            case 'B' -> 0.028;
            case 'F' -> 0.018;
            default -> 0.01;
        } * clamp(1 + r.gaussian() * 0.3, 0.3, 2);
        double stl = 0.03 * clamp(1 + r.gaussian() * 0.25, 0.4, 1.8);
        return new Ratings(usage, threeShare, p2, p3, ftRate, ftPct, rebPerMin, orebShare, Math.max(0.02, ast), stl, blk,
                0.085, 0.018 + ast * 0.1, 0.06 * clamp(1 + r.gaussian() * 0.2, 0.5, 1.6), false, paintShare);
    }

    /**
     * Scales the team's shooting so that its healthy rotation, at its own pace against an average
     * defence, is expected to score what the real team scored per game; fixes the usage of players
     * with real attempt counts. Returns the shooting multiplier (the team's offensive effect).
     */
    private static double calibrateTeam(LeagueTeam team, double targetPpg, int[] members, double[] minutes, Ratings[] ratings,
            List<PlayerFact> pf, double[] estPpg) {
        double teamFga = team.pace() * Roster.FGA_PER_POSSESSION;
        // Players with real attempts keep them, scorers get attempts that match their scoring level,
        // and the role players' usage is scaled to fill the rest of the team's attempts.
        double[] target = new double[members.length];

        for (int j = 0; j < members.length; j++) {
            int i = members[j];
            target[j] = Double.NaN;
            if (ratings[i].efficiencyFixed()) {
                target[j] = pf.get(i).realFga();
            } else if (!Double.isNaN(estPpg[i]) && minutes[i] > 0 && pf.get(i).leadGames() >= 3) {
                target[j] = estPpg[i] / ratings[i].pointsPerAttempt();
            }
        }
        // Scorers keep the attempts that match their level (up to 70% of the team's between them and
        // the players with real attempts); the role players' usage is scaled to fill the rest.
        double realFga = 0;
        double scorerFga = 0;
        double freeWeight = 0;
        for (int j = 0; j < members.length; j++) {
            int i = members[j];
            if (ratings[i].efficiencyFixed()) {
                realFga += target[j];
            } else if (!Double.isNaN(target[j])) {
                scorerFga += target[j];
            } else {
                freeWeight += minutes[i] * ratings[i].usage();
            }
        }
        double room = Math.max(0, 0.7 * teamFga - realFga);
        double scorerScale = scorerFga > room ? room / scorerFga : 1;
        // Role players' usage moves within limits; the scorers take up what those limits leave.
        double scale = clamp((teamFga - realFga - scorerFga * scorerScale) / freeWeight, 0.6, 1.5);
        if (scorerFga > 0) {
            scorerScale = (teamFga - realFga - scale * freeWeight) / scorerFga;
        }
        for (int j = 0; j < members.length; j++) {
            int i = members[j];
            if (ratings[i].efficiencyFixed()) {
                continue;
            }
            // No role player takes more than ~0.55 attempts a minute (a 26-attempt pace over 48).
            ratings[i] = Double.isNaN(target[j]) ? ratings[i].withUsage(Math.min(0.55, ratings[i].usage() * scale))
                    : ratings[i].withUsage(Math.min(0.7, target[j] * scorerScale / minutes[i]));
        }
        double total = teamFga;
        double fixedPts = 0;
        double freeFg = 0;
        double freeFt = 0;
        for (int i : members) {
            Ratings r = ratings[i];
            double fga = teamFga * minutes[i] * r.usage() / total;
            if (r.efficiencyFixed()) {
                fixedPts += fga * r.pointsPerAttempt();
            } else {
                freeFg += fga * (2 * (1 - r.threeShare()) * r.p2() + 3 * r.threeShare() * r.p3());
                freeFt += fga * r.ftRate() * r.ftPct();
            }
        }
        double factor = clamp((targetPpg - fixedPts - freeFt) / freeFg, 0.85, 1.15);
        for (int i : members) {
            if (!ratings[i].efficiencyFixed()) {
                ratings[i] = ratings[i].withShooting(Math.min(0.70, ratings[i].p2() * factor), Math.min(0.46, ratings[i].p3() * factor));
            }
        }
        return factor;
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
