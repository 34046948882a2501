package io.nbaprops.sandbox.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nbaprops.identity.PlayerLookup;
import io.nbaprops.identity.Teams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Derives the compact fact tables from the real samples folder ({@code ../shared/samples}):
 * the regular-season schedule and results (nbac_schedule_api), rosters (nbac_player_list), team
 * ids (bdl_teams), balldontlie player ids and real per-game figures (bdl_* files).
 */
public final class FactsDeriver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path samples;

    public FactsDeriver(Path samples) {
        this.samples = samples;
    }

    public LeagueFacts derive() {
        JsonNode schedule = readFolder("nbac_schedule_api").get(0);
        List<JsonNode> regular = regularSeason(schedule);
        List<ScheduleFact> games = scheduleFacts(regular);
        List<TeamFact> teams = teamFacts(regular, games);
        List<PlayerFact> players = playerFacts(regular);
        return new LeagueFacts(teams, games, players);
    }

    private static List<JsonNode> regularSeason(JsonNode schedule) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode day : schedule.path("leagueSchedule").path("gameDates")) {
            for (JsonNode g : day.path("games")) {
                // NBA.com game ids: 001 preseason, 002 regular season (NBA Cup group and knockout games
                // included), 003 all-star, 004 playoffs, 005 play-in, 006 the NBA Cup final (not counted).
                if (g.path("gameId").asText().startsWith("002")) {
                    out.add(g);
                }
            }
        }
        out.sort(Comparator.comparing((JsonNode g) -> g.path("gameDateTimeUTC").asText())
                .thenComparing(g -> g.path("gameId").asText()));
        return out;
    }

    private static List<ScheduleFact> scheduleFacts(List<JsonNode> regular) {
        List<ScheduleFact> out = new ArrayList<>();
        for (JsonNode g : regular) {
            boolean neutral = g.path("isNeutral").asBoolean();
            out.add(new ScheduleFact(g.path("gameId").asText(),
                    LocalDate.parse(g.path("gameDateEst").asText().substring(0, 10)),
                    Instant.parse(g.path("gameDateTimeUTC").asText()),
                    g.path("homeTeam").path("teamTricode").asText(), g.path("awayTeam").path("teamTricode").asText(),
                    g.path("weekNumber").asInt(), g.path("gameLabel").asText(), g.path("gameSubLabel").asText(), neutral,
                    neutral ? g.path("arenaName").asText() : "", neutral ? g.path("arenaCity").asText() : "",
                    neutral ? g.path("arenaState").asText() : "", g.path("homeTeam").path("score").asInt(),
                    g.path("awayTeam").path("score").asInt()));
        }
        return out;
    }

    private List<TeamFact> teamFacts(List<JsonNode> regular, List<ScheduleFact> games) {
        Map<String, Integer> bdlIds = new HashMap<>();
        for (JsonNode t : readFolder("bdl_teams").get(0).path("data")) {
            if (t.path("id").asInt() <= 30) {
                bdlIds.put(t.path("abbreviation").asText(), t.path("id").asInt());
            }
        }
        Map<String, JsonNode> anyHomeGame = new HashMap<>();
        Map<String, Map<String, Integer>> arenas = new HashMap<>();
        for (JsonNode g : regular) {
            String home = g.path("homeTeam").path("teamTricode").asText();
            anyHomeGame.putIfAbsent(home, g.path("homeTeam"));
            if (!g.path("isNeutral").asBoolean()) {
                String key = g.path("arenaName").asText() + "|" + g.path("arenaCity").asText() + "|" + g.path("arenaState").asText();
                arenas.computeIfAbsent(home, k -> new TreeMap<>()).merge(key, 1, Integer::sum);
            }
        }
        List<TeamFact> out = new ArrayList<>();
        for (Teams.Team t : Teams.ALL) {
            String code = t.tricode();
            int gp = 0;
            int pts = 0;
            int opp = 0;
            int wins = 0;
            int homeWins = 0;
            int homeGames = 0;
            for (ScheduleFact g : games) {
                boolean home = g.home().equals(code);
                if (!home && !g.away().equals(code)) {
                    continue;
                }
                int own = home ? g.realHomeScore() : g.realAwayScore();
                int other = home ? g.realAwayScore() : g.realHomeScore();
                gp++;
                pts += own;
                opp += other;
                if (own > other) {
                    wins++;
                }
                if (home) {
                    homeGames++;
                    if (own > other) {
                        homeWins++;
                    }
                }
            }
            String arena = arenas.get(code).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            String[] a = arena.split("\\|", -1);
            JsonNode info = anyHomeGame.get(code);
            Integer bdl = bdlIds.get(code);
            if (bdl == null || info == null) {
                throw new IllegalStateException("team " + code + " missing from bdl_teams or the schedule");
            }
            out.add(new TeamFact(code, info.path("teamId").asLong(), bdl, t.city(), t.nickname(), t.conference(),
                    t.division(), info.path("teamSlug").asText(), a[0], a[1], a[2], gp, (double) pts / gp,
                    (double) opp / gp, wins, homeWins, homeGames));
        }
        return out;
    }

    private List<PlayerFact> playerFacts(List<JsonNode> regular) {
        Map<String, Long> bdlIdByLookup = bdlPlayerIds();
        Map<String, JsonNode> rebLeaders = new HashMap<>();
        for (JsonNode l : readFolder("bdl_leaders").get(0).path("data")) {
            if ("reb".equals(l.path("stat_type").asText()) && l.path("season").asInt() == 2024) {
                rebLeaders.put(lookup(l.path("player")), l);
            }
        }
        Map<String, JsonNode> averages = new HashMap<>();
        for (JsonNode a : readFolder("bdl_player_averages").get(0).path("data")) {
            if (a.path("season").asInt() == 2024 && "regular".equals(a.path("season_type").asText())) {
                averages.put(lookup(a.path("player")), a.path("stats"));
            }
        }
        Map<Long, List<Double>> leads = new HashMap<>();
        for (JsonNode g : regular) {
            for (JsonNode p : g.path("pointsLeaders")) {
                leads.computeIfAbsent(p.path("personId").asLong(), k -> new ArrayList<>()).add(p.path("points").asDouble());
            }
        }
        JsonNode index = readFolder("nbac_player_list").get(0).path("resultSets").get(0);
        Map<String, Integer> col = new LinkedHashMap<>();
        JsonNode headers = index.path("headers");
        for (int i = 0; i < headers.size(); i++) {
            col.put(headers.get(i).asText(), i);
        }
        List<PlayerFact> out = new ArrayList<>();
        for (JsonNode row : index.path("rowSet")) {
            String team = text(row, col, "TEAM_ABBREVIATION");
            if (team.isEmpty() || Teams.byTricode(team).isEmpty()) {
                continue;
            }
            long personId = row.get(col.get("PERSON_ID")).asLong();
            String first = text(row, col, "PLAYER_FIRST_NAME");
            String last = text(row, col, "PLAYER_LAST_NAME");
            String key = PlayerLookup.of(first, last);
            JsonNode reb = rebLeaders.get(key);
            JsonNode avg = averages.get(key);
            List<Double> led = leads.getOrDefault(personId, List.of());
            Integer realGp = avg != null ? Integer.valueOf(avg.path("gp").asInt())
                    : reb != null ? Integer.valueOf(reb.path("games_played").asInt()) : null;
            out.add(new PlayerFact(personId, bdlIdByLookup.get(key), first, last, team,
                    text(row, col, "POSITION"), text(row, col, "JERSEY_NUMBER"), text(row, col, "HEIGHT"),
                    text(row, col, "WEIGHT"), text(row, col, "COLLEGE"), text(row, col, "COUNTRY"),
                    optInt(row, col, "DRAFT_YEAR"), optInt(row, col, "DRAFT_ROUND"), optInt(row, col, "DRAFT_NUMBER"),
                    Integer.parseInt(text(row, col, "FROM_YEAR")), realGp, stat(avg, "min"), stat(avg, "pts"),
                    avg != null ? stat(avg, "reb") : reb != null ? Double.valueOf(reb.path("value").asDouble()) : null,
                    stat(avg, "ast"), stat(avg, "fg3m"), stat(avg, "fga"), stat(avg, "fgm"), stat(avg, "fg3a"),
                    stat(avg, "fta"), stat(avg, "ftm"), stat(avg, "oreb"), stat(avg, "stl"), stat(avg, "blk"),
                    stat(avg, "tov"), stat(avg, "pf"), led.size(),
                    led.isEmpty() ? null : led.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
        }
        out.sort(Comparator.comparing(PlayerFact::team).thenComparing(PlayerFact::personId));
        return out;
    }

    /** balldontlie ids by player key, from every balldontlie file that names players. */
    private Map<String, Long> bdlPlayerIds() {
        Map<String, Long> ids = new TreeMap<>();
        for (String folder : List.of("bdl_players", "bdl_active_players", "bdl_player_detail", "bdl_leaders",
                "bdl_player_averages", "bdl_injuries", "bdl_player_box_scores", "bdl_box_scores")) {
            for (JsonNode doc : readFolder(folder)) {
                doc.findParents("first_name").forEach(p -> {
                    if (p.has("id") && p.has("last_name")) {
                        ids.putIfAbsent(lookup(p), p.path("id").asLong());
                    }
                });
            }
        }
        return ids;
    }

    private static String lookup(JsonNode player) {
        return PlayerLookup.of(player.path("first_name").asText(), player.path("last_name").asText());
    }

    private static Double stat(JsonNode stats, String name) {
        return stats == null || !stats.hasNonNull(name) ? null : Double.valueOf(stats.path(name).asDouble());
    }

    private static String text(JsonNode row, Map<String, Integer> col, String name) {
        JsonNode v = row.get(col.get(name));
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static Integer optInt(JsonNode row, Map<String, Integer> col, String name) {
        JsonNode v = row.get(col.get(name));
        return v == null || v.isNull() || !v.canConvertToInt() && v.asText().isBlank() ? null : Integer.valueOf(v.asInt());
    }

    /** Every file of a sample folder parsed as JSON (gunzipped when .gz), in name order. */
    private List<JsonNode> readFolder(String folder) {
        Path dir = samples.resolve(folder);
        try (Stream<Path> files = Files.list(dir)) {
            List<JsonNode> docs = new ArrayList<>();
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                try (InputStream raw = Files.newInputStream(f);
                        InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
                    docs.add(JSON.readTree(in));
                }
            }
            if (docs.isEmpty()) {
                throw new IllegalStateException("sample folder " + dir + " has no files");
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample folder " + dir, e);
        }
    }
}
