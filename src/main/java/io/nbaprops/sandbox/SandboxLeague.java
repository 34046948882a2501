package io.nbaprops.sandbox;

import io.nbaprops.sandbox.facts.LeagueFacts;
import io.nbaprops.sandbox.gen.LeagueGenerator;
import io.nbaprops.sandbox.gen.SeasonData;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A generated, realistic 2024-25 NBA regular season on the real schedule and rosters: teams,
 * players, 1,230 games with full box scores, injury reports, sportsbook lines over time, and the
 * generator's ground truth for every player-game. Deterministic for a seed; immutable once built.
 *
 * <p>{@code SandboxLeague.generate(2024)} builds it in memory in about a second or two.
 */
public final class SandboxLeague {
    public static final ZoneId EASTERN = ZoneId.of("America/New_York");
    public static final String SEASON = "2024-25";
    public static final int SEASON_YEAR = 2024;

    private final long seed;
    private final LeagueFacts facts;
    private final SeasonData data;
    private final Map<String, LeagueGame> byKey = new HashMap<>();
    private final Map<String, LeagueGame> byEventId = new HashMap<>();
    private final Map<Long, LeagueGame> byBdlId = new HashMap<>();
    private final Map<LocalDate, List<LeagueGame>> byDate = new LinkedHashMap<>();
    private final Map<String, LeagueTeam> teamsByCode = new HashMap<>();
    private final Map<String, List<LeaguePlayer>> playersByTeam = new HashMap<>();
    private final Map<Long, LeaguePlayer> byBdlPlayerId = new HashMap<>();

    private SandboxLeague(long seed, LeagueFacts facts, SeasonData data) {
        this.seed = seed;
        this.facts = facts;
        this.data = data;
        for (LeagueGame g : data.games()) {
            byKey.put(g.gameKey(), g);
            byEventId.put(g.eventId(), g);
            byBdlId.put(g.bdlId(), g);
            byDate.computeIfAbsent(g.date(), d -> new ArrayList<>()).add(g);
        }
        for (LeagueTeam t : data.roster().teams()) {
            teamsByCode.put(t.tricode(), t);
        }
        for (LeaguePlayer p : data.roster().players()) {
            playersByTeam.computeIfAbsent(p.team(), k -> new ArrayList<>()).add(p);
            byBdlPlayerId.put(p.bdlId(), p);
        }
    }

    /** The season for {@code seed} on the committed real schedule and rosters. */
    public static SandboxLeague generate(long seed) {
        return generate(seed, LeagueFacts.load());
    }

    public static SandboxLeague generate(long seed, LeagueFacts facts) {
        return new SandboxLeague(seed, facts, new LeagueGenerator(facts, seed).generate());
    }

    public long seed() {
        return seed;
    }

    /** The real-world facts the season was built on (real figures for the calibration report). */
    public LeagueFacts facts() {
        return facts;
    }

    public List<LeagueTeam> teams() {
        return data.roster().teams();
    }

    public LeagueTeam team(String tricode) {
        LeagueTeam t = teamsByCode.get(tricode);
        if (t == null) {
            throw new IllegalArgumentException("no team " + tricode + " in the sandbox league");
        }
        return t;
    }

    public List<LeaguePlayer> players() {
        return data.roster().players();
    }

    public LeaguePlayer player(int index) {
        return data.roster().players().get(index);
    }

    public Optional<LeaguePlayer> playerByBdlId(long bdlId) {
        return Optional.ofNullable(byBdlPlayerId.get(bdlId));
    }

    public List<LeaguePlayer> roster(String tricode) {
        return playersByTeam.getOrDefault(tricode, List.of());
    }

    /** All games in date and tip-off order; a game's index is its position here. */
    public List<LeagueGame> games() {
        return data.games();
    }

    public LeagueGame game(int index) {
        return data.games().get(index);
    }

    public Optional<LeagueGame> gameByKey(String gameKey) {
        return Optional.ofNullable(byKey.get(gameKey));
    }

    public Optional<LeagueGame> gameByEventId(String eventId) {
        return Optional.ofNullable(byEventId.get(eventId));
    }

    public Optional<LeagueGame> gameByBdlId(long bdlId) {
        return Optional.ofNullable(byBdlId.get(bdlId));
    }

    /** Games on a US-Eastern date (empty on a day without games). */
    public List<LeagueGame> gamesOn(LocalDate date) {
        return byDate.getOrDefault(date, List.of());
    }

    public List<LocalDate> gameDates() {
        return List.copyOf(byDate.keySet());
    }

    public BoxScore boxScore(int gameIndex) {
        return data.boxScores().get(gameIndex);
    }

    /** Ground truth for every rostered player of the game (zeros and active=false for those ruled out). */
    public List<PlayerGameTruth> truth(int gameIndex) {
        return data.truths().get(gameIndex);
    }

    /** Ground truth for the whole season, in game order. */
    public List<PlayerGameTruth> truth() {
        List<PlayerGameTruth> out = new ArrayList<>();
        data.truths().forEach(out::addAll);
        return out;
    }

    /** Every injury-report entry of the season in the order it was reported. */
    public List<InjuryReport> injuryReports() {
        return data.injuryReports();
    }

    /** Entries concerning the games of one date, in report order. */
    public List<InjuryReport> injuriesOn(LocalDate gameDate) {
        return data.injuryReports().stream().filter(r -> r.gameDate().equals(gameDate)).toList();
    }

    /**
     * The injury list as it stood at {@code now}: each player's latest report, if it still puts him
     * out or in doubt (a report stands until the game it is for has ended, or while he is expected
     * back only later).
     */
    public List<InjuryReport> injuryListAsOf(Instant now) {
        LocalDate today = now.atZone(EASTERN).toLocalDate();
        Map<Integer, InjuryReport> latest = new LinkedHashMap<>();
        for (InjuryReport r : data.injuryReports()) {
            if (r.reportedAt().isAfter(now)) {
                break;
            }
            latest.put(r.playerIndex(), r);
        }
        List<InjuryReport> out = new ArrayList<>();
        for (InjuryReport r : latest.values()) {
            if (r.status() == InjuryStatus.AVAILABLE) {
                continue;
            }
            LeagueGame g = byKey.get(r.gameKey());
            boolean pending = !g.hasEnded(now);
            boolean stillOut = r.status() == InjuryStatus.OUT && (r.expectedReturn() == null || r.expectedReturn().isAfter(today));
            if (pending || stillOut) {
                out.add(r);
            }
        }
        out.sort((a, b) -> a.playerIndex() - b.playerIndex());
        return Collections.unmodifiableList(out);
    }

    /** Every book's player-prop lines for the game, each with its snapshots over time. */
    public List<PropLine> propLines(int gameIndex) {
        return data.propLines().get(gameIndex);
    }

    /** Every book's spread / total / moneyline for the game over time. */
    public List<GameLine> gameLines(int gameIndex) {
        return data.gameLines().get(gameIndex);
    }
}
