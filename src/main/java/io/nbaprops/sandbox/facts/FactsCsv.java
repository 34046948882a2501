package io.nbaprops.sandbox.facts;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** Reads and writes the fact tables as CSV with a header row; empty cells are nulls. */
public final class FactsCsv {
    static final String[] TEAM_COLUMNS = {"tricode", "nba_team_id", "bdl_id", "city", "name", "conference", "division",
            "slug", "arena", "arena_city", "arena_state", "real_games", "real_ppg", "real_opp_ppg", "real_wins",
            "real_home_wins", "real_home_games"};
    static final String[] SCHEDULE_COLUMNS = {"game_id", "date", "tipoff_utc", "home", "away", "week", "label",
            "sub_label", "neutral", "arena", "arena_city", "arena_state", "real_home_score", "real_away_score"};
    static final String[] PLAYER_COLUMNS = {"person_id", "bdl_id", "first_name", "last_name", "team", "position",
            "jersey", "height", "weight", "college", "country", "draft_year", "draft_round", "draft_number", "from_year",
            "real_gp", "real_min", "real_ppg", "real_rpg", "real_apg", "real_fg3m", "real_fga", "real_fgm", "real_fg3a",
            "real_fta", "real_ftm", "real_oreb", "real_stl", "real_blk", "real_tov", "real_pf", "lead_games",
            "lead_pts_mean"};

    private FactsCsv() {}

    public static String writeTeams(List<TeamFact> teams) {
        return write(TEAM_COLUMNS, teams, t -> new Object[] {t.tricode(), t.nbaTeamId(), t.bdlId(), t.city(), t.name(),
                t.conference(), t.division(), t.slug(), t.arena(), t.arenaCity(), t.arenaState(), t.realGames(),
                num(t.realPpg()), num(t.realOppPpg()), t.realWins(), t.realHomeWins(), t.realHomeGames()});
    }

    public static String writeSchedule(List<ScheduleFact> games) {
        return write(SCHEDULE_COLUMNS, games, g -> new Object[] {g.gameId(), g.date(), g.tipoff(), g.home(), g.away(),
                g.weekNumber(), g.label(), g.subLabel(), g.neutral() ? 1 : 0, g.arena(), g.arenaCity(), g.arenaState(),
                g.realHomeScore(), g.realAwayScore()});
    }

    public static String writePlayers(List<PlayerFact> players) {
        return write(PLAYER_COLUMNS, players, p -> new Object[] {p.personId(), p.bdlId(), p.firstName(), p.lastName(),
                p.team(), p.position(), p.jersey(), p.height(), p.weight(), p.college(), p.country(), p.draftYear(),
                p.draftRound(), p.draftNumber(), p.fromYear(), p.realGp(), num(p.realMin()), num(p.realPpg()),
                num(p.realRpg()), num(p.realApg()), num(p.realFg3m()), num(p.realFga()), num(p.realFgm()),
                num(p.realFg3a()), num(p.realFta()), num(p.realFtm()), num(p.realOreb()), num(p.realStl()),
                num(p.realBlk()), num(p.realTov()), num(p.realPf()), p.leadGames(), num(p.leadPtsMean())});
    }

    public static List<TeamFact> readTeams(String csv) {
        return read(csv, TEAM_COLUMNS, r -> new TeamFact(r.get("tricode"), Long.parseLong(r.get("nba_team_id")),
                Integer.parseInt(r.get("bdl_id")), r.get("city"), r.get("name"), r.get("conference"), r.get("division"),
                r.get("slug"), r.get("arena"), r.get("arena_city"), r.get("arena_state"),
                Integer.parseInt(r.get("real_games")), Double.parseDouble(r.get("real_ppg")),
                Double.parseDouble(r.get("real_opp_ppg")), Integer.parseInt(r.get("real_wins")),
                Integer.parseInt(r.get("real_home_wins")), Integer.parseInt(r.get("real_home_games"))));
    }

    public static List<ScheduleFact> readSchedule(String csv) {
        return read(csv, SCHEDULE_COLUMNS, r -> new ScheduleFact(r.get("game_id"), LocalDate.parse(r.get("date")),
                Instant.parse(r.get("tipoff_utc")), r.get("home"), r.get("away"), Integer.parseInt(r.get("week")),
                r.get("label"), r.get("sub_label"), "1".equals(r.get("neutral")), r.get("arena"), r.get("arena_city"),
                r.get("arena_state"), Integer.parseInt(r.get("real_home_score")),
                Integer.parseInt(r.get("real_away_score"))));
    }

    public static List<PlayerFact> readPlayers(String csv) {
        return read(csv, PLAYER_COLUMNS, r -> new PlayerFact(Long.parseLong(r.get("person_id")), optLong(r, "bdl_id"),
                r.get("first_name"), r.get("last_name"), r.get("team"), r.get("position"), r.get("jersey"),
                r.get("height"), r.get("weight"), r.get("college"), r.get("country"), optInt(r, "draft_year"),
                optInt(r, "draft_round"), optInt(r, "draft_number"), Integer.parseInt(r.get("from_year")),
                optInt(r, "real_gp"), optDouble(r, "real_min"), optDouble(r, "real_ppg"), optDouble(r, "real_rpg"),
                optDouble(r, "real_apg"), optDouble(r, "real_fg3m"), optDouble(r, "real_fga"), optDouble(r, "real_fgm"),
                optDouble(r, "real_fg3a"), optDouble(r, "real_fta"), optDouble(r, "real_ftm"), optDouble(r, "real_oreb"),
                optDouble(r, "real_stl"), optDouble(r, "real_blk"), optDouble(r, "real_tov"), optDouble(r, "real_pf"),
                Integer.parseInt(r.get("lead_games")), optDouble(r, "lead_pts_mean")));
    }

    /** Doubles rounded to 3 decimals so the committed files are stable and small. */
    private static String num(Double d) {
        if (d == null) {
            return null;
        }
        String s = String.format(Locale.ROOT, "%.3f", d);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static <T> String write(String[] header, List<T> rows, Function<T, Object[]> toRow) {
        StringBuilder sb = new StringBuilder();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator("\n").get();
        try (CSVPrinter p = new CSVPrinter(sb, format)) {
            for (T row : rows) {
                p.printRecord(toRow.apply(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    private static <T> List<T> read(String csv, String[] header, Function<CSVRecord, T> fromRow) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<T> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
            List<String> names = parser.getHeaderNames();
            if (!names.equals(List.of(header))) {
                throw new IllegalArgumentException("fact table columns " + names + " differ from the expected " + List.of(header));
            }
            for (CSVRecord r : parser) {
                try {
                    out.add(fromRow.apply(r));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("fact table line " + r.getRecordNumber() + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Integer optInt(CSVRecord r, String col) {
        String s = r.get(col);
        return s == null || s.isEmpty() ? null : Integer.valueOf(s);
    }

    private static Long optLong(CSVRecord r, String col) {
        String s = r.get(col);
        return s == null || s.isEmpty() ? null : Long.valueOf(s);
    }

    private static Double optDouble(CSVRecord r, String col) {
        String s = r.get(col);
        return s == null || s.isEmpty() ? null : Double.valueOf(s);
    }
}
