package io.nbaprops.source.bigdataball;

import io.nbaprops.identity.GameKey;
import io.nbaprops.identity.PlayerLookup;
import io.nbaprops.identity.Teams;
import io.nbaprops.source.CsvPayload;
import io.nbaprops.source.ParseContext;
import io.nbaprops.source.ParsedRows;
import io.nbaprops.source.PayloadParser;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * A BigDataBall enhanced play-by-play CSV (one game) into {@code bdb_play_by_play}: every play with
 * the five players of each side on the floor (a1..a5 away, h1..h5 home). The file names no home or
 * away team, so they are inferred: a play whose acting player is among a1..a5 belongs to the away
 * team. BigDataBall's game id is NBA.com's without the leading "00".
 */
public final class BdbPlayByPlayParser implements PayloadParser {
    public static final String TABLE = "bdb_play_by_play";
    private static final List<String> REQUIRED = List.of("game_id", "date", "play_id", "period", "a1", "h1", "team", "player");

    @Override
    public String name() {
        return "bigdataball_pbp";
    }

    @Override
    public ParsedRows parse(byte[] payload, ParseContext ctx) {
        CsvPayload csv = CsvPayload.parse(payload, ctx, REQUIRED);
        ParsedRows out = new ParsedRows().table(TABLE);
        // Vote: each play whose actor is on the floor for the away side (a1..a5) is a vote for his
        // team being the away team. Majority, because a few events (jump balls) name the team that
        // gained possession, not the player's.
        Map<String, int[]> votes = new HashMap<>();
        for (CSVRecord r : csv.records()) {
            String team = csv.text(r, "team");
            String player = csv.text(r, "player");
            if (team == null || player == null || Teams.find(team).isEmpty()) {
                continue;
            }
            Set<String> awayFive = new HashSet<>();
            Set<String> homeFive = new HashSet<>();
            for (int i = 1; i <= 5; i++) {
                awayFive.add(csv.text(r, "a" + i));
                homeFive.add(csv.text(r, "h" + i));
            }
            int[] v = votes.computeIfAbsent(Teams.tricode(team), k -> new int[2]);
            if (awayFive.contains(player)) {
                v[0]++;
            } else if (homeFive.contains(player)) {
                v[1]++;
            }
        }
        String away = votes.entrySet().stream().filter(e -> e.getValue()[0] > e.getValue()[1])
                .max(Comparator.comparingInt(e -> e.getValue()[0] - e.getValue()[1])).map(Map.Entry::getKey).orElse(null);
        String home = votes.entrySet().stream().filter(e -> e.getValue()[1] > e.getValue()[0])
                .max(Comparator.comparingInt(e -> e.getValue()[1] - e.getValue()[0])).map(Map.Entry::getKey).orElse(null);
        if (away != null && away.equals(home)) {
            away = null;
        }
        if (away == null || home == null) {
            out.skip("home and away teams not inferable from the plays; game_key left empty");
        }
        for (CSVRecord r : csv.records()) {
            String gameId = csv.text(r, "game_id");
            if (gameId == null) {
                throw csv.fail(csv.path(r, "game_id"), "missing game id");
            }
            LocalDate date = date(csv, r);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("game_id", gameId);
            row.put("play_id", csv.optInt(r, "play_id"));
            if (row.get("play_id") == null) {
                throw csv.fail(csv.path(r, "play_id"), "missing play id");
            }
            row.put("nba_game_id", gameId.matches("\\d{8}") ? "00" + gameId : gameId);
            row.put("game_date", date);
            row.put("game_key", away == null || home == null ? null : GameKey.of(date, away, home));
            row.put("data_set", csv.text(r, "data_set"));
            row.put("period", csv.optInt(r, "period"));
            row.put("away_score", optInt(csv, r, "away_score"));
            row.put("home_score", optInt(csv, r, "home_score"));
            row.put("remaining_time", optText(csv, r, "remaining_time"));
            row.put("elapsed", optText(csv, r, "elapsed"));
            String team = csv.text(r, "team");
            row.put("team", team == null ? null : Teams.find(team).map(Teams.Team::tricode).orElse(null));
            row.put("event_type", optText(csv, r, "event_type"));
            row.put("play_type", optText(csv, r, "type"));
            String player = csv.text(r, "player");
            row.put("player_name", player);
            row.put("player_lookup", player == null ? null : PlayerLookup.of(player));
            row.put("assist", optText(csv, r, "assist"));
            row.put("block", optText(csv, r, "block"));
            row.put("steal", optText(csv, r, "steal"));
            row.put("points", optInt(csv, r, "points"));
            row.put("result", optText(csv, r, "result"));
            row.put("reason", optText(csv, r, "reason"));
            row.put("shot_distance", optDouble(csv, r, "shot_distance"));
            for (int i = 1; i <= 5; i++) {
                row.put("a" + i, csv.text(r, "a" + i));
                row.put("h" + i, csv.text(r, "h" + i));
            }
            row.put("description", optText(csv, r, "description"));
            row.put("payload_id", ctx.payloadId());
            out.add(TABLE, row);
        }
        return out;
    }

    private static LocalDate date(CsvPayload csv, CSVRecord r) {
        String d = csv.text(r, "date");
        if (d == null) {
            throw csv.fail(csv.path(r, "date"), "missing date");
        }
        try {
            return LocalDate.parse(d);
        } catch (DateTimeParseException e) {
            throw csv.fail(csv.path(r, "date"), "not a date: \"" + d + "\"");
        }
    }

    /** Optional columns: absent from an older file's header means null, not an error. */
    private static String optText(CsvPayload csv, CSVRecord r, String col) {
        return csv.header().contains(col) ? csv.text(r, col) : null;
    }

    private static Integer optInt(CsvPayload csv, CSVRecord r, String col) {
        return csv.header().contains(col) ? csv.optInt(r, col) : null;
    }

    private static Double optDouble(CsvPayload csv, CSVRecord r, String col) {
        return csv.header().contains(col) ? csv.optDouble(r, col) : null;
    }
}
